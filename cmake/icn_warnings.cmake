# Warnings for every ICN target: link icn_warnings PRIVATE.
add_library(icn_warnings INTERFACE)
target_compile_options(icn_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 reports -Wrestrict falsely on std::string operator+ at -O2 and above
  # (GCC bug 105329, fixed in GCC 13).
  target_compile_options(icn_warnings INTERFACE -Wno-restrict)
endif()
if(ICN_WARNINGS_AS_ERRORS)
  target_compile_options(icn_warnings INTERFACE -Werror)
endif()
