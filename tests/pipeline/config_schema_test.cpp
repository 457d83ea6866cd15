#include "pipeline/config_schema.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "rules/config_keys.h"

namespace pdc {
namespace {

namespace json = boost::json;

class ConfigSchemaTest : public ::testing::Test {
 protected:
  const RuleRegistry registry_ = RuleRegistry::WithBuiltins();
  const json::object schema_ = json::parse(ConfigSchema(registry_)).as_object();

  const json::object& Definition(std::string_view name) const {
    return schema_.at("definitions").as_object().at(name).as_object();
  }
};

// The schema of an option sits under "allOf" when it refers to a shared definition.
bool Mentions(const json::value& schema, std::string_view text) {
  return json::serialize(schema).find(text) != std::string::npos;
}

TEST_F(ConfigSchemaTest, IsDraft07WithTheLoadersTopLevelKeysOnly) {
  EXPECT_EQ(schema_.at("$schema"), "http://json-schema.org/draft-07/schema#");
  EXPECT_EQ(schema_.at("additionalProperties"), false);
  const auto& properties = schema_.at("properties").as_object();
  EXPECT_EQ(properties.size(), std::size(config_keys::kTop));
  for (const std::string_view key : config_keys::kTop) EXPECT_TRUE(properties.contains(key)) << key;
  EXPECT_EQ(schema_.at("required"), json::array{"version"});
}

TEST_F(ConfigSchemaTest, EveryRuleAndEachOfItsOptionsIsDescribed) {
  const auto& rules = Definition("rule").at("properties").as_object();
  ASSERT_FALSE(registry_.all().empty());
  EXPECT_EQ(rules.size(), registry_.all().size());
  for (const RuleSpec* spec : registry_.all()) {
    SCOPED_TRACE(std::string(spec->name));
    ASSERT_TRUE(rules.contains(spec->name));
    const auto& rule = rules.at(spec->name).as_object();
    EXPECT_EQ(rule.at("additionalProperties"), false);
    EXPECT_TRUE(Mentions(rule.at("description"), spec->summary));
    const auto& options = rule.at("properties").as_object();
    EXPECT_EQ(options.size(), spec->options.size());
    for (const OptionSpec& option : spec->options) {
      SCOPED_TRACE(std::string(option.key));
      ASSERT_TRUE(options.contains(option.key));
      const auto& schema = options.at(option.key).as_object();
      EXPECT_EQ(schema.at("description"), json::string(option.doc));
      EXPECT_EQ(schema.contains("default"), !option.default_value.empty());
      if (option.type == OptionType::kChoice) {
        for (const std::string_view choice : SplitChoices(option.choices)) {
          EXPECT_TRUE(Mentions(schema, "\"" + std::string(choice) + "\"")) << choice;
        }
      }
      if (option.required) {
        EXPECT_TRUE(Mentions(rule.at("required"), "\"" + std::string(option.key) + "\""));
      }
    }
  }
}

TEST_F(ConfigSchemaTest, DefaultsAreTypedAsTheOptionIs) {
  const auto& email = Definition("rule").at("properties").at("email").at("properties");
  EXPECT_EQ(email.at("lowercase_local").at("default"), true);
  EXPECT_EQ(email.at("field").at("default"), "email");
  EXPECT_EQ(email.at("allowlist").at("default"), json::array{});
  const auto& name_case = Definition("rule").at("properties").at("name_case").at("properties");
  EXPECT_EQ(name_case.at("fields").at("default"), (json::array{"first_name", "last_name"}));
}

TEST_F(ConfigSchemaTest, DedupeNamesComeFromTheEngine) {
  const auto& dedupe = schema_.at("properties").at("dedupe").as_object();
  EXPECT_TRUE(Mentions(dedupe.at("properties").at("block"), "\"email_key\""));
  EXPECT_TRUE(Mentions(dedupe.at("properties").at("survivor"), "\"crm_synced\""));
  EXPECT_TRUE(Mentions(dedupe.at("properties").at("fields"), "\"true_wins\""));
  EXPECT_TRUE(Mentions(dedupe.at("properties").at("match"), "\"first_name?\""));
  EXPECT_TRUE(Mentions(dedupe.at("properties").at("match"), "\"rare_name\""));
  EXPECT_FALSE(Mentions(dedupe.at("properties").at("match"), "\"rare_name?\""));
  EXPECT_EQ(dedupe.at("properties").at("max_cluster").at("default"), 25);
}

}  // namespace
}  // namespace pdc
