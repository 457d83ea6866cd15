#include <gtest/gtest.h>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

constexpr std::string_view kText = "  - text: { fields: [name] }\n";

std::string CleanText(std::string_view text, std::string_view rules = kText) {
  return TextOf(ApplyRules(rules, {{"name", std::string(text)}}), "name");
}

TEST(TextRule, CleanAsciiIsLeftAloneAndNotLogged) {
  const Record record = ApplyRules(kText, {{"name", "Mary Ann Smith"}});
  EXPECT_EQ(TextOf(record, "name"), "Mary Ann Smith");
  EXPECT_FALSE(record.has_log());
}

TEST(TextRule, TrimsAndCollapsesSpaces) {
  EXPECT_EQ(CleanText("  Mary   Ann  "), "Mary Ann");
  EXPECT_EQ(CleanText("   "), "");
  EXPECT_EQ(CleanText(""), "");
}

TEST(TextRule, AsciiWhiteSpaceAndControls) {
  EXPECT_EQ(CleanText("Acme\tInc\r\nLtd"), "Acme Inc Ltd");
  EXPECT_EQ(CleanText("a\x01"
                      "b\x7F"
                      "c\x1B"),
            "abc");
  EXPECT_EQ(CleanText("\n\tx\v\f"), "x");
}

TEST(TextRule, UnicodeWhiteSpaceBecomesOneSpace) {
  EXPECT_EQ(CleanText("Jos\u00E9\u00A0Garc\u00EDa"), "Jos\u00E9 Garc\u00EDa");
  EXPECT_EQ(CleanText("\u3000\u5C71\u7530\u2003\u2003\u592A\u90CE\u202F"),
            "\u5C71\u7530 \u592A\u90CE");
  EXPECT_EQ(CleanText("a\u0085b\u1680c\u205Fd\u2028e\u200Af"), "a b c d e f");
}

TEST(TextRule, RemovesControlAndFormatCharacters) {
  EXPECT_EQ(CleanText("\uFEFFMa\u200Bry"), "Mary");
  EXPECT_EQ(CleanText("M\u00FCl\u00ADler"), "M\u00FCller");                // soft hyphen
  EXPECT_EQ(CleanText("\u202Bacme\u202C \u2067x\u2069\u200E"), "acme x");  // bidi
  EXPECT_EQ(CleanText("a\u200D\u200Cb\u0080\u009F"), "ab");                // ZWJ, ZWNJ, C1
  // Removal happens before collapsing, so no double space is left behind.
  EXPECT_EQ(CleanText("Mary \u200B Ann"), "Mary Ann");
}

TEST(TextRule, NormalisesToNfc) {
  EXPECT_EQ(CleanText("Jose\u0301"), "Jos\u00E9");
  EXPECT_EQ(CleanText("A\u030A ngstr\u00F6m"), "\u00C5 ngstr\u00F6m");
  const std::string rules = "  - text: { fields: [name], nfc: false }\n";
  EXPECT_EQ(CleanText("Jose\u0301", rules), "Jose\u0301");
  EXPECT_EQ(CleanText(" Jose\u0301\u00A0 ", rules), "Jose\u0301");
}

TEST(TextRule, AlreadyCleanUnicodeIsNotLogged) {
  const Record record = ApplyRules(kText, {{"name", "Fran\u00E7ois \u5C71\u7530 \u00C5se"}});
  EXPECT_FALSE(record.has_log());
}

TEST(TextRule, AsciiPunctuationIsOptIn) {
  const std::string typographic = "\u2018Bob\u2019 \u201Cthe\u201D O\u2019Neil \u2013 CEO\u2026";
  EXPECT_EQ(CleanText(typographic), typographic);
  const std::string rules = "  - text: { fields: [name], ascii_punctuation: true }\n";
  EXPECT_EQ(CleanText(typographic, rules), "'Bob' \"the\" O'Neil - CEO...");
  EXPECT_EQ(CleanText("\u201Ex\u201F \u201Ay\u201B a\u2014b\u2012c\u2015d", rules),
            "\"x\" 'y' a-b-c-d");
}

TEST(TextRule, IllFormedUtf8IsRepaired) {
  EXPECT_EQ(CleanText("Ab\xFF"
                      "c"),
            "Ab\uFFFD"
            "c");
  EXPECT_EQ(CleanText("\xE2\x82"), "\uFFFD");
}

TEST(TextRule, EmptyFieldListMeansEveryFieldButId) {
  const Record record = ApplyRules(
      "  - text: {}\n", {{"id", " 42 "}, {"company", " Acme\u00A0 Corp "}, {"job_title", "CEO\t"}});
  EXPECT_EQ(TextOf(record, "id"), " 42 ");
  EXPECT_EQ(TextOf(record, "company"), "Acme Corp");
  EXPECT_EQ(TextOf(record, "job_title"), "CEO");
}

TEST(TextRule, NamedFieldsOnly) {
  const Record record = ApplyRules(kText, {{"name", " a "}, {"other", " b "}});
  EXPECT_EQ(TextOf(record, "name"), "a");
  EXPECT_EQ(TextOf(record, "other"), " b ");
}

TEST(TextRule, ListsItemByItemAndNonTextUntouched) {
  Record record = MakeRecord({});
  record.Load(InternField("name"), Value::List({" a  b ", "c", "d\u200B"}));
  record.Load(InternField("score"), Value::Json("  12"));
  record.Load(InternField("note"), Value::Null());
  ApplyRulesTo("  - text: {}\n", record);
  EXPECT_EQ(record.Get(InternField("name")), Value::List({"a b", "c", "d"}));
  EXPECT_EQ(record.Get(InternField("score")), Value::Json("  12"));
  EXPECT_TRUE(record.Get(InternField("note")).is_null());
}

TEST(TextRule, ChangeIsLoggedWithBeforeImage) {
  const Record record = ApplyRules(kText, {{"name", " x "}});
  ASSERT_TRUE(record.has_log());
  ASSERT_EQ(record.log()->touches.size(), 1u);
  EXPECT_EQ(record.log()->touches[0].rule, 0);
  EXPECT_EQ(record.Original(InternField("name")), Value::Text(" x "));
}

TEST(TextRule, UnknownOptionIsAnError) {
  const auto errors = ConfigErrors("version: 1\nrules:\n  - text: { feilds: [name] }\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(AnyErrorMentions(errors, "feilds")) << errors[0].str();
}

TEST(TextRule, InvalidValueIsAnError) {
  const auto errors = ConfigErrors("version: 1\nrules:\n  - text: { nfc: maybe }\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(AnyErrorMentions(errors, "nfc")) << errors[0].str();
  EXPECT_FALSE(ConfigErrors("version: 1\nrules:\n  - text: { ascii_punctuation: [1] }\n").empty());
}

}  // namespace
}  // namespace pdc
