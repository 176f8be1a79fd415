// write_snapshot: puts a recorded fixture on disk so that neither a reader nor a crash ever sees
// half a file — write a hidden temp file, fsync it, move it to a name nobody uses yet (never
// replacing a file), fsync the folder. A recorder killed at any instant leaves either no fixture
// or a complete one, plus at worst a hidden temp file the loader skips.
#pragma once

#include <string>
#include <string_view>

namespace chatmock::recording {

/// Writes `text` as DIR/STEM.json, or STEM-2.json, STEM-3.json… when taken; returns the path.
/// Throws std::runtime_error when the folder cannot be written.
std::string write_snapshot(const std::string& dir, const std::string& stem, std::string_view text);
/// Deletes the temp files (".chatmock-*.tmp") a killed recorder left in `dir`.
void remove_stale_temp_files(const std::string& dir);

}  // namespace chatmock::recording
