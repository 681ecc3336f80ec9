# Warnings for every ICN target: link icn_warnings PRIVATE.
add_library(icn_warnings INTERFACE)
target_compile_options(icn_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
if(ICN_WARNINGS_AS_ERRORS)
  target_compile_options(icn_warnings INTERFACE -Werror)
endif()
