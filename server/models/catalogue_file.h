// `--models FILE`: a JSON array of model entries that add to or replace the built-in catalogue,
// checked once at start so a typo stops the server with FILE:LINE instead of a silent default.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "models/model_catalogue.h"

namespace chatmock::models {

/// Largest models file accepted; a catalogue is a few kilobytes.
inline constexpr std::size_t kMaxCatalogueFileBytes = std::size_t{1} << 20U;

/// `base` with the entries of `text` applied in order, or "NAME:LINE: problem".
/// Each entry: {"id": ..., "base"?: id to copy, "created"?, "owned_by"?, "reasoning"?,
/// "images"?, "audio"?, "search"?, "logprobs"?, "max_n"?, "max_output_tokens"?}. An entry starts
/// from `base` when given, else from the entry it replaces, else from Catalogue::generic.
std::variant<Catalogue, std::string> parse_catalogue(std::string_view text, std::string_view name,
                                                     const Catalogue& base);

/// parse_catalogue on the contents of `path` (at most kMaxCatalogueFileBytes).
std::variant<Catalogue, std::string> load_catalogue_file(const std::string& path,
                                                         const Catalogue& base);

}  // namespace chatmock::models
