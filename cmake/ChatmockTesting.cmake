# chatmock_add_test(name SOURCES ... LIBS ... LABELS unit|property|integration|conformance|fuzz)
#                  [TIMEOUT seconds]
# registers one GoogleTest binary with CTest, discovering its tests and labelling them. Every
# test has a timeout (default 300 s) so a hang fails fast instead of stalling CI.
find_package(GTest REQUIRED)
include(GoogleTest)

# Property tests replay the same cases on every CTest run (CI must be deterministic);
# scripts/explore runs the property binaries with fresh random seeds instead.
set(CHATMOCK_PROPERTY_SEED 20261206 CACHE STRING "RapidCheck seed for property tests under CTest")

function(chatmock_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  chatmock_set_warnings(${name})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  # gtest_discover_tests flattens a list given to PROPERTIES, so the labels are set by a script
  # CTest includes after the discovered tests (the TEST_LIST pattern of CMake's GoogleTest docs).
  set(label_script ${CMAKE_CURRENT_BINARY_DIR}/${name}_labels.cmake)
  file(WRITE ${label_script}
       "if(${name}_TESTS)\n  set_tests_properties(\${${name}_TESTS} PROPERTIES LABELS \"${ARG_LABELS}\")\nendif()\n")
  set(environment "")
  if("property" IN_LIST ARG_LABELS)
    set(environment ENVIRONMENT "RC_PARAMS=seed=${CHATMOCK_PROPERTY_SEED}")
  endif()
  gtest_discover_tests(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT} ${environment}
                       DISCOVERY_TIMEOUT 30
                       WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${label_script})
endfunction()
