// --models files: entries add or replace models, start from a base, and every mistake stops
// the server with NAME:LINE (syntax, unknown keys, wrong types, size and nesting limits).
#include "models/catalogue_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <variant>

namespace chatmock::models {
namespace {

Catalogue parsed(std::string_view text) {
  auto result = parse_catalogue(text, "models.json", Catalogue::builtin());
  if (auto* error = std::get_if<std::string>(&result)) ADD_FAILURE() << *error;
  return std::holds_alternative<Catalogue>(result) ? std::get<Catalogue>(result) : Catalogue{};
}

std::string error_of(std::string_view text) {
  auto result = parse_catalogue(text, "models.json", Catalogue::builtin());
  return std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : "";
}

TEST(CatalogueFileTest, AddsNewModelsAsGenericWithTheGivenFields) {
  const Catalogue catalogue = parsed(R"([{"id": "house-llm", "images": false, "max_n": 2,
                                          "max_output_tokens": 1000, "owned_by": "me"}])");
  const ModelSpec* spec = catalogue.find("house-llm");
  ASSERT_NE(spec, nullptr);
  EXPECT_FALSE(spec->images);
  EXPECT_TRUE(spec->audio);  // generic default
  EXPECT_EQ(spec->max_n, 2);
  EXPECT_EQ(spec->max_output_tokens, 1000);
  EXPECT_EQ(spec->owned_by, "me");
  EXPECT_EQ(catalogue.models().size(), Catalogue::builtin().models().size() + 1);
}

TEST(CatalogueFileTest, ReplacingKeepsUnnamedFieldsAndBaseCopiesAnotherModel) {
  const Catalogue catalogue = parsed(R"([
    {"id": "gpt-4o", "max_output_tokens": 100},
    {"id": "my-o3", "base": "o3-mini", "images": true}])");
  EXPECT_EQ(catalogue.find("gpt-4o")->max_output_tokens, 100);
  EXPECT_TRUE(catalogue.find("gpt-4o")->images);
  const ModelSpec* mine = catalogue.find("my-o3");
  ASSERT_NE(mine, nullptr);
  EXPECT_TRUE(mine->reasoning);
  EXPECT_TRUE(mine->images);
  EXPECT_EQ(mine->max_output_tokens, 100000);
}

TEST(CatalogueFileTest, ErrorsNameTheFileAndLine) {
  EXPECT_EQ(error_of("[\n  {\"id\": \"a\"},\n  {\"id\": \"b\", \"imagez\": true}\n]").substr(0, 40),
            "models.json:3: model entry 1: unknown ke");
  EXPECT_EQ(error_of("[\n{\"id\": \"a\", \"max_n\": 0}]").substr(0, 29),
            "models.json:2: model entry 0:");
  EXPECT_EQ(error_of("[\n{\"id\": \"a\",,}]").substr(0, 29), "models.json:2: invalid JSON (");
  EXPECT_EQ(error_of("{\"id\": \"a\"}"), "models.json:1: expected a JSON array of model entries");
  EXPECT_NE(error_of(R"([{"id": ""}])").find("non-empty string"), std::string::npos);
  EXPECT_NE(error_of(R"([{"id": "x", "base": "nope"}])").find("\"base\""), std::string::npos);
  EXPECT_NE(error_of(R"([{"id": "x", "images": 1}])").find("true or false"), std::string::npos);
  EXPECT_NE(error_of(R"([{"id": "x", "max_output_tokens": -1}])").find("positive"),
            std::string::npos);
}

TEST(CatalogueFileTest, SizeAndNestingAreBounded) {
  const std::string big = "[" + std::string(kMaxCatalogueFileBytes, ' ') + "]";
  EXPECT_NE(error_of(big).find("larger than 1048576 bytes"), std::string::npos);
  const std::string deep = "[" + std::string(100, '[') + std::string(100, ']') + "]";
  EXPECT_NE(error_of(deep).find("nested deeper than 16"), std::string::npos);
}

TEST(CatalogueFileTest, LoadsAFileAndReportsAMissingOne) {
  const std::string path = ::testing::TempDir() + "chatmock-models-test.json";
  std::ofstream(path) << R"([{"id": "from-file"}])";
  auto loaded = load_catalogue_file(path, Catalogue::builtin());
  ASSERT_TRUE(std::holds_alternative<Catalogue>(loaded));
  EXPECT_NE(std::get<Catalogue>(loaded).find("from-file"), nullptr);
  std::remove(path.c_str());
  auto missing = load_catalogue_file(path, Catalogue::builtin());
  ASSERT_TRUE(std::holds_alternative<std::string>(missing));
  EXPECT_EQ(std::get<std::string>(missing), path + ": cannot open");
}

}  // namespace
}  // namespace chatmock::models
