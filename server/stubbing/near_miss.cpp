// The 404 message lists at most three stubs and four differences each: enough to see why a
// request missed in a CI log without printing the whole fixture set.
#include "stubbing/near_miss.h"

#include <cmath>
#include <cstdio>

namespace chatmock::stubbing {

namespace {
constexpr std::size_t kDifferencesShown = 4;

std::string rounded(double distance) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", distance);
  return text;
}
}  // namespace

nlohmann::json to_json_value(const NearMiss& miss) {
  nlohmann::json differences = nlohmann::json::array();
  for (const auto& d : miss.differences) {
    differences.push_back({{"field", d.field}, {"expected", d.expected}, {"actual", d.actual}});
  }
  return {{"stub_id", miss.stub_id},
          {"name", miss.stub_name},
          {"source", miss.source},
          {"distance", std::round(miss.distance * 1000) / 1000},
          {"differences", std::move(differences)}};
}

api::ApiError no_matching_stub(const std::vector<NearMiss>& closest) {
  std::string message = "No stub matched this request (chatmock --strict).";
  if (closest.empty()) {
    message += " No stubs are loaded.";
  } else {
    message += " Closest stubs:";
    for (std::size_t i = 0; i < closest.size(); ++i) {
      const auto& miss = closest[i];
      message += " " + std::to_string(i + 1) + ") \"" + miss.stub_name + "\" (id " + miss.stub_id +
                 ", " + miss.source + ", distance " + rounded(miss.distance) + "):";
      for (std::size_t k = 0; k < miss.differences.size() && k < kDifferencesShown; ++k) {
        const auto& d = miss.differences[k];
        message += std::string(k == 0 ? " " : "; ") + d.field + " expected " + d.expected +
                   ", got " + d.actual;
      }
      if (miss.differences.size() > kDifferencesShown) {
        message += "; and " + std::to_string(miss.differences.size() - kDifferencesShown) + " more";
      }
      message += ".";
    }
  }
  message += " See GET /_chatmock/near-misses.";
  return {404, std::move(message), "invalid_request_error", std::nullopt, "no_matching_stub"};
}

}  // namespace chatmock::stubbing
