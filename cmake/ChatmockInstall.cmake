# `cmake --install` layout: the chatmock and chatmock-conform programs, and the CMake package
# `chatmock` with chatmock::testing (in-process MockServer) and chatmock::client (the C++
# client). Included last from the root CMakeLists.txt, once every target exists.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CHATMOCK_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/chatmock)

# The project's static libraries `target` links, transitively (they ship in the package too,
# because a static library carries its dependencies only as names).
function(_chatmock_link_closure target out_var)
  set(seen ${${out_var}})
  get_target_property(aliased ${target} ALIASED_TARGET)
  if(aliased)
    set(target ${aliased})
  endif()
  if(NOT TARGET ${target} OR ${target} IN_LIST seen)
    return()
  endif()
  get_target_property(imported ${target} IMPORTED)
  if(imported OR NOT target MATCHES "^chatmock_")
    return()
  endif()
  list(APPEND seen ${target})
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    get_target_property(links ${target} INTERFACE_LINK_LIBRARIES)
  else()
    get_target_property(links ${target} LINK_LIBRARIES)
  endif()
  foreach(link IN LISTS links)
    string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
    if(TARGET ${link})
      _chatmock_link_closure(${link} seen)
    endif()
  endforeach()
  set(${out_var} ${seen} PARENT_SCOPE)
endfunction()

# Include folders given as plain source paths are valid only in the build tree.
function(_chatmock_build_only_includes target)
  get_target_property(dirs ${target} INTERFACE_INCLUDE_DIRECTORIES)
  if(NOT dirs)
    return()
  endif()
  set(fixed "")
  foreach(dir IN LISTS dirs)
    if(dir MATCHES "^\\$<")
      list(APPEND fixed "${dir}")
    else()
      list(APPEND fixed "$<BUILD_INTERFACE:${dir}>")
    endif()
  endforeach()
  set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${fixed}")
endfunction()

if(TARGET chatmock_testing AND TARGET chatmock_client)
  set(_chatmock_package_targets "")
  _chatmock_link_closure(chatmock_testing _chatmock_package_targets)
  _chatmock_link_closure(chatmock_client _chatmock_package_targets)
  foreach(target IN LISTS _chatmock_package_targets)
    _chatmock_build_only_includes(${target})
  endforeach()

  # chatmock::client's headers include streaming/sse_decoder.h; it ships under chatmock/server.
  set_target_properties(chatmock_client PROPERTIES EXPORT_NAME client)
  target_include_directories(chatmock_client PUBLIC
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/chatmock/server>)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/conformance/clients/cpp/include/chatmock/client
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/chatmock)
  install(FILES ${PROJECT_SOURCE_DIR}/server/streaming/sse_decoder.h
                ${PROJECT_SOURCE_DIR}/server/streaming/sse_event.h
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/chatmock/server/streaming)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/testing/include/chatmock/testing
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/chatmock)

  install(TARGETS ${_chatmock_package_targets} EXPORT chatmockTargets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(EXPORT chatmockTargets NAMESPACE chatmock:: DESTINATION ${CHATMOCK_INSTALL_CMAKEDIR})
  configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/chatmockConfig.cmake.in
    ${PROJECT_BINARY_DIR}/chatmockConfig.cmake INSTALL_DESTINATION ${CHATMOCK_INSTALL_CMAKEDIR})
  write_basic_package_version_file(${PROJECT_BINARY_DIR}/chatmockConfigVersion.cmake
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
  install(FILES ${PROJECT_BINARY_DIR}/chatmockConfig.cmake ${PROJECT_BINARY_DIR}/chatmockConfigVersion.cmake
          DESTINATION ${CHATMOCK_INSTALL_CMAKEDIR})
endif()

foreach(program chatmock chatmock-conform)
  if(TARGET ${program})
    install(TARGETS ${program} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  endif()
endforeach()
