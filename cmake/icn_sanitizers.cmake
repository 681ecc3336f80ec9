# ICN_SANITIZE=ON builds everything with ASan + UBSan; any report aborts the test.
if(ICN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# ICN_TSAN=ON builds with ThreadSanitizer (the `tsan` preset: the engine and parallel_test only).
if(ICN_TSAN)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()
