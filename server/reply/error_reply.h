// The one way an ApiError becomes bytes on the wire, and the one compact JSON dump every
// endpoint and scenario uses (invalid UTF-8 replaced, never thrown: bodies quote client input).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "api/api_error.h"
#include "wire/wire_reply.h"

namespace chatmock::reply {

/// A JSON reply carrying `error`'s status and {"error":{…}} body.
wire::WireReply error_reply(const api::ApiError& error);

/// Compact JSON text that never throws on invalid UTF-8 (replaced with U+FFFD).
std::string dump_json(const nlohmann::json& value);

}  // namespace chatmock::reply
