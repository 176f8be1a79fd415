# chatmock_set_warnings(target): the project's warning set, in the spirit of fmt's
# PEDANTIC_COMPILE_FLAGS. CHATMOCK_WERROR turns them into errors (on in presets and CI).
# Every project target passes through here, so it also picks up the shared precompiled header.
function(chatmock_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    -Wnull-dereference -Wold-style-cast -Wimplicit-fallthrough
    # Designated initializers that leave optional members (e.g. Scenario hooks) defaulted are the point.
    -Wno-missing-field-initializers)
  if(CHATMOCK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  chatmock_use_precompiled_header(${target})
endfunction()
