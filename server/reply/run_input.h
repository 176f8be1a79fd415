// RunInput: everything the rendering half of the pipeline (synthesis → scenario hooks →
// JSON or chunks → pacing → wire edits) needs for one request, gathered by the request half.
#pragma once

#include "api/chat_completion_request.h"
#include "budget/work_budget.h"
#include "reply/directives.h"
#include "reply/latency.h"
#include "synthesis/reply_definition.h"
#include "synthesis/reply_synthesizer.h"

namespace chatmock::reply {

struct RunInput {
  api::ChatCompletionRequest request;
  Directives directives;                  ///< the request's X-Chatmock-* knobs, validated
  synthesis::ReplyDefinition definition;  ///< from a fixture's `synthesize` overrides, or empty
  synthesis::SynthesisContext synthesis;
  Latency latency;            ///< server-wide --latency
  budget::WorkBudget budget;  ///< unlimited unless the request path sets one
};

}  // namespace chatmock::reply
