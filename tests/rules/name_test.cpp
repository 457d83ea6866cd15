#include <gtest/gtest.h>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

constexpr const char* kName = "  - name: { suffix_to: suffix, formal_to: formal }\n";

Record Names(const std::string& first, const std::string& last, const char* rules = kName) {
  return ApplyRules(rules, {{"first_name", first}, {"last_name", last}});
}

TEST(NameRuleTest, SplitsLastCommaFirst) {
  Record r = Names("", "SMITH, JOHN");
  EXPECT_EQ(TextOf(r, "first_name"), "John");
  EXPECT_EQ(TextOf(r, "last_name"), "Smith");
  Record two = Names("van der Berg, Anna Maria", "");
  EXPECT_EQ(TextOf(two, "first_name"), "Anna Maria");
  EXPECT_EQ(TextOf(two, "last_name"), "van der Berg");
  Record suffix = Names("", "Smith, Jr.");
  EXPECT_EQ(TextOf(suffix, "last_name"), "Smith");
  EXPECT_EQ(TextOf(suffix, "suffix"), "Jr.");
  EXPECT_EQ(TextOf(suffix, "first_name"), "");
}

TEST(NameRuleTest, MovesHonorificsAndSuffixes) {
  Record r = Names("DR. JANE", "DOE PHD");
  EXPECT_EQ(TextOf(r, "first_name"), "Jane");
  EXPECT_EQ(TextOf(r, "last_name"), "Doe");
  EXPECT_EQ(TextOf(r, "salutation"), "Dr.");
  EXPECT_EQ(TextOf(r, "suffix"), "PhD");
  Record kept = Names("john", "smith jr", "  - name: {}\n");
  EXPECT_EQ(TextOf(kept, "last_name"), "Smith Jr.");
  Record several = Names("Herr Dr. Klaus", "Müller, MBA, CPA");
  EXPECT_EQ(TextOf(several, "salutation"), "Herr Dr.");
  EXPECT_EQ(TextOf(several, "first_name"), "Klaus");
  EXPECT_EQ(TextOf(several, "suffix"), "MBA, CPA");
  EXPECT_EQ(TextOf(several, "last_name"), "Müller");
}

TEST(NameRuleTest, NeverEmptiesANameThroughAffixes) {
  Record r = Names("Miss", "Sir");
  EXPECT_EQ(TextOf(r, "first_name"), "Miss");
  EXPECT_EQ(TextOf(r, "last_name"), "Sir");
}

TEST(NameRuleTest, ExistingSalutationIsKept) {
  Record r = ApplyRules(kName, {{"first_name", "Mrs. Ann"}, {"salutation", "Ms."}});
  EXPECT_EQ(TextOf(r, "first_name"), "Ann");
  EXPECT_EQ(TextOf(r, "salutation"), "Ms.");
}

TEST(NameRuleTest, JunkBecomesNullAndIsFlagged) {
  for (const char* junk : {"test", "N/A", "unknown", "asdf", "xxx", "-", ".", "J", "aaaa", "123",
                           "No Last Name", "[not provided]"}) {
    Record r = Names("Mary", junk);
    EXPECT_EQ(TextOf(r, "last_name"), "<null>") << junk;
    EXPECT_EQ(FlagMessages(r, "name.junk").size(), 1u) << junk;
    EXPECT_EQ(TextOf(r, "first_name"), "Mary");
  }
  Record han = Names("明", "王");
  EXPECT_EQ(TextOf(han, "last_name"), "王");
  EXPECT_TRUE(FlagMessages(han, "name.junk").empty());
  Record extra = Names("Mary", "Placeholder", "  - name: { junk: [placeholder] }\n");
  EXPECT_EQ(TextOf(extra, "last_name"), "<null>");
}

TEST(NameRuleTest, CasesLikeNameCaseAndHonoursExceptions) {
  EXPECT_EQ(TextOf(Names("LUDWIG", "VAN BEETHOVEN"), "last_name"), "Van Beethoven");
  EXPECT_EQ(TextOf(Names("mary-ann", "o'brien"), "last_name"), "O'Brien");
  EXPECT_EQ(TextOf(Names("Danny", "DEVITO", "  - name: { exceptions: [DeVito] }\n"), "last_name"),
            "DeVito");
  EXPECT_EQ(TextOf(Names("eBay", "McDonald"), "first_name"), "eBay");
  EXPECT_EQ(TextOf(Names("ÉMILE", "ΠΑΠΑΔΟΠΟΥΛΟΣ"), "last_name"), "Παπαδοπουλος");
  EXPECT_EQ(TextOf(Names("JOHN", "SMITH", "  - name: { case: false }\n"), "last_name"), "SMITH");
}

TEST(NameRuleTest, FormalNamesAreDerivedNeverRewritten) {
  Record r = Names("Bob", "Dylan");
  EXPECT_EQ(TextOf(r, "first_name"), "Bob");
  EXPECT_EQ(TextOf(r, "formal"), "Robert");
  // A short form of several formal names gets them all, in the table's order.
  EXPECT_EQ(TextOf(Names("Alex", "Kim"), "formal"), "Alexander; Alexandra; Alejandro; Alexandros");
  // A short form typed in Cyrillic gets the romanised formal name.
  EXPECT_EQ(TextOf(Names("Ваня", "Petrov"), "formal"), "Ivan");
  EXPECT_EQ(TextOf(Names("Zoltan", "Kim"), "formal"), "<null>");
}

TEST(NameRuleTest, InvisibleAndRightToLeftCharacters) {
  Record r = Names("\u200BJOHN\u200F", "\uFEFFSMITH");
  EXPECT_EQ(TextOf(r, "first_name"), "John");
  EXPECT_EQ(TextOf(r, "last_name"), "Smith");
  Record arabic = Names("محمد", "علي");
  EXPECT_EQ(TextOf(arabic, "first_name"), "محمد");
  EXPECT_TRUE(FlagMessages(arabic, "name.junk").empty());
  Record bad = Names("J\xff\xfeohn", "Smith");
  EXPECT_EQ(TextOf(bad, "first_name"), "J\xff\xfeohn");
}

TEST(NameRuleTest, OptionsAreChecked) {
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - name: { sufix_to: x }\n"),
                               "unknown key \"sufix_to\""));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - name: { exceptions: [\"de vito\"] }\n"), "one word"));
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - name: { case: maybe }\n"),
                               "case"));
}

}  // namespace
}  // namespace pdc
