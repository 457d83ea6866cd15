#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "rules/match_key.h"
#include "tests/rules/harness.h"

namespace pdc {
namespace {

TEST(MatchKeyTest, AsciiIsLowerCasedAndPunctuationDropped) {
  EXPECT_EQ(Fold("  John   O'Brien-Smith "), "john obriensmith");
  EXPECT_EQ(Fold("ACME, Inc."), "acme inc");
  EXPECT_EQ(Fold("\t..\t"), "");
  EXPECT_EQ(Fold(""), "");
}

TEST(MatchKeyTest, AccentsAndScriptsBecomeAscii) {
  EXPECT_EQ(Fold("Zoë Müller-Lüdenscheid"), "zoe mullerludenscheid");
  EXPECT_EQ(Fold("Νίκος Παπαδόπουλος"), "nikos papadopoulos");
  EXPECT_EQ(Fold("王小明"), "wang xiao ming");
  EXPECT_EQ(Fold("ПЕТРОВ"), "petrov");
  EXPECT_EQ(Fold("Straße"), "strasse");
  EXPECT_EQ(Fold("ＡＣＭＥ　Ｃｏｒｐ"), "acme corp");  // full-width forms fold through NFKC
}

TEST(MatchKeyTest, ResidueIsDroppedAndCounted) {
  FoldStats stats;
  EXPECT_EQ(Fold("محمد علي", &stats), "mhmd ly");
  EXPECT_EQ(stats.residue, 1u);
  FoldStats bad;
  EXPECT_EQ(Fold("ab\xff\xfe" "cd", &bad), "abcd");
  EXPECT_EQ(bad.residue, 2u);
}

TEST(MatchKeyTest, InvisibleAndRightToLeftMarksVanish) {
  EXPECT_EQ(Fold("Jo\u200Bhn\u200F Smith\uFEFF"), "john smith");
  EXPECT_EQ(Fold("e\u0301cole"), "ecole");  // a combining acute accent
}

TEST(MatchKeyTest, FingerprintAndNgrams) {
  EXPECT_EQ(Fingerprint("Smith, John"), "john smith");
  EXPECT_EQ(Fingerprint("john  SMITH john"), "john smith");
  EXPECT_EQ(NgramKey("Acme"), "accmme");
  EXPECT_EQ(NgramKey("a"), "");
}

TEST(MatchKeyTest, EveryThreadFoldsAlike) {
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&got, t] {
      for (int i = 0; i < 200; ++i) got[t] = Fold("Ελλάδα " + std::to_string(i % 7));
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& key : got) EXPECT_EQ(key.substr(0, 7), "ellada ");
}

TEST(FoldRuleTest, WritesTheKeyAndLeavesTheValue) {
  Record r = ApplyRules("  - fold: { field: last_name, to: last_key }\n",
                        {{"last_name", "Müller"}});
  EXPECT_EQ(TextOf(r, "last_name"), "Müller");
  EXPECT_EQ(TextOf(r, "last_key"), "muller");
  Record f = ApplyRules("  - fold: { field: name, to: key, key: fingerprint }\n",
                        {{"name", "Smith, JOHN"}});
  EXPECT_EQ(TextOf(f, "key"), "john smith");
}

TEST(FoldRuleTest, CountsResidue) {
  auto config = LoadRules("  - fold: { field: name, to: key }\n");
  ASSERT_TRUE(config);
  Record r = MakeRecord({{"name", "محمد علي"}});
  config->rules.Apply(r);
  const Rule* rule = config->rules.table().at(0).rule;
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->counters(), (Rule::Counters{{"residue", 1}}));
}

TEST(FoldRuleTest, OptionsAreChecked) {
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - fold: { field: a, to: a }\n"), "another field"));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - fold: { field: a, to: b, key: soundex }\n"),
      "expected one of fold,fingerprint,ngram"));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - fold: { field: a, to: b, lower: true }\n"),
      "unknown key \"lower\""));
}

}  // namespace
}  // namespace pdc
