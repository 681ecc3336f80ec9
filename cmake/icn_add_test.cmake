# icn_add_test(name sources...): a GoogleTest executable run from the repository root.
function(icn_add_test name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE icn_test_support GTest::gtest_main icn_warnings)
  gtest_discover_tests(${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60)
endfunction()
