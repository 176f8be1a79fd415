// The first fault of a call is what it is filed under (a retry may meet another fault; the
// attempts column counts them all). A hang is the adapter outliving --timeout-ms: a client must
// time out on a disconnect or a stall, never wait for ever.
#include "runner/chaos_run.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "runner/adapter_process.h"
#include "runner/admin_client.h"
#include "runner/judgement.h"

namespace chatmock::conform {
namespace {
using nlohmann::json;

enum class Ending { kRecovered, kGaveUp, kHung, kCrashed, kClean, kFailedWithoutFault };

struct Tally {
  int calls = 0;
  int attempts = 0;
  std::map<Ending, int> endings;
};

const char* label(Ending ending) {
  switch (ending) {
    case Ending::kRecovered:
      return "recovered";
    case Ending::kGaveUp:
      return "gave up";
    case Ending::kHung:
      return "hung";
    case Ending::kCrashed:
      return "crashed";
    case Ending::kClean:
      return "ok";
    case Ending::kFailedWithoutFault:
      return "failed without a fault";
  }
  return "?";
}

json call_input(const ChaosOptions& options, const std::string& session, bool stream) {
  json input = {{"model", "gpt-4o-mini"},
                {"messages", {{{"role", "user"}, {"content", "Say hello"}}}}};
  if (stream) input["stream"] = true;
  input["headers"] = {{"X-Chatmock-Session", session},
                      {"X-Chatmock-Chaos", options.spec},
                      {"X-Chatmock-Seed", std::to_string(options.seed)}};
  return input;
}

Ending ending_of(const AdapterRun& run, bool faulted) {
  if (run.timed_out) return Ending::kHung;
  const json observation = parse_observation(run.out);
  if (run.signal != 0 || !observation.is_object()) return Ending::kCrashed;
  const bool ok = observation.value("ok", false);
  if (!faulted) return ok ? Ending::kClean : Ending::kFailedWithoutFault;
  return ok ? Ending::kRecovered : Ending::kGaveUp;
}
}  // namespace

int run_chaos(const ClientSpec& client, const ChaosOptions& options, std::ostream& out) {
  const std::map<std::string, std::string> environment = {
      {"OPENAI_BASE_URL", options.root_url + "/v1"}, {"OPENAI_API_KEY", options.api_key}};
  std::map<std::string, Tally> by_fault;  // "" = no fault fired
  const AdminClient admin(options.root_url);
  bool bad = false;
  for (int i = 0; i < options.calls; ++i) {
    // Named by position and reset first, so the i-th call meets the same faults on every run,
    // on a fresh server or a shared one.
    const std::string session = "chaos-" + std::to_string(i);
    admin.reset_session(session);
    const bool stream = i % 2 == 1;
    const AdapterRun run =
        run_adapter(client.command, call_input(options, session, stream).dump() + "\n", environment,
                    options.timeout_ms);
    const auto attempts = admin.requests_in_session(session);
    if (!attempts) {
      out << "chatmock-conform: the server's journal could not be read\n";
      return 2;
    }
    std::string first_fault;
    for (const auto& attempt : *attempts) {
      const auto chaos = attempt.find("chaos");
      if (chaos != attempt.end() && chaos->is_string()) {
        first_fault = chaos->get<std::string>();
        break;
      }
    }
    const Ending ending = ending_of(run, !first_fault.empty());
    bad = bad || ending == Ending::kHung || ending == Ending::kCrashed ||
          ending == Ending::kFailedWithoutFault;
    Tally& tally = by_fault[first_fault];
    ++tally.calls;
    tally.attempts += static_cast<int>(attempts->size());
    ++tally.endings[ending];
    out << "[" << i + 1 << "/" << options.calls << "] " << (stream ? "stream " : "json   ")
        << (first_fault.empty() ? "no fault" : first_fault) << ": " << label(ending) << " after "
        << attempts->size() << " attempt(s)" << std::endl;
  }
  out << "\n| first fault | calls | recovered | gave up | hung | crashed | attempts per call |\n"
      << "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const auto& [fault, tally] : by_fault) {
    const auto& endings = tally.endings;  // clang 14 lambdas cannot capture a structured binding
    const auto count = [&endings](Ending e) {
      const auto found = endings.find(e);
      return found == endings.end() ? 0 : found->second;
    };
    char mean[32];
    std::snprintf(mean, sizeof mean, "%.1f",
                  static_cast<double>(tally.attempts) / std::max(tally.calls, 1));
    out << "| " << (fault.empty() ? "(none)" : fault) << " | " << tally.calls << " | "
        << count(Ending::kRecovered) + count(Ending::kClean) << " | "
        << count(Ending::kGaveUp) + count(Ending::kFailedWithoutFault) << " | "
        << count(Ending::kHung) << " | " << count(Ending::kCrashed) << " | " << mean << " |\n";
  }
  out << "client " << client.name << " under --chaos '" << options.spec << "' (seed "
      << options.seed << "): " << (bad ? "a call hung, crashed or failed without a fault" : "ok")
      << std::endl;
  return bad ? 1 : 0;
}

}  // namespace chatmock::conform
