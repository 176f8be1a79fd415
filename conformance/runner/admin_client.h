// AdminClient: the two admin-API reads a conformance run needs — the scenario catalogue and the
// request journal (docs/interface.md, /_chatmock/*). httplib stays inside admin_client.cpp.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace chatmock::conform {

class AdminClient {
 public:
  /// `root_url` is http://HOST:PORT (no /v1).
  explicit AdminClient(std::string root_url) : root_url_(std::move(root_url)) {}

  /// Scenario names from GET /_chatmock/scenarios; nullopt when the server did not answer.
  std::optional<std::set<std::string>> scenario_names() const;
  /// Journal entries whose `x-chatmock-session` header equals `session`, oldest first.
  std::optional<std::vector<nlohmann::json>> requests_in_session(const std::string& session) const;
  /// DELETE /_chatmock/requests (only when the runner owns the server).
  void clear_requests() const;
  /// POST /_chatmock/reset?session=: that session's journal, sequences and chaos count only.
  void reset_session(const std::string& session) const;

 private:
  std::optional<nlohmann::json> get_json(const std::string& path) const;
  std::string root_url_;
};

/// A request header's value from a journal entry (names compared case-insensitively), or "".
std::string journal_header(const nlohmann::json& entry, const std::string& name);

}  // namespace chatmock::conform
