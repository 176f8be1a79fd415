// Fixture JSON → StubMapping, in the format fixtures/README.md documents. Validation is strict:
// unknown keys, wrong types, unknown scenarios and invalid regexes are StubParseErrors carrying
// a JSON pointer; fixture_loader turns the pointer into file:line.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "stubbing/fixture_reader.h"
#include "stubbing/stub_mapping.h"

namespace chatmock::stubbing {

/// The stubs in a fixture document: one stub object, or an array of them.
std::vector<StubMapping> parse_stubs(const nlohmann::ordered_json& document);
/// One stub object found at `pointer` ("" for a whole document).
StubMapping parse_stub(const nlohmann::ordered_json& json, const std::string& pointer);
/// The `match` object of a stub.
RequestPattern parse_request_pattern(const FixtureReader& match);
/// One reply object (`reply`, or an entry of `replies`).
StubReply parse_reply(const FixtureReader& reply);

}  // namespace chatmock::stubbing
