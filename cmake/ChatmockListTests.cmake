# Run by chatmock_add_test after a test binary links (cmake -P): lists the binary's GoogleTest
# tests and writes the CTest entries for them, one per suite (`--gtest_filter=Suite.*`) or, with
# each_test, one per test. Inputs: binary, output, labels, timeout, cost, each_test, environment,
# workdir.
execute_process(COMMAND "${binary}" --gtest_list_tests
                WORKING_DIRECTORY "${workdir}" TIMEOUT 60
                OUTPUT_VARIABLE listing ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${binary} --gtest_list_tests failed (${status}):\n${listing}${errors}")
endif()

set(script "")
macro(add_entry entry filter)
  # Two binaries with one suite name would make two CTest entries of one name, which `ctest -R`,
  # the timings and the reports cannot tell apart: refuse, naming both.
  string(APPEND script
    "get_property(owner GLOBAL PROPERTY [==[chatmock_entry ${entry}]==])\n"
    "if(owner)\n  message(FATAL_ERROR [==[CTest entry '${entry}' comes from two test binaries, "
    "${binary} and ]==] \"\${owner}\" [==[: rename one suite]==])\nendif()\n"
    "set_property(GLOBAL PROPERTY [==[chatmock_entry ${entry}]==] [==[${binary}]==])\n"
    "add_test([==[${entry}]==] [==[${binary}]==] [==[--gtest_filter=${filter}]==])\n"
    "set_tests_properties([==[${entry}]==] PROPERTIES LABELS [==[${labels}]==] "
    "TIMEOUT ${timeout} COST ${cost} WORKING_DIRECTORY [==[${workdir}]==]")
  if(environment)
    string(APPEND script " ENVIRONMENT [==[${environment}]==]")
  endif()
  string(APPEND script ")\n")
endmacro()

string(REPLACE "\n" ";" lines "${listing}")
set(suite "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE " *#.*" "" line "${line}")  # "  Name/0  # GetParam() = …"
  if(line MATCHES "^([^ ].*)\\.$")
    set(suite "${CMAKE_MATCH_1}")
    if(NOT each_test AND NOT suite MATCHES "^DISABLED_")
      add_entry("${suite}" "${suite}.*")
    endif()
  elseif(line MATCHES "^  ([^ ]+)$" AND each_test AND suite)
    set(test "${CMAKE_MATCH_1}")
    if(NOT test MATCHES "^DISABLED_" AND NOT suite MATCHES "^DISABLED_")
      add_entry("${suite}.${test}" "${suite}.${test}")
    endif()
  endif()
endforeach()
file(WRITE "${output}" "${script}")
