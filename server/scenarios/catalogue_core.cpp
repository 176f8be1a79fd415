// The core scenarios named in the contract (spec/interface.md "Built-in scenarios").
#include "scenarios/scenario_catalogue.h"

namespace chatmock::scenarios {

void register_core_scenarios(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "default",
                 .description = "A reply synthesized to honour the request: n, token limits, stop, "
                                "tools, response_format, logprobs, streaming options.",
                 .breaks_spec = false});
}

}  // namespace chatmock::scenarios
