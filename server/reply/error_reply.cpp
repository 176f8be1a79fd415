// Kept out of api/ because api/ knows nothing of wire replies; kept out of app/ because the
// scenarios and the pipeline answer errors too.
#include "reply/error_reply.h"

namespace chatmock::reply {

wire::WireReply error_reply(const api::ApiError& error) {
  return wire::json_reply(error.status, error.body_text());
}

std::string dump_json(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace chatmock::reply
