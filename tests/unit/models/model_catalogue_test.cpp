// The built-in catalogue answers the ids clients send (aliases, dated snapshots, fine-tunes)
// with the documented capabilities, and unknown ids as a generic model.
#include "models/model_catalogue.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace chatmock::models {
namespace {

TEST(ModelCatalogueTest, BuiltinListsTheDocumentedModelsOnce) {
  const Catalogue& catalogue = Catalogue::builtin();
  std::set<std::string> ids;
  for (const auto& spec : catalogue.models()) EXPECT_TRUE(ids.insert(spec.id).second) << spec.id;
  for (const char* id : {"gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o1", "o3-mini",
                         "o4-mini", "gpt-5", "gpt-4o-audio-preview", "gpt-4o-search-preview",
                         "gpt-4o-mini-search-preview", "gpt-3.5-turbo", "chatmock-1"}) {
    EXPECT_TRUE(ids.contains(id)) << id;
  }
}

TEST(ModelCatalogueTest, CapabilitiesFollowTheModelPages) {
  const Catalogue& catalogue = Catalogue::builtin();
  const ModelSpec* o3_mini = catalogue.find("o3-mini");
  ASSERT_NE(o3_mini, nullptr);
  EXPECT_TRUE(o3_mini->reasoning);
  EXPECT_FALSE(o3_mini->images);
  EXPECT_FALSE(o3_mini->logprobs);
  EXPECT_TRUE(catalogue.find("gpt-4o-audio-preview")->audio);
  EXPECT_FALSE(catalogue.find("gpt-4o")->audio);
  EXPECT_TRUE(catalogue.find("gpt-4o-mini-search-preview")->search);
  EXPECT_EQ(catalogue.find("gpt-4o-search-preview")->max_n, 1);
  EXPECT_EQ(catalogue.find("gpt-4o")->max_output_tokens, 16384);
  EXPECT_EQ(catalogue.find("gpt-3.5-turbo")->max_output_tokens, 4096);
}

TEST(ModelCatalogueTest, ResolvesSnapshotsAndFineTunesToTheirFamily) {
  const Catalogue& catalogue = Catalogue::builtin();
  EXPECT_EQ(catalogue.resolve("o3-mini-2025-01-31")->id, "o3-mini");
  EXPECT_EQ(catalogue.resolve("gpt-4o-2024-08-06")->id, "gpt-4o-2024-08-06");
  EXPECT_EQ(catalogue.resolve("ft:gpt-4o-mini-2024-07-18:org::abc")->id, "gpt-4o-mini-2024-07-18");
  EXPECT_EQ(catalogue.resolve("ft:o4-mini-2025-04-16:org::abc")->id, "o4-mini");
  EXPECT_EQ(catalogue.resolve("my-model"), nullptr);
  EXPECT_EQ(catalogue.resolve("gpt-4o-20x4-08-06"), nullptr);
}

TEST(ModelCatalogueTest, GenericModelTakesEverythingButKeepsReasoningByName) {
  const ModelSpec generic = Catalogue::generic("my-model");
  EXPECT_FALSE(generic.reasoning);
  EXPECT_TRUE(generic.images && generic.audio && generic.search && generic.logprobs);
  EXPECT_EQ(generic.max_output_tokens, std::nullopt);
  EXPECT_TRUE(Catalogue::generic("o1-preview").reasoning);
  EXPECT_TRUE(Catalogue::generic("gpt-5.1").reasoning);
  EXPECT_FALSE(Catalogue::generic("omni-moderation-latest").reasoning);
}

TEST(ModelCatalogueTest, PutReplacesInPlaceAndAppendsNewIds) {
  Catalogue catalogue = Catalogue::builtin();
  const std::size_t size = catalogue.models().size();
  ModelSpec changed = *catalogue.find("gpt-4o");
  changed.images = false;
  catalogue.put(changed);
  EXPECT_EQ(catalogue.models().size(), size);
  EXPECT_FALSE(catalogue.find("gpt-4o")->images);
  catalogue.put(Catalogue::generic("house-model"));
  EXPECT_EQ(catalogue.models().size(), size + 1);
  EXPECT_EQ(catalogue.models().back().id, "house-model");
}

}  // namespace
}  // namespace chatmock::models
