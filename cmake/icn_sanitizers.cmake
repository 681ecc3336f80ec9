# ICN_SANITIZE=ON builds everything with ASan + UBSan; any report aborts the test.
if(ICN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
