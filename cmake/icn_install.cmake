# cmake --install: the icn command, the shipped reference models (share/icn: chains, regions,
# criteria), and the engine as a CMake package: find_package(icn) gives icn::engine (with
# icn::models), headers under include/icn as "engine/api.hpp". docs/engine-api.md shows a consumer.
include(CMakePackageConfigHelpers)

install(TARGETS icn RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/models/chains ${PROJECT_SOURCE_DIR}/models/regions
                  ${PROJECT_SOURCE_DIR}/models/criteria
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icn)

install(TARGETS icn_models icn_engine EXPORT icnTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
foreach(dir engine models)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${dir} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/icn
          FILES_MATCHING PATTERN "*.hpp" PATTERN "chains" EXCLUDE PATTERN "regions" EXCLUDE
          PATTERN "criteria" EXCLUDE)
endforeach()
install(EXPORT icnTargets NAMESPACE icn:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/icn)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/icnConfig.cmake.in
  ${PROJECT_BINARY_DIR}/icnConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/icn)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/icnConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/icnConfig.cmake ${PROJECT_BINARY_DIR}/icnConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/icn)
