// Columns keep the order of the --client flags and rows the order of the cases, so two reports
// of the same run diff cleanly.
#include "runner/reports.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace chatmock::conform {
namespace {

std::string xml_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // XML 1.0 forbids most control characters even escaped.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
    }
  }
  return out;
}

std::string cell_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::vector<std::string> in_order(const std::vector<CaseResult>& results,
                                  std::string CaseResult::*key) {
  std::vector<std::string> seen;
  for (const auto& r : results) {
    if (std::find(seen.begin(), seen.end(), r.*key) == seen.end()) seen.push_back(r.*key);
  }
  return seen;
}

std::string seconds(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", ms / 1000);
  return text;
}

std::string cell(const CaseResult& r) {
  switch (r.standing) {
    case Standing::kPassed:
      return "pass";
    case Standing::kExpectedFailure:
      return "fail (expected): " + cell_escape(r.verdict.reason);
    case Standing::kFailed:
      return "**FAIL**: " + cell_escape(r.verdict.reason);
    case Standing::kUnexpectedPass:
      return "**pass, expected fail**: " + cell_escape(r.expected.reason);
    case Standing::kSkipped:
      return "skipped";
  }
  return "";
}

}  // namespace

std::string junit_xml(const std::vector<CaseResult>& results) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"chatmock-conform\">\n";
  for (const std::string& client : in_order(results, &CaseResult::client)) {
    std::size_t tests = 0, failures = 0, skipped = 0;
    double total_ms = 0;
    std::string body;
    for (const auto& r : results) {
      if (r.client != client) continue;
      ++tests;
      total_ms += r.elapsed_ms;
      body += "    <testcase classname=\"" + xml_escape(client) + "\" name=\"" +
              xml_escape(r.case_id) + "\" time=\"" + seconds(r.elapsed_ms) + "\"";
      if (r.standing == Standing::kPassed) {
        body += "/>\n";
        continue;
      }
      body += ">\n";
      if (counts_as_failed(r.standing)) {
        ++failures;
        const std::string why = r.standing == Standing::kFailed
                                    ? r.verdict.reason
                                    : "passed, but expected to fail: " + r.expected.reason;
        body += "      <failure message=\"" + xml_escape(why) + "\">" + xml_escape(r.description) +
                "</failure>\n";
      } else if (r.standing == Standing::kSkipped) {
        ++skipped;
        body += "      <skipped message=\"" + xml_escape(r.verdict.reason) + "\"/>\n";
      } else {
        body += "      <system-out>expected failure: " + xml_escape(r.verdict.reason) +
                "</system-out>\n";
      }
      body += "    </testcase>\n";
    }
    xml += "  <testsuite name=\"" + xml_escape(client) + "\" tests=\"" + std::to_string(tests) +
           "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\" skipped=\"" +
           std::to_string(skipped) + "\" time=\"" + seconds(total_ms) + "\">\n" + body +
           "  </testsuite>\n";
  }
  return xml + "</testsuites>\n";
}

std::string markdown_matrix(const std::vector<CaseResult>& results) {
  const auto clients = in_order(results, &CaseResult::client);
  const auto cases = in_order(results, &CaseResult::case_id);
  std::map<std::pair<std::string, std::string>, const CaseResult*> by_cell;
  for (const auto& r : results) by_cell[{r.case_id, r.client}] = &r;

  std::string md =
      "# chatmock conformance\n\n| client | passed | expected failures | failed | skipped |\n"
      "| --- | --- | --- | --- | --- |\n";
  for (const auto& client : clients) {
    std::map<Standing, std::size_t> count;
    for (const auto& r : results) {
      if (r.client == client) ++count[r.standing];
    }
    md += "| " + client + " | " + std::to_string(count[Standing::kPassed]) + " | " +
          std::to_string(count[Standing::kExpectedFailure]) + " | " +
          std::to_string(count[Standing::kFailed] + count[Standing::kUnexpectedPass]) + " | " +
          std::to_string(count[Standing::kSkipped]) + " |\n";
  }
  // Failures first, each with what the case checks, so the report opens on what needs fixing.
  std::vector<const CaseResult*> failures;
  for (const auto& r : results) {
    if (counts_as_failed(r.standing)) failures.push_back(&r);
  }
  if (!failures.empty()) {
    md +=
        "\n## Failures\n\n| case | client | what it checks | why it failed |\n"
        "| --- | --- | --- | --- |\n";
    for (const CaseResult* r : failures) {
      md += "| `" + r->case_id + "` | " + r->client + " | " + cell_escape(r->description) + " | " +
            cell(*r) + " |\n";
    }
  }
  md += "\n## All cases\n\n| case |";
  for (const auto& client : clients) md += " " + client + " |";
  md += "\n| --- |";
  for (std::size_t i = 0; i < clients.size(); ++i) md += " --- |";
  md += "\n";
  for (const auto& id : cases) {
    md += "| `" + id + "` |";
    for (const auto& client : clients) {
      const auto it = by_cell.find({id, client});
      md += " " + (it == by_cell.end() ? std::string("—") : cell(*it->second)) + " |";
    }
    md += "\n";
  }
  return md;
}

}  // namespace chatmock::conform
