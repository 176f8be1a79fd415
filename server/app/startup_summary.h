// The line printed on stderr after the ready line: what this server will do, in one place, so a
// user need not reconstruct it from the flags (base URL with /v1, stubs, strict/record mode,
// seed, admin-token state). The ready line on stdout stays the parse contract.
#pragma once

#include <cstddef>
#include <string>

#include "app/config.h"

namespace chatmock::app {

/// One line without a newline: JSON when config.log is json, text otherwise. `base_url` is
/// http(s)://HOST:PORT (no /v1); `stubs` the number of stubs loaded.
std::string startup_summary(const Config& config, const std::string& base_url, std::size_t stubs);

}  // namespace chatmock::app
