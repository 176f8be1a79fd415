# `cmake --build --preset release --target package`: a .deb and a .tar.gz (CPack) with chatmock,
# chatmock-conform, the C++ reference client's adapter, the conformance cases, the shipped
# fixtures, the CMake package and the docs. Binaries find their data relative to themselves
# (<prefix>/bin → <prefix>/share/chatmock); the build tree is marked by chatmock-source-dir so a
# binary run from it finds the source tree's data instead (nothing absolute is compiled in).
include(GNUInstallDirs)

file(WRITE ${PROJECT_BINARY_DIR}/chatmock-source-dir "${PROJECT_SOURCE_DIR}\n")

set(CHATMOCK_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/chatmock)
if(TARGET chatmock-client-cpp)
  install(TARGETS chatmock-client-cpp RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/conformance/cases ${PROJECT_SOURCE_DIR}/conformance/expectations
        DESTINATION ${CHATMOCK_INSTALL_DATADIR}/conformance)
install(FILES ${PROJECT_SOURCE_DIR}/conformance/README.md
        DESTINATION ${CHATMOCK_INSTALL_DATADIR}/conformance)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/fixtures DESTINATION ${CHATMOCK_INSTALL_DATADIR})
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}
        FILES_MATCHING PATTERN "*.md")

set(CPACK_PACKAGE_NAME chatmock)
set(CPACK_PACKAGE_VENDOR chatmock)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Offline mock server and conformance harness for the OpenAI Chat Completions API")
set(CPACK_PACKAGE_CONTACT "chatmock maintainers <chatmock@localhost>")
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_PACKAGE_FILE_NAME chatmock-${PROJECT_VERSION}-${CMAKE_SYSTEM_PROCESSOR})
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/chatmock/chatmock")
# dpkg-shlibdeps (dpkg-dev) derives the libraries the programs link directly, with versions;
# without it they are named by hand. zlib (and RE2, once linked) are added explicitly: zlib is
# reached through cpp-httplib, so dpkg-shlibdeps does not list it for our programs.
set(_chatmock_extra_depends "zlib1g")
if(TARGET re2::re2 OR TARGET PkgConfig::RE2)
  string(APPEND _chatmock_extra_depends ", libre2-9")
endif()
find_program(CHATMOCK_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(CHATMOCK_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_chatmock_extra_depends}")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libstdc++6, libgcc-s1, libssl3, libcpp-httplib0.11, ${_chatmock_extra_depends}")
endif()
# The CMake package (chatmock::testing, chatmock::client) compiles against these headers.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "cmake, g++, pkg-config, libcpp-httplib-dev, nlohmann-json3-dev, libcli11-dev, libssl-dev")

include(CPack)
