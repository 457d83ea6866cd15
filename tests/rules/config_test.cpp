#include "rules/config.h"

#include <gtest/gtest.h>

#include <map>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

LoadResult Load(std::string_view yaml, EnvLookup env = NoEnvironment()) {
  return LoadConfigFromString(yaml, "c.yaml", RuleRegistry::WithBuiltins(), env);
}

TEST(ConfigTest, LoadsTheDesignGrammar) {
  const auto result = Load(R"(version: 1
source:
  pardot:
    api_version: 4
    environment: demo
    business_unit_id: 0Uv000000000001AAA
    auth:
      access_token: abc
      refresh: { token_url: "https://login/x", client_id: a, client_secret: b, refresh_token: c }
    edition: plus
    reserve: 100
    filter: { updated_after: "2026-01-01" }
rules:
  - text: { fields: [first_name] }
  - when: { field: company, is: empty }
    then: [ { set: { field: company, value: n/a } } ]
sink:
  pardot: { batch: 25 }
tests:
  - given: { first_name: " a " }
    expect: { first_name: "a" }
)");
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].str();
  const Config& c = *result.config;
  ASSERT_TRUE(c.pardot_source);
  EXPECT_EQ(c.pardot_source->api_version, 4);
  EXPECT_EQ(c.pardot_source->environment, "demo");
  EXPECT_EQ(c.pardot_source->edition, "plus");
  EXPECT_EQ(c.pardot_source->reserve, 100);
  EXPECT_EQ(c.pardot_source->auth.client_secret, "b");
  EXPECT_EQ(c.pardot_source->updated_after, "2026-01-01");
  EXPECT_EQ(c.sink.pardot_batch, 25);
  ASSERT_EQ(c.rules.table().size(), 3u);
  EXPECT_EQ(c.rules.table()[0].label, "text@1");
  EXPECT_EQ(c.rules.table()[1].label, "when");  // a when item comes before the rules it holds
  EXPECT_EQ(c.rules.table()[2].label, "set@1");
  EXPECT_EQ(c.rules.table()[2].where.line, 16);
  ASSERT_EQ(c.tests.size(), 1u);
  EXPECT_EQ(c.tests[0].where.line, 20);
}

TEST(ConfigTest, ReportsEveryErrorAtOnceWithLineAndColumn) {
  const auto result = Load(R"(version: 1
rules:
  - text: { feilds: [first_name] }
  - email: { lowercase_local: sometimes }
  - frobnicate: {}
  - name_case: { fields: [first_name], particles: {a: b} }
colour: blue
)");
  ASSERT_EQ(result.errors.size(), 5u);
  EXPECT_FALSE(result.config);
  EXPECT_EQ(result.errors[0].where.str(), "c.yaml:3:13");
  EXPECT_NE(result.errors[0].message.find("unknown key \"feilds\""), std::string::npos);
  EXPECT_NE(result.errors[0].message.find("did you mean \"fields\""), std::string::npos);
  EXPECT_EQ(result.errors[1].where.str(), "c.yaml:4:31");
  EXPECT_NE(result.errors[1].message.find("expected true or false"), std::string::npos);
  EXPECT_EQ(result.errors[2].where.str(), "c.yaml:5:5");
  EXPECT_NE(result.errors[2].message.find("unknown rule \"frobnicate\""), std::string::npos);
  EXPECT_EQ(result.errors[3].where.line, 6);
  EXPECT_NE(result.errors[3].message.find("particles"), std::string::npos);
  // The unknown top-level key is reported too, sorted by line.
  EXPECT_EQ(result.errors.back().where.str(), "c.yaml:7:1");
}

TEST(ConfigTest, TopLevelUnknownKeyAndMissingVersion) {
  const auto result = Load("colour: blue\nrules: []\n");
  ASSERT_EQ(result.errors.size(), 2u);
  EXPECT_EQ(result.errors[0].where.str(), "c.yaml:1:1");
  EXPECT_TRUE(AnyErrorMentions(result.errors, "unknown key \"colour\""));
  EXPECT_TRUE(AnyErrorMentions(result.errors, "missing key \"version\""));
}

TEST(ConfigTest, YamlSyntaxErrorHasItsLocation) {
  const auto result = Load("version: 1\nrules:\n  - text: { fields: [a, b }\n");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].where.line, 3);
  EXPECT_GT(result.errors[0].where.column, 0);
  EXPECT_NE(result.errors[0].message.find("YAML syntax error"), std::string::npos);
}

TEST(ConfigTest, WrongTypesAreNamed) {
  const auto result = Load(R"(version: 1
source:
  pardot: { business_unit_id: x, api_version: 6, reserve: lots }
rules: { text: {} }
sink:
  pardot: { batch: 51 }
)");
  EXPECT_TRUE(AnyErrorMentions(result.errors, "api_version: expected one of 3,4,5"));
  EXPECT_TRUE(AnyErrorMentions(result.errors, "reserve: expected an integer"));
  EXPECT_TRUE(AnyErrorMentions(result.errors, "rules: expected a list of rules"));
  EXPECT_TRUE(AnyErrorMentions(result.errors, "1 to 50"));
}

TEST(ConfigTest, ExpandsEnvironmentVariables) {
  const auto result = Load(R"(version: 1
source:
  file: { path: "${DATA_DIR}/in.csv" }
rules:
  - set: { field: source, value: "${SOURCE:-import} $${literal}" }
)",
                           Env({{"DATA_DIR", "/srv/data"}}));
  ASSERT_TRUE(result.errors.empty()) << result.errors[0].str();
  EXPECT_EQ(result.config->file_source->path, "/srv/data/in.csv");
  Record r;
  result.config->rules.Apply(r);
  EXPECT_EQ(TextOf(r, "source"), "import ${literal}");
}

TEST(ConfigTest, MissingVariableWithoutDefaultIsAnError) {
  const auto result = Load("version: 1\nsource:\n  file: { path: \"${NOPE}\" }\n");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].where.str(), "c.yaml:3:17");
  EXPECT_NE(result.errors[0].message.find("NOPE is not set"), std::string::npos);
}

TEST(ConfigTest, DuplicateKeysAndMissingRequiredOptions) {
  const auto result =
      Load("version: 1\nrules:\n  - set: { field: a, field: b }\n  - copy: { from: a }\n");
  EXPECT_TRUE(AnyErrorMentions(result.errors, "duplicate key \"field\""));
  EXPECT_TRUE(AnyErrorMentions(result.errors, "copy: missing required option \"to\""));
}

TEST(ConfigTest, ConditionsAreChecked) {
  const auto result = Load(R"(version: 1
rules:
  - when: { field: a, is: blank }
    then: [ { set: { field: b, value: x } } ]
  - when: { field: a, matches: "([" }
    then: []
  - when: { field: a }
    then: []
  - then: []
)");
  EXPECT_TRUE(AnyErrorMentions(result.errors, "when.is: expected one of empty,not_empty"));
  EXPECT_TRUE(AnyErrorMentions(result.errors, "when.matches: invalid regular expression"));
  EXPECT_TRUE(AnyErrorMentions(result.errors, "exactly one of is, equals, matches or in"));
  EXPECT_TRUE(AnyErrorMentions(result.errors, "needs both `when:`"));
}

TEST(ConfigTest, TestsNeedGivenAndExpect) {
  const auto result = Load("version: 1\ntests:\n  - given: { a: b }\n");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].where.line, 3);
}

TEST(ConfigTest, ReadsPairAndClusterTests) {
  const auto result = Load(R"(version: 1
tests:
  - name: nickname
    pair:
      - { first_name: Bob, email: bob@acme.com }
      - { id: "77", first_name: Robert, email: bob@acme.com }
    expect: match
  - pair: [{ email: a@x.com }, { email: b@x.com }]
    expect: no_match
  - cluster:
      - { id: "1", email: a@x.com, opted_out: "true" }
      - { id: "2", email: a@x.com }
      - { email: a@x.com, tags: [a, b] }
    expect_survivor: { id: "2", opted_out: "true", phone: null }
  - given: { a: b }
    expect: { a: b }
)");
  ASSERT_TRUE(result.config) << result.errors[0].str();
  const auto& tests = result.config->tests;
  ASSERT_EQ(tests.size(), 4u);
  EXPECT_EQ(tests[0].kind, RuleTest::Kind::kPair);
  EXPECT_EQ(tests[0].name, "nickname");
  EXPECT_TRUE(tests[0].expect_match);
  ASSERT_EQ(tests[0].records.size(), 2u);
  EXPECT_EQ(tests[0].records[1][0].first, "id");
  EXPECT_EQ(tests[0].records[1][0].second.view(), "77");
  EXPECT_EQ(tests[1].kind, RuleTest::Kind::kPair);
  EXPECT_FALSE(tests[1].expect_match);
  EXPECT_EQ(tests[2].kind, RuleTest::Kind::kCluster);
  EXPECT_EQ(tests[2].where.line, 10);
  ASSERT_EQ(tests[2].records.size(), 3u);
  EXPECT_EQ(tests[2].records[2][1].second.kind(), Value::Kind::kList);
  ASSERT_EQ(tests[2].expect_survivor.size(), 3u);
  EXPECT_EQ(tests[2].expect_survivor[0].first, "id");
  EXPECT_TRUE(tests[2].expect_survivor[2].second.is_null());
  EXPECT_EQ(tests[3].kind, RuleTest::Kind::kRule);
}

TEST(ConfigTest, PairAndClusterTestShapeMistakesHaveTheirPlace) {
  const auto result = Load(R"(version: 1
tests:
  - pair: [{ a: "1" }, { a: "2" }, { a: "3" }]
    expect: match
  - pair: [{ a: "1" }, { a: "2" }]
    expect: maybe
  - pair: [{ a: "1" }, { a: "2" }]
  - pair: [{ a: "1" }, "two"]
    expect: { a: "1" }
  - cluster: [{ a: "1" }]
    expect_survivor: { a: "1" }
  - cluster: [{ a: "1" }, { a: "2" }]
  - cluster: [{ a: "1" }, { a: "2" }]
    given: { a: "1" }
    expect_survivor: { a: "1" }
  - pair: [{ a: "1" }, { a: "2" }]
    cluster: [{ a: "1" }, { a: "2" }]
    expect: match
  - given: { a: "1" }
    expect: { a: "1" }
    expect_survivor: { a: "1" }
  - pair: { a: "1" }
    expect: no_match
)");
  EXPECT_FALSE(result.config);
  auto at = [&](int line, std::string_view text) {
    for (const auto& e : result.errors) {
      if (e.where.line == line && e.message.find(text) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(at(3, "pair: expected a list of exactly 2 records, got 3"));
  EXPECT_TRUE(at(6, "expect: expected one of match,no_match, found \"maybe\""));
  EXPECT_TRUE(at(7, "a pair test needs `expect: match` or `expect: no_match`"));
  EXPECT_TRUE(at(8, "pair record: expected a mapping of field: value"));
  EXPECT_TRUE(at(9, "a pair test expects `match` or `no_match`"));
  EXPECT_TRUE(at(10, "cluster: expected a list of at least 2 records, got 1"));
  EXPECT_TRUE(at(12, "a cluster test needs `expect_survivor:`"));
  EXPECT_TRUE(at(14, "`given` does not go with `cluster`"));
  EXPECT_TRUE(at(16, "either `pair:` or `cluster:`"));
  EXPECT_TRUE(at(21, "`expect_survivor` does not go with `given`"));
  EXPECT_TRUE(at(22, "pair: expected a list of exactly 2 records"));
  EXPECT_EQ(result.errors.size(), 11u);
  for (const auto& e : result.errors) EXPECT_GT(e.where.column, 0) << e.str();
}

TEST(ConfigTest, ReadsTheDedupeSection) {
  const auto result = Load(R"(version: 1
dedupe:
  shared_email: flag_only
  block: [email_key, phone_e164]
  block_cap: 500
  match:
    - [email]
    - [first_name: 0.85, last_name: 0.9, company]
  survivor: { order: [oldest_created, crm_synced] }
  fields: { score: max }
  losers: { action: flag, field: Duplicate_Of__c }
)");
  ASSERT_TRUE(result.config) << result.errors[0].str();
  const DedupeSpec& d = *result.config->dedupe;
  EXPECT_EQ(d.shared_email, "flag_only");
  ASSERT_EQ(d.block.size(), 2u);
  EXPECT_EQ(d.block[1].name, "phone_e164");
  EXPECT_EQ(d.block[1].where.line, 4);
  EXPECT_EQ(d.block_cap, 500u);
  ASSERT_EQ(d.match.size(), 2u);
  ASSERT_EQ(d.match[1].size(), 3u);
  EXPECT_EQ(d.match[1][0].name, "first_name");
  EXPECT_DOUBLE_EQ(*d.match[1][0].threshold, 0.85);
  EXPECT_FALSE(d.match[1][2].threshold.has_value());
  ASSERT_EQ(d.survivor_order.size(), 2u);
  EXPECT_EQ(d.survivor_order[0].name, "oldest_created");
  ASSERT_EQ(d.fields.size(), 1u);
  EXPECT_EQ(d.fields[0].rule, "max");
  EXPECT_EQ(d.losers, "flag");
  EXPECT_EQ(d.flag_field, "Duplicate_Of__c");
}

TEST(ConfigTest, DedupeDefaultsAndShapeMistakes) {
  const auto defaults = Load("version: 1\ndedupe:\n");
  ASSERT_TRUE(defaults.config);
  EXPECT_EQ(defaults.config->dedupe->shared_email, "keep_distinct_crm");
  EXPECT_EQ(defaults.config->dedupe->losers, "flag");
  EXPECT_EQ(defaults.config->dedupe->flag_field, "duplicate_of");

  const auto bad = Load(R"(version: 1
dedupe:
  shared_email: share
  block_cap: 1
  match: [[first_name: 1.5], email]
  losers: remove
  colour: red
)");
  EXPECT_FALSE(bad.config);
  EXPECT_TRUE(AnyErrorMentions(bad.errors, "dedupe.shared_email: expected one of"));
  EXPECT_TRUE(AnyErrorMentions(bad.errors, "dedupe.block_cap: must be at least 2"));
  EXPECT_TRUE(AnyErrorMentions(bad.errors, "the threshold of first_name must be a number above 0"));
  EXPECT_TRUE(AnyErrorMentions(bad.errors, "each group is a non-empty list of fields"));
  EXPECT_TRUE(AnyErrorMentions(bad.errors, "dedupe.losers: expected one of flag,delete"));
  EXPECT_TRUE(AnyErrorMentions(bad.errors, "colour"));
  for (const auto& e : bad.errors) EXPECT_GE(e.where.line, 3) << e.str();
}

TEST(ConfigTest, EmptyAndUnreadableFiles) {
  EXPECT_TRUE(AnyErrorMentions(Load("").errors, "the config is empty"));
  const auto missing = LoadConfig("/nonexistent/x.yaml", RuleRegistry::WithBuiltins());
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_NE(missing.errors[0].str().find("/nonexistent/x.yaml"), std::string::npos);
}

TEST(ConfigTest, NamedFieldsAreCollectedForOutputColumns) {
  auto config = LoadRules("  - copy: { from: email, to: email_original }\n");
  ASSERT_TRUE(config);
  const auto& named = config->rules.named_fields();
  EXPECT_NE(std::find(named.begin(), named.end(), InternField("email_original")), named.end());
}

}  // namespace
}  // namespace pdc
