// Scenarios of one catalogue group; see scenario_catalogue.h.
#include "scenarios/scenario_catalogue.h"

namespace chatmock::scenarios {

void register_sse_framing_scenarios(ScenarioCatalogue& /*catalogue*/) {}

}  // namespace chatmock::scenarios
