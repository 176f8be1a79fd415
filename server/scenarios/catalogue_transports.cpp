// Scenarios of one catalogue group; see scenario_catalogue.h.
#include "scenarios/scenario_catalogue.h"

namespace chatmock::scenarios {

void register_transport_scenarios(ScenarioCatalogue& /*catalogue*/) {}

}  // namespace chatmock::scenarios
