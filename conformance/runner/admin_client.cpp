// Plain GETs with generous timeouts: the journal of a 1 MiB scenario run can be large, and the
// runner would rather wait than report a false failure.
#include "runner/admin_client.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>

namespace chatmock::conform {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

std::optional<nlohmann::json> AdminClient::get_json(const std::string& path) const {
  httplib::Client client(root_url_);
  client.set_connection_timeout(5, 0);
  client.set_read_timeout(30, 0);
  const auto response = client.Get(path);
  if (!response || response->status != 200) return std::nullopt;
  nlohmann::json body = nlohmann::json::parse(response->body, nullptr, false);
  if (body.is_discarded()) return std::nullopt;
  return body;
}

std::optional<std::set<std::string>> AdminClient::scenario_names() const {
  const auto list = get_json("/_chatmock/scenarios");
  if (!list || !list->is_array()) return std::nullopt;
  std::set<std::string> names;
  for (const auto& scenario : *list) {
    if (scenario.is_object() && scenario.contains("name")) names.insert(scenario.value("name", ""));
  }
  return names;
}

std::optional<std::vector<nlohmann::json>> AdminClient::requests_in_session(
    const std::string& session) const {
  // ?session= narrows the read on servers that know it; the header check below keeps an older
  // server (which ignores the query) correct.
  const auto journal = get_json("/_chatmock/requests?session=" + session);
  if (!journal || !journal->is_object() || !journal->contains("requests")) return std::nullopt;
  std::vector<nlohmann::json> entries;
  for (const auto& entry : journal->at("requests")) {
    if (journal_header(entry, "x-chatmock-session") == session) entries.push_back(entry);
  }
  return entries;
}

void AdminClient::clear_requests() const {
  httplib::Client client(root_url_);
  client.set_connection_timeout(5, 0);
  client.Delete("/_chatmock/requests");
}

void AdminClient::reset_session(const std::string& session) const {
  httplib::Client client(root_url_);
  client.set_connection_timeout(5, 0);
  client.Post("/_chatmock/reset?session=" + session, "{}", "application/json");
}

std::string journal_header(const nlohmann::json& entry, const std::string& name) {
  const auto headers = entry.find("headers");
  if (headers == entry.end() || !headers->is_object()) return "";
  const std::string wanted = lower(name);
  for (const auto& [key, value] : headers->items()) {
    if (lower(key) == wanted && value.is_string()) return value.get<std::string>();
  }
  return "";
}

}  // namespace chatmock::conform
