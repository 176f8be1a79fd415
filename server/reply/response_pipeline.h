// The request half of POST /v1/responses, chat's stages (reply/pipeline.h) in chat's order:
// admit (record-all, key) → directives → scenario → chaos spec → body and fields → seed → rate
// limit → chaos draw → selection (stub | recorder | --strict 404 | previous_response_id, input
// references, build and scenarios) → the store. The endpoint only adapts (app/).
#pragma once

#include <cstdint>

#include "reply/pipeline.h"
#include "responses/response_store.h"

namespace chatmock::reply {

/// The outcome of one create-response request; `id_seed` becomes the request's seed (the
/// x-request-id's) once one is resolved. Stored responses go to `store`.
Outcome serve_create_response(ReplyServices& services, responses::ResponseStore& store,
                              const RequestEnvelope& request, std::uint64_t& id_seed);

}  // namespace chatmock::reply
