# chatmock_add_test(name SOURCES ... LIBS ... LABELS unit|property|integration|conformance|fuzz)
#                  [TIMEOUT seconds]
# registers one GoogleTest binary with CTest, discovering its tests and labelling them. Every
# test has a timeout (default 300 s) so a hang fails fast instead of stalling CI.
find_package(GTest REQUIRED)
include(GoogleTest)

function(chatmock_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  chatmock_set_warnings(${name})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT}
                       DISCOVERY_TIMEOUT 30
                       WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()
