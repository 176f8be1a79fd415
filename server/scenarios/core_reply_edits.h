// Edits several core scenarios share: keeping usage and logprobs true to a message after a
// scenario rewrote it, cutting an answer short, steering an automatic reply to prose, and
// reading the X-Chatmock-Variant knob. Scenario registration lives in catalogue_core.cpp.
#pragma once

#include <string_view>

#include "scenarios/scenario.h"

namespace chatmock::scenarios {

/// Makes an automatic reply prose when the request would otherwise get a tool or function call.
void prefer_text(synthesis::ReplyDefinition& definition, const api::ChatCompletionRequest& request);

/// Recomputes usage completion/total tokens from what the choices now carry.
void recount_usage(api::ChatCompletion& completion);

/// Regenerates a choice's content logprobs after its content changed (only if it had them).
void refresh_logprobs(api::Choice& choice, const api::ChatCompletionRequest& request,
                      synthesis::Rng& rng);

/// Cuts `text` to a proper prefix of its token pieces that ends on a word, as a token limit or a
/// filter would; returns the pieces kept, or 0 (text unchanged) when it has fewer than two.
std::size_t cut_mid_sentence(std::string& text, synthesis::Rng& rng);

/// Cuts each choice's answer short (content, else the last call's arguments, else the refusal)
/// and sets `finish`. A choice already cut at the request's token limit is left as it is.
void truncate_answers(api::ChatCompletion& completion, api::FinishReason finish,
                      ScenarioContext& ctx);

/// The function definition the request offers under `name` (tools or legacy functions), or null.
const api::FunctionDefinition* offered_function(const api::ChatCompletionRequest& request,
                                                std::string_view name);

}  // namespace chatmock::scenarios
