# One precompiled header, built once and reused by every target that calls
# chatmock_set_warnings: nlohmann/json.hpp plus the standard headers nearly every file uses.
# Parsing json.hpp alone costs ~3 s of CPU per translation unit, about a third of a clean
# build on two cores. CHATMOCK_PCH=OFF builds without it (to catch a missing #include).
option(CHATMOCK_PCH "Precompile nlohmann/json and common standard headers" ON)

# Makes `target` reuse the shared precompiled header (a no-op with CHATMOCK_PCH=OFF).
function(chatmock_use_precompiled_header target)
  if(CHATMOCK_PCH AND NOT target STREQUAL "chatmock_pch")
    target_precompile_headers(${target} REUSE_FROM chatmock_pch)
  endif()
endfunction()

if(CHATMOCK_PCH)
  add_library(chatmock_pch OBJECT ${CMAKE_CURRENT_LIST_DIR}/precompiled_header_anchor.cpp)
  target_link_libraries(chatmock_pch PRIVATE nlohmann_json::nlohmann_json)
  chatmock_set_warnings(chatmock_pch)
  target_precompile_headers(chatmock_pch PRIVATE
    <nlohmann/json.hpp> <algorithm> <chrono> <cstdint> <functional> <map> <memory> <optional>
    <string> <string_view> <utility> <variant> <vector>)
endif()
