// Scenarios of one catalogue group; see scenario_catalogue.h.
#include "scenarios/scenario_catalogue.h"

namespace chatmock::scenarios {

void register_finish_reason_scenarios(ScenarioCatalogue& /*catalogue*/) {}

}  // namespace chatmock::scenarios
