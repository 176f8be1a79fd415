// Chunk edits behind the stream_deltas scenarios (docs/scenarios.md (stream_deltas)): each rewrites
// the planned chunks, as JSON, into one delta pathology captured from a real provider. They work on
// JSON rather than api::ChatCompletionChunk because some shapes (no `choices` key) have no typed
// form. Choosing which variant to emit and registering the scenarios is
// catalogue_stream_deltas.cpp's job.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace chatmock::scenarios {

using Chunks = std::vector<nlohmann::json>;

/// How stream_tool_index_sparse_or_one_based renumbers the calls of a choice.
enum class ToolIndexing {
  one_based,  ///< 0,1,2 → 1,2,3 (foundry-local #372: "index is always 1")
  sparse,     ///< 0,1,2 → 0,2,4
};

/// Erases `index` from every tool-call delta.
void drop_tool_indexes(Chunks& chunks);
/// Renumbers every tool-call delta's `index` as `indexing` says.
void renumber_tool_indexes(Chunks& chunks, ToolIndexing indexing);
/// Copies each call's `id`, `type` and `function.name` from its opener into every later delta.
void repeat_tool_identity(Chunks& chunks);
/// Adds `"function":{"name":null,…}` to every tool-call delta after a call's opener.
void null_name_in_tool_continuations(Chunks& chunks);
/// Adds `"type":""` to every tool-call delta after a call's opener.
void empty_type_in_tool_continuations(Chunks& chunks);
/// Takes `id` and `type` off each call's opener and, unless `never_sent`, puts them on the
/// call's next delta instead.
void delay_tool_identity(Chunks& chunks, bool never_sent);
/// Puts `"role":"assistant"` in every choice's delta.
void put_role_in_every_delta(Chunks& chunks);
/// Erases `role` from every delta.
void drop_roles(Chunks& chunks);
/// Removes every finish: an empty finish delta disappears, one with content keeps a null reason.
void drop_finish_reasons(Chunks& chunks);
/// Moves each choice's finish_reason onto that choice's last delta that carries something.
void merge_finish_into_last_delta(Chunks& chunks);
/// Moves the first chunk that carries only choice 1 to the front of the stream.
void lead_with_second_choice(Chunks& chunks);
/// Gives the second half of the chunks the id `new_id`.
void switch_id_midway(Chunks& chunks, const std::string& new_id);
/// Inserts a chunk without a `choices` key after the first chunk and one with `"choices":null`
/// in the middle; both copy the first chunk's other keys.
void insert_choiceless_chunks(Chunks& chunks);

}  // namespace chatmock::scenarios
