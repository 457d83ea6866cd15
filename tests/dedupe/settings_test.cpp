#include "rules/dedupe/settings.h"

#include <gtest/gtest.h>

#include "rules/config.h"
#include "rules/registry.h"

namespace pdc::dedupe {
namespace {

struct Built {
  std::optional<DedupeSettings> settings;
  std::vector<Diagnostic> errors;
};

Built Build(const std::string& yaml) {
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  LoadResult loaded = LoadConfigFromString(yaml, "d.yaml", registry,
                                           [](const std::string&) { return std::nullopt; });
  Built built;
  if (!loaded.config) {
    built.errors = loaded.errors;
    return built;
  }
  built.settings = BuildDedupeSettings(*loaded.config->dedupe, built.errors);
  return built;
}

const Diagnostic* Mentioning(const Built& b, const std::string& text) {
  for (const Diagnostic& d : b.errors) {
    if (d.message.find(text) != std::string::npos) return &d;
  }
  return nullptr;
}

TEST(DedupeSettingsTest, DefaultsAreTheStandardRuleKeepingDistinctCrmRecords) {
  const Built b = Build("version: 1\ndedupe:\n");
  ASSERT_TRUE(b.settings);
  EXPECT_EQ(b.settings->shared_email, SharedEmailPolicy::kKeepDistinctCrm);
  EXPECT_TRUE(b.settings->engine.decision.keep_distinct_crm());
  EXPECT_EQ(b.settings->engine.decision.groups().size(),
            DecisionRule::StandardContact(true).groups().size());
  EXPECT_TRUE(b.settings->engine.passes.empty());
  EXPECT_EQ(b.settings->losers, LoserAction::kFlag);
  EXPECT_EQ(b.settings->flag_field, "duplicate_of");
  EXPECT_EQ(b.settings->survivorship.RuleFor(InternField("opted_out")), FieldRule::kTrueWins);
}

TEST(DedupeSettingsTest, BuildsWhatTheSectionSays) {
  const Built b = Build(R"(version: 1
dedupe:
  shared_email: merge
  block: [email_key, domain_first_initial_last_key]
  match:
    - [email_key]
    - [first_name: 0.9, last_name, phone]
  survivor: { order: [oldest_created] }
  fields: { score: max, tags: union }
  losers: delete
)");
  ASSERT_TRUE(b.settings) << b.errors[0].str();
  const DedupeSettings& s = *b.settings;
  EXPECT_FALSE(s.engine.decision.keep_distinct_crm());
  EXPECT_EQ(s.engine.passes, (std::vector<std::string>{"email_key", "domain_first_initial_last"}));
  ASSERT_EQ(s.engine.decision.groups().size(), 2u);
  EXPECT_EQ(s.engine.decision.groups()[0].label, "email");
  EXPECT_EQ(s.engine.decision.groups()[1].label, "first_name+last_name+phone");
  EXPECT_DOUBLE_EQ(s.engine.decision.groups()[1].conditions[0].threshold, 0.9);
  EXPECT_EQ(s.survivorship.master_rules(), std::vector<MasterRule>{MasterRule::kOldestCreated});
  EXPECT_EQ(s.survivorship.RuleFor(InternField("score")), FieldRule::kMax);
  EXPECT_EQ(s.survivorship.RuleFor(InternField("tags")), FieldRule::kUnion);
  EXPECT_EQ(s.losers, LoserAction::kDelete);
}

TEST(DedupeSettingsTest, EveryMistakeIsReportedWhereItIs) {
  const Built b = Build(R"(version: 1
dedupe:
  block: [emial_key, email_key, email_key]
  match:
    - [frist_name, last_name]
  survivor: { order: [most_recnt_activity] }
  fields: { opted_out: master, score: biggest }
)");
  ASSERT_FALSE(b.settings);
  const Diagnostic* pass = Mentioning(b, "unknown blocking pass \"emial_key\"");
  ASSERT_NE(pass, nullptr);
  EXPECT_EQ(pass->where.line, 3);
  EXPECT_NE(pass->message.find("did you mean \"email_key\""), std::string::npos);
  EXPECT_NE(Mentioning(b, "\"email_key\" is listed twice"), nullptr);
  const Diagnostic* field = Mentioning(b, "unknown field \"frist_name\"");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->where.line, 5);
  EXPECT_EQ(field->where.column, 8);
  const Diagnostic* order = Mentioning(b, "most_recnt_activity");
  ASSERT_NE(order, nullptr);
  EXPECT_EQ(order->where.line, 6);
  const Diagnostic* compliance = Mentioning(b, "dedupe.fields.opted_out");
  ASSERT_NE(compliance, nullptr);
  EXPECT_EQ(compliance->where.line, 7);
  EXPECT_NE(Mentioning(b, "dedupe.fields.score"), nullptr);
}

TEST(DedupeSettingsTest, RareNameMistakesAreReportedWhereTheyAre) {
  const Built b = Build(R"(version: 1
dedupe:
  match:
    - [first_name, last_name, "rare_name?"]
)");
  ASSERT_FALSE(b.settings);
  const Diagnostic* blank = Mentioning(b, "rare_name takes the namesakes expected by chance");
  ASSERT_NE(blank, nullptr) << "no blank passes";
  EXPECT_EQ(blank->where.line, 4);
  const Built common = Build(R"(version: 1
dedupe:
  match:
    - [first_name, last_name, rare_name: 2]
)");
  ASSERT_FALSE(common.settings) << "above 1 namesake is not rare";
  EXPECT_NE(Mentioning(common, "the threshold of rare_name must be"), nullptr);
  const Built nameless = Build(R"(version: 1
dedupe:
  match:
    - [last_name, city, rare_name]
)");
  ASSERT_FALSE(nameless.settings);
  EXPECT_NE(Mentioning(nameless, "rare_name needs first_name and last_name"), nullptr);

  const Built good = Build(R"(version: 1
dedupe:
  match:
    - [first_name, last_name, city, rare_name: 0.02]
)");
  ASSERT_TRUE(good.settings);
  const auto& group = good.settings->engine.decision.groups().at(0);
  EXPECT_DOUBLE_EQ(group.max_namesakes, 0.02);
  EXPECT_TRUE(group.has_city);
  EXPECT_EQ(group.label, "first_name+last_name+city+rare_name");
  EXPECT_TRUE(good.settings->engine.decision.uses_rare_names());
}

TEST(DedupeSettingsTest, FlagWithoutAFieldIsAMistake) {
  const Built b = Build("version: 1\ndedupe: { losers: { action: flag, field: null } }\n");
  EXPECT_FALSE(b.settings);
  EXPECT_NE(Mentioning(b, "needs a field to set"), nullptr);
  const Built d = Build("version: 1\ndedupe: { losers: { action: delete, field: null } }\n");
  EXPECT_TRUE(d.settings);
}

}  // namespace
}  // namespace pdc::dedupe
