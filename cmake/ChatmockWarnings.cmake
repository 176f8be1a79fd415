# chatmock_set_warnings(target): the project's warning set, in the spirit of fmt's
# PEDANTIC_COMPILE_FLAGS. CHATMOCK_WERROR turns them into errors (on in presets and CI).
# Every project target passes through here, so it also picks up the shared precompiled header.
option(CHATMOCK_QUIET_GCC_FALSE_POSITIVES
       "gcc Release: silence gcc 12's -Wstringop-overflow/-Warray-bounds/-Wrestrict false positives" ON)
function(chatmock_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    -Wnull-dereference -Wold-style-cast -Wimplicit-fallthrough
    # Designated initializers that leave optional members (e.g. Scenario hooks) defaulted are the point.
    -Wno-missing-field-initializers
    # gcc 12 at -O3 reports false positives in inlined std::string/std::vector and nlohmann::json
    # code (GCC bugs 105329, 105651, 106199: "bound exceeds maximum object size" and "null
    # pointer dereference", "may be used uninitialized" on a designated initializer's defaulted
    # member, on paths the optimiser cannot prove unreachable): 29 of them in a
    # Release build. A user's first build should print none; Debug builds and clang keep them.
    $<$<AND:$<BOOL:${CHATMOCK_QUIET_GCC_FALSE_POSITIVES}>,$<CXX_COMPILER_ID:GNU>,$<CONFIG:Release>>:-Wno-stringop-overflow -Wno-array-bounds -Wno-restrict -Wno-null-dereference -Wno-maybe-uninitialized>)
  if(CHATMOCK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  chatmock_use_precompiled_header(${target})
endfunction()
