// set, default, copy, regex_replace, map and when/then/else.
#include <gtest/gtest.h>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

TEST(SetRuleTest, WritesAndClears) {
  Record r =
      ApplyRules("  - set: { field: source, value: webinar }\n  - set: { field: a, value: null }\n",
                 {{"a", "x"}});
  EXPECT_EQ(TextOf(r, "source"), "webinar");
  EXPECT_EQ(TextOf(r, "a"), "<null>");
  ASSERT_TRUE(r.has_log());
  EXPECT_EQ(r.Original(InternField("a")).text(), "x");
}

TEST(SetRuleTest, UnknownOptionAndUnicode) {
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - set: { field: a, value: b, force: true }\n"),
      "unknown key \"force\""));
  Record r = ApplyRules("  - set: { field: city, value: \"Zürich 東京\" }\n", {});
  EXPECT_EQ(TextOf(r, "city"), "Zürich 東京");
  EXPECT_TRUE(
      AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - set: { field: a, value: [x, y] }\n"),
                       "set.value: expected a string"));
}

TEST(DefaultRuleTest, FillsOnlyEmpty) {
  const char* rules = "  - default: { field: country, value: US }\n";
  EXPECT_EQ(TextOf(ApplyRules(rules, {{"country", ""}}), "country"), "US");
  EXPECT_EQ(TextOf(ApplyRules(rules, {}), "country"), "US");
  EXPECT_EQ(TextOf(ApplyRules(rules, {{"country", "Deutschland"}}), "country"), "Deutschland");
  EXPECT_TRUE(
      AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - default: { field: country }\n"),
                       "missing required option \"value\""));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - default: { field: [a, b], value: x }\n"),
      "expected a string"));
}

TEST(CopyRuleTest, CopiesAndRespectsOverwrite) {
  Record r = ApplyRules("  - copy: { from: email, to: email_raw }\n", {{"email", "Ä@b.de"}});
  EXPECT_EQ(TextOf(r, "email_raw"), "Ä@b.de");
  r = ApplyRules("  - copy: { from: a, to: b, overwrite: false }\n", {{"a", "1"}, {"b", "2"}});
  EXPECT_EQ(TextOf(r, "b"), "2");
  r = ApplyRules("  - copy: { from: a, to: b }\n", {{"a", ""}, {"b", "2"}});
  EXPECT_EQ(TextOf(r, "b"), "2");  // skip_empty by default: an empty source never clears
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - copy: { from: a, to: a }\n"),
                               "onto itself"));
  EXPECT_TRUE(
      AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - copy: { from: a, to: b, mode: x }\n"),
                       "unknown key \"mode\""));
}

TEST(RegexReplaceRuleTest, RewritesWithGroupsAndUnicode) {
  Record r = ApplyRules(
      "  - regex_replace: { fields: [phone], pattern: '^\\(?(\\d{3})\\)?[ .-]?(\\d{3})', "
      "replacement: '$1-$2' }\n",
      {{"phone", "(415) 555"}});
  EXPECT_EQ(TextOf(r, "phone"), "415-555");
  r = ApplyRules(
      "  - regex_replace: { fields: job_title, pattern: '\\p{Pd}+', replacement: '-' }\n",
      {{"job_title", "VP – Sales—EMEA"}});
  EXPECT_EQ(TextOf(r, "job_title"), "VP - Sales-EMEA");
  r = ApplyRules("  - regex_replace: { fields: [a], pattern: 'ÉTÉ', case_insensitive: true }\n",
                 {{"a", "un été chaud"}});
  EXPECT_EQ(TextOf(r, "a"), "un  chaud");
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors(
          "version: 1\nrules:\n  - regex_replace: { fields: [a], pattern: x, global: true }\n"),
      "unknown key \"global\""));
  const auto errors =
      ConfigErrors("version: 1\nrules:\n  - regex_replace: { fields: [a], pattern: '(' }\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where.str(), "test.yaml:3:44");
  EXPECT_NE(errors[0].message.find("invalid regular expression"), std::string::npos);
}

TEST(MapRuleTest, MapsWholeValues) {
  const char* rules =
      "  - map: { fields: [country], case_insensitive: true, values: { usa: US, "
      "'Deutschland': DE, 'n/a': null } }\n";
  EXPECT_EQ(TextOf(ApplyRules(rules, {{"country", "USA"}}), "country"), "US");
  EXPECT_EQ(TextOf(ApplyRules(rules, {{"country", "DEUTSCHLAND"}}), "country"), "DE");
  EXPECT_EQ(TextOf(ApplyRules(rules, {{"country", "N/A"}}), "country"), "<null>");
  EXPECT_EQ(TextOf(ApplyRules(rules, {{"country", "France"}}), "country"), "France");
  EXPECT_EQ(
      TextOf(ApplyRules("  - map: { fields: [c], values: { usa: US } }\n", {{"c", "USA"}}), "c"),
      "USA");  // case matters unless asked
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - map: { fields: [c], values: [a, b] }\n"),
      "expected a mapping of values"));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - map: { fields: [c], values: { a: b }, fallback: x }\n"),
      "unknown key \"fallback\""));
  EXPECT_EQ(
      TextOf(ApplyRules(
                 "  - map: { fields: [c], case_insensitive: true, values: { 'ÖSTERREICH': AT } }\n",
                 {{"c", "österreich"}}),
             "c"),
      "AT");
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - map: { fields: [c], "
                                            "case_insensitive: true, values: { a: x, A: y } }\n"),
                               "mapped twice"));
}

TEST(MapRuleTest, MapsEachItemOfAList) {
  Record r;
  r.Load(InternField("tags"), Value::List({"a", "drop", "b"}));
  ApplyRulesTo("  - map: { fields: [tags], values: { a: A, drop: null } }\n", r);
  EXPECT_EQ(r.Get(InternField("tags")), Value::List({"A", "b"}));
}

TEST(WhenRuleTest, ThenAndElse) {
  const char* rules = R"(  - when: { field: company, is: empty }
    then:
      - set: { field: company, value: Unknown }
    else:
      - set: { field: has_company, value: "yes" }
)";
  Record r = ApplyRules(rules, {{"company", ""}});
  EXPECT_EQ(TextOf(r, "company"), "Unknown");
  EXPECT_EQ(TextOf(r, "has_company"), "<null>");
  r = ApplyRules(rules, {{"company", "Acme"}});
  EXPECT_EQ(TextOf(r, "has_company"), "yes");
}

TEST(WhenRuleTest, EqualsInMatchesAndCombinations) {
  const char* rules = R"(  - when:
      all:
        - { field: country, in: [de, at, ch], case_insensitive: true }
        - not: { field: email, matches: '@(gmail|web)\.' }
        - any:
          - { field: source, equals: Messe }
          - { field: source, equals: Straße, case_insensitive: true }
    then: [ { set: { field: region, value: DACH } } ]
)";
  EXPECT_EQ(TextOf(ApplyRules(rules,
                              {{"country", "DE"}, {"email", "a@siemens.com"}, {"source", "Messe"}}),
                   "region"),
            "DACH");
  EXPECT_EQ(
      TextOf(ApplyRules(rules, {{"country", "CH"}, {"email", "a@x.ch"}, {"source", "STRASSE"}}),
             "region"),
      "DACH");  // full case folding: ß folds to ss
  EXPECT_EQ(
      TextOf(ApplyRules(rules, {{"country", "DE"}, {"email", "a@gmail.com"}, {"source", "Messe"}}),
             "region"),
      "<null>");
  EXPECT_EQ(TextOf(ApplyRules(rules, {{"country", "FR"}, {"email", "a@x.fr"}, {"source", "Messe"}}),
                   "region"),
            "<null>");
}

TEST(RecordTest, ChangeBackIsNoChangeAndRevertRestores) {
  Record r = ApplyRules("  - set: { field: a, value: y }\n  - set: { field: a, value: x }\n",
                        {{"a", "x"}});
  EXPECT_EQ(r.Get(InternField("a")), r.Original(InternField("a")));
  r = ApplyRules("  - set: { field: a, value: y }\n", {{"a", "x"}});
  r.Revert();
  EXPECT_EQ(TextOf(r, "a"), "x");
  EXPECT_TRUE(r.log()->before.empty());
}

}  // namespace
}  // namespace pdc
