# Finds the Debian-packaged dependencies. cpp-httplib is a compiled library on Debian: its
# pkg-config cflags (OpenSSL/zlib/brotli) must reach every translation unit that includes
# httplib.h, or the object layouts disagree and memory is corrupted at run time.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CPPHTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)
# Every translation unit compiles with -pthread: the shared precompiled header must agree with
# targets that get -pthread through Threads::Threads (httplib, RE2), and clang refuses a
# precompiled header whose thread setting differs from the file using it.
add_compile_options(-pthread)
find_package(OpenSSL REQUIRED)

add_library(chatmock_httplib INTERFACE)
target_link_libraries(chatmock_httplib INTERFACE PkgConfig::CPPHTTPLIB OpenSSL::SSL OpenSSL::Crypto Threads::Threads)
