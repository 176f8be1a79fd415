// Scenarios of one catalogue group; see scenario_catalogue.h.
#include "scenarios/scenario_catalogue.h"

namespace chatmock::scenarios {

void register_tool_argument_scenarios(ScenarioCatalogue& /*catalogue*/) {}

}  // namespace chatmock::scenarios
