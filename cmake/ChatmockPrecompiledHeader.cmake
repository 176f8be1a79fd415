# One precompiled header, built once and reused by every target that calls
# chatmock_set_warnings: nlohmann/json.hpp plus the standard headers nearly every file uses.
# Parsing json.hpp alone costs ~3 s of CPU per translation unit, about a third of a clean
# build on two cores. CHATMOCK_PCH=OFF builds without it (to catch a missing #include).
option(CHATMOCK_PCH "Precompile nlohmann/json and common standard headers" ON)

# Makes `target` reuse the shared precompiled header (a no-op with CHATMOCK_PCH=OFF). Test code
# (targets defined under tests/, where CHATMOCK_TEST_CODE is set) builds at -O0 (and without
# UBSan, below) whatever the build type: the optimiser is what makes RapidCheck's and
# GoogleTest's templates slow to compile (a generator file: 44 s at -O1, 24 s at -O0, clang with
# ASan), while the code under test keeps the build type's flags. A precompiled header must match -O, so test code has its own one, which
# also carries GoogleTest and RapidCheck.
function(chatmock_use_precompiled_header target)
  if(CHATMOCK_TEST_CODE)
    # Without debug info too (a test file: 15.8 s with -g1, 13.5 s without): a failed check
    # names its file and line through GoogleTest's macros, and the code under test keeps -g1.
    target_compile_options(${target} PRIVATE -O0 -g0)
    # UBSan checks the code under test; test code keeps ASan only. UBSan's checks made test code
    # half again as slow to compile (a property-test file: 33 s with both, 21 s with ASan alone,
    # clang 14), about a quarter of a clean ASan build's CPU, for checks of the tests' own code.
    if(CHATMOCK_SANITIZE MATCHES "undefined")
      target_compile_options(${target} PRIVATE -fno-sanitize=undefined)
    endif()
    if(CHATMOCK_PCH AND NOT target STREQUAL "chatmock_test_pch")
      target_precompile_headers(${target} REUSE_FROM chatmock_test_pch)
      # The header was built with GoogleTest's flags; test support libraries that do not link
      # GoogleTest take them too, or the compiler ignores the header (gcc: -Winvalid-pch).
      target_compile_options(${target} PRIVATE
                             $<TARGET_PROPERTY:GTest::gtest,INTERFACE_COMPILE_OPTIONS>)
    endif()
  elseif(CHATMOCK_PCH AND NOT target STREQUAL "chatmock_pch")
    target_precompile_headers(${target} REUSE_FROM chatmock_pch)
  endif()
endfunction()

# The test code's precompiled header; called from tests/CMakeLists.txt with CHATMOCK_TEST_CODE set.
function(chatmock_add_test_precompiled_header)
  if(NOT CHATMOCK_PCH)
    return()
  endif()
  add_library(chatmock_test_pch OBJECT ${PROJECT_SOURCE_DIR}/cmake/precompiled_header_anchor.cpp)
  target_link_libraries(chatmock_test_pch PRIVATE nlohmann_json::nlohmann_json GTest::gtest rapidcheck)
  chatmock_set_warnings(chatmock_test_pch)
  target_precompile_headers(chatmock_test_pch PRIVATE
    <nlohmann/json.hpp> <algorithm> <chrono> <cstdint> <functional> <map> <memory> <optional>
    <string> <string_view> <utility> <variant> <vector> <gtest/gtest.h> <rapidcheck.h>)
endfunction()

if(CHATMOCK_PCH)
  add_library(chatmock_pch OBJECT ${CMAKE_CURRENT_LIST_DIR}/precompiled_header_anchor.cpp)
  target_link_libraries(chatmock_pch PRIVATE nlohmann_json::nlohmann_json)
  chatmock_set_warnings(chatmock_pch)
  target_precompile_headers(chatmock_pch PRIVATE
    <nlohmann/json.hpp> <algorithm> <chrono> <cstdint> <functional> <map> <memory> <optional>
    <string> <string_view> <utility> <variant> <vector>)
endif()
