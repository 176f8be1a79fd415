// The built-in models and what each takes, from the public model pages (platform.openai.com/
// docs/models) as of the reference snapshot. `created` is the real value where public and an
// approximation otherwise; capabilities are the documented ones; see docs/synthesis.md.
#include <cstdint>
#include <string_view>

#include "models/model_catalogue.h"

namespace chatmock::models {
namespace {

struct Row {
  std::string_view id;
  std::int64_t created;
  bool reasoning;
  bool images;
  bool audio;
  bool search;
  std::int64_t max_n;
  std::int64_t max_output_tokens;  ///< 0: no known limit
};

// clang-format off
constexpr Row kRows[] = {
    // id                             created     reason images audio  search max_n  max_output
    {"gpt-4o",                        1715367049, false, true,  false, false, 128,   16384},
    {"gpt-4o-2024-08-06",             1722814719, false, true,  false, false, 128,   16384},
    {"gpt-4o-mini",                   1721172741, false, true,  false, false, 128,   16384},
    {"gpt-4o-mini-2024-07-18",        1721172717, false, true,  false, false, 128,   16384},
    {"gpt-4.1",                       1744316542, false, true,  false, false, 128,   32768},
    {"gpt-4.1-mini",                  1744318173, false, true,  false, false, 128,   32768},
    {"gpt-4.1-nano",                  1744321707, false, true,  false, false, 128,   32768},
    {"o1",                            1734375816, true,  true,  false, false, 128,   100000},
    {"o3",                            1744225308, true,  true,  false, false, 128,   100000},
    {"o3-mini",                       1737146383, true,  false, false, false, 128,   100000},
    {"o4-mini",                       1744225351, true,  true,  false, false, 128,   100000},
    {"gpt-5",                         1754425777, true,  true,  false, false, 128,   128000},
    {"gpt-5-mini",                    1754425928, true,  true,  false, false, 128,   128000},
    {"gpt-5-nano",                    1754426384, true,  true,  false, false, 128,   128000},
    {"gpt-4o-audio-preview",          1727460443, false, false, true,  false, 128,   16384},
    {"gpt-4o-search-preview",         1741388720, false, false, false, true,  1,     16384},
    {"gpt-4o-mini-search-preview",    1741391161, false, false, false, true,  1,     16384},
    {"gpt-3.5-turbo",                 1677610602, false, false, false, false, 128,   4096},
    {"gpt-4-turbo",                   1712361441, false, true,  false, false, 128,   4096},
    {"text-embedding-3-small",        1705948997, false, false, false, false, 128,   0},
};
// clang-format on

ModelSpec to_spec(const Row& row) {
  ModelSpec spec;
  spec.id = std::string(row.id);
  spec.created = row.created;
  spec.reasoning = row.reasoning;
  // The o-series and gpt-5 return no token logprobs; the API refuses to be asked for them.
  spec.logprobs = !row.reasoning;
  spec.images = row.images;
  spec.audio = row.audio;
  spec.search = row.search;
  spec.max_n = row.max_n;
  if (row.max_output_tokens > 0) spec.max_output_tokens = row.max_output_tokens;
  return spec;
}

}  // namespace

const Catalogue& Catalogue::builtin() {
  static const Catalogue kBuiltin = [] {
    Catalogue catalogue;
    for (const Row& row : kRows) catalogue.put(to_spec(row));
    // chatmock's own id: a model that takes every option, for tests that want no model rules.
    ModelSpec own = generic("chatmock-1");
    own.created = 1735689600;
    own.owned_by = "chatmock";
    catalogue.put(std::move(own));
    return catalogue;
  }();
  return kBuiltin;
}

}  // namespace chatmock::models
