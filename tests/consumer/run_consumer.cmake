# ctest driver (cmake -P): installs the build tree into a fresh prefix, then configures, builds
# and runs tests/consumer against it with the build's compiler, build type and sanitizer flags.
# Inputs: BUILD_DIR SOURCE_DIR WORK_DIR CXX_COMPILER BUILD_TYPE CXX_FLAGS CXX_FLAGS_CONFIG
#         LINKER_FLAGS GENERATOR LAUNCHER
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    string(REPLACE ";" " " shown "${ARGN}")
    message(FATAL_ERROR "failed (${code}): ${shown}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
string(TOUPPER "${BUILD_TYPE}" config)
run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}
    -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_CXX_FLAGS_${config}=${CXX_FLAGS_CONFIG}"
    "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer_test)
