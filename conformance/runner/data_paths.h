// Where chatmock-conform's data (the case catalogue) lives without any build-tree path compiled
// in: beside an installed binary (<prefix>/bin → <prefix>/share/chatmock), or, for a binary run
// from a build tree, in the source tree that build tree names in its chatmock-source-dir file.
#pragma once

#include <string>
#include <vector>

namespace chatmock::conform {

struct DataLookup {
  std::string found;               ///< the first existing folder; empty when none exists
  std::vector<std::string> tried;  ///< every folder looked in, in order
};

/// Finds `relative` (e.g. "conformance/cases") under the installed share folder of the running
/// binary, then under the source tree of the build tree it runs from.
DataLookup find_data_dir(const std::string& relative);

/// "no <what> folder: looked in A, B" — the one-line error for a failed lookup.
std::string missing_data_message(const std::string& what, const DataLookup& lookup);

}  // namespace chatmock::conform
