# chatmock_add_test(name SOURCES ... LIBS ... LABELS unit|property|integration|conformance|fuzz)
#                  [TIMEOUT seconds] [EACH_TEST] [COST n]
# registers one GoogleTest binary with CTest, labelled, every entry with a timeout (default
# 300 s) so a hang fails fast instead of stalling CI. One CTest entry per test suite: a process
# start under the sanitizers costs ~0.1 s, and a thousand one-test processes were a fifth of the
# test run. EACH_TEST keeps one entry per test for binaries of long tests (so two cores share
# them); COST makes CTest start that binary's entries first on a clean clone, with no timings yet.
find_package(GTest REQUIRED)

# Property tests replay the same cases on every CTest run (CI must be deterministic);
# scripts/explore runs the property binaries with fresh random seeds instead.
set(CHATMOCK_PROPERTY_SEED 20261206 CACHE STRING "RapidCheck seed for property tests under CTest")

function(chatmock_add_test name)
  cmake_parse_arguments(ARG "EACH_TEST" "TIMEOUT;COST" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  if(NOT ARG_COST)
    set(ARG_COST 0)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  chatmock_set_warnings(${name})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  set(environment "")
  if("property" IN_LIST ARG_LABELS)
    set(environment "RC_PARAMS=seed=${CHATMOCK_PROPERTY_SEED}")
  endif()
  # The binary lists its tests after each link (as gtest_discover_tests does); CTest includes the
  # entries that listing wrote, or one failing placeholder while the binary is not built.
  set(entries ${CMAKE_CURRENT_BINARY_DIR}/${name}_entries.cmake)
  add_custom_command(
    TARGET ${name} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -D binary=$<TARGET_FILE:${name}> -D output=${entries}
            -D "labels=${ARG_LABELS}" -D timeout=${ARG_TIMEOUT} -D cost=${ARG_COST}
            -D each_test=${ARG_EACH_TEST} -D "environment=${environment}"
            -D workdir=${PROJECT_SOURCE_DIR} -P ${PROJECT_SOURCE_DIR}/cmake/ChatmockListTests.cmake
    BYPRODUCTS ${entries}
    VERBATIM)
  set(include_file ${CMAKE_CURRENT_BINARY_DIR}/${name}_include.cmake)
  file(WRITE ${include_file}
       "if(EXISTS \"${entries}\")\n  include(\"${entries}\")\nelse()\n"
       "  add_test(${name}_NOT_BUILT ${name}_NOT_BUILT)\nendif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${include_file})
endfunction()
