// NativePlugin and the host side of plugins/pdc_plugin.h, in process: the example score_model
// plugin and the fixture plugins of tests/e2e/plugins/ (the end-to-end cases are in
// tests/e2e/plugin_test.cpp).
#include "rules/plugin_loader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

const std::string kScoreModel = PDC_BINARY_DIR "/plugins/score_model/libpdc_score_model.so";
std::string Fixture(const std::string& variant) {
  return PDC_BINARY_DIR "/tests/libpdc_fixture_" + variant + ".so";
}

LoadResult LoadWithScoreModel(const std::string& rules) {
  return LoadConfigFromString(
      "version: 1\nplugins:\n  - native: " + kScoreModel + "\nrules:\n" + rules,
      "/configs/test.yaml", RuleRegistry::WithBuiltins(), NoEnvironment());
}

TEST(PluginLoaderTest, DescribesThePluginRulesAsRuleSpecs) {
  auto plugin = NativePlugin::Load(kScoreModel);
  ASSERT_TRUE(plugin.ok()) << plugin.status().message();
  EXPECT_EQ((*plugin)->name(), "score_model");
  ASSERT_EQ((*plugin)->rules().size(), 1u);
  const RuleSpec& spec = (*plugin)->rules()[0];
  EXPECT_EQ(spec.label(), "score_model@1");
  ASSERT_EQ(spec.options.size(), 3u);
  EXPECT_EQ(spec.options[0].key, "weights");
  EXPECT_EQ(spec.options[0].type, OptionType::kStringMap);
  EXPECT_TRUE(spec.options[0].required);
  EXPECT_EQ(spec.options[1].type, OptionType::kField);
  EXPECT_EQ(spec.options[1].default_value, "score");
}

TEST(PluginLoaderTest, RefusesLibrariesThatAreNotVersionOnePlugins) {
  auto mismatch = NativePlugin::Load(Fixture("abi999"));
  ASSERT_FALSE(mismatch.ok());
  EXPECT_NE(mismatch.status().message().find("ABI version 999"), std::string::npos);
  auto no_entry = NativePlugin::Load(Fixture("no_entry"));
  ASSERT_FALSE(no_entry.ok());
  EXPECT_NE(no_entry.status().message().find("pdc_plugin_init_v1"), std::string::npos);
  EXPECT_FALSE(NativePlugin::Load("/nonexistent/libnothing.so").ok());
}

TEST(PluginLoaderTest, RulesReadAndWriteFieldsThroughTheHost) {
  const LoadResult loaded = LoadWithScoreModel(
      "  - score_model: { weights: { tags: 1, first_name: 2, phone: 4 }, base: -0.5 }\n");
  ASSERT_TRUE(loaded.config) << (loaded.errors.empty() ? "" : loaded.errors[0].str());
  Record record = MakeRecord({{"first_name", "Zoë"}, {"phone", " \t"}});
  record.Load(InternField("tags"), Value::List({"vip", "emea"}));
  loaded.config->rules.Apply(record);
  EXPECT_EQ(TextOf(record, "score"), "2.5");
  // The change is logged against the rule, like a built-in rule's.
  ASSERT_NE(record.log(), nullptr);
  ASSERT_EQ(record.log()->touches.size(), 1u);
  EXPECT_EQ(record.log()->touches[0].field, InternField("score"));
  EXPECT_EQ(record.log()->touches[0].rule, 0);
  // The weights' fields are read: a Pardot v5 pull asks for them.
  const auto& pulled = loaded.config->rules.pull_fields();
  for (const char* field : {"tags", "first_name", "phone"}) {
    EXPECT_NE(std::find(pulled.begin(), pulled.end(), InternField(field)), pulled.end()) << field;
  }
}

TEST(PluginLoaderTest, AFieldAPluginDeclaresWrittenGetsAnOutputColumnAndFlagsReachTheRecord) {
  const LoadResult loaded = LoadConfigFromString(
      "version: 1\nplugins:\n  - native: " + Fixture("refusing") + "\nrules:\n  - constant: {}\n",
      "test.yaml", RuleRegistry::WithBuiltins(), NoEnvironment());
  ASSERT_TRUE(loaded.config) << (loaded.errors.empty() ? "" : loaded.errors[0].str());
  const auto& named = loaded.config->rules.named_fields();
  EXPECT_NE(std::find(named.begin(), named.end(), InternField("fixture_constant")), named.end());
  Record record = MakeRecord({{"email", "a@example.com"}});
  loaded.config->rules.Apply(record);
  EXPECT_EQ(TextOf(record, "fixture_constant"), "1");
  EXPECT_EQ(FlagMessages(record, "fixture.constant"), std::vector<std::string>{"always 1"});
}

TEST(PluginLoaderTest, ThePluginsRulesJoinTheConfigsRegistryOnly) {
  const LoadResult loaded = LoadWithScoreModel("  - score_model: { weights: { email: 1 } }\n");
  ASSERT_TRUE(loaded.config);
  EXPECT_NE(loaded.config->registry.Find("score_model"), nullptr);
  EXPECT_NE(loaded.config->registry.Find("email"), nullptr);
  EXPECT_EQ(RuleRegistry::WithBuiltins().Find("score_model"), nullptr);
  // A rule name unknown without the plugin.
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - score_model: {}\n"),
                               "unknown rule \"score_model\""));
}

TEST(PluginLoaderTest, ACreateFailureWithoutAnOptionIsReportedAtTheRuleName) {
  const LoadResult loaded =
      LoadConfigFromString("version: 1\nplugins:\n  - native: " + Fixture("refusing") +
                               "\nrules:\n  - refuse_always: {}\n",
                           "test.yaml", RuleRegistry::WithBuiltins(), NoEnvironment());
  ASSERT_EQ(loaded.errors.size(), 1u);
  EXPECT_EQ(loaded.errors[0].str(), "test.yaml:5:5: refuse_always: the model file is missing");
}

}  // namespace
}  // namespace pdc
