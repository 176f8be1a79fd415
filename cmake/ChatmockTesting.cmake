# chatmock_add_test(name SOURCES ... LIBS ... LABELS unit|property|integration|conformance|fuzz)
# registers one GoogleTest binary with CTest, discovering its tests and labelling them.
find_package(GTest REQUIRED)
include(GoogleTest)

function(chatmock_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  chatmock_set_warnings(${name})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}"
                       DISCOVERY_TIMEOUT 30
                       WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()
