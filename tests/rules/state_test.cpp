#include <gtest/gtest.h>
#include <tbb/parallel_for.h>

#include <atomic>
#include <random>
#include <string>

#include "rules/subdivisions.h"
#include "tests/rules/harness.h"

namespace pdc {
namespace {

std::string Clean(const std::string& country, const std::string& state,
                  const char* rules = "  - state: {}\n") {
  return TextOf(ApplyRules(rules, {{"country", country}, {"state", state}}), "state");
}

std::string FullCode(const std::string& country, const std::string& state) {
  return Clean(country, state, "  - state: { format: full_code }\n");
}

TEST(StateRuleTest, CodesOnlyWithinTheRecordsCountry) {
  EXPECT_EQ(FullCode("US", "CA"), "US-CA");
  EXPECT_EQ(FullCode("us", "ca"), "US-CA");
  EXPECT_EQ(FullCode("US", "US-CA"), "US-CA");
  EXPECT_EQ(FullCode("", "US-CA"), "US-CA");
  Record canada = ApplyRules("  - state: {}\n", {{"country", "CA"}, {"state", "CA"}});
  EXPECT_EQ(TextOf(canada, "state"), "CA");
  EXPECT_EQ(FlagMessages(canada, "state.unknown").size(), 1u);
  Record none = ApplyRules("  - state: {}\n", {{"state", "CA"}});
  EXPECT_EQ(TextOf(none, "state"), "CA");
  EXPECT_EQ(FlagMessages(none, "state.no_country").size(), 1u);
  Record elsewhere = ApplyRules("  - state: {}\n", {{"country", "DE"}, {"state", "US-CA"}});
  EXPECT_EQ(TextOf(elsewhere, "state"), "US-CA");
  ASSERT_EQ(FlagMessages(elsewhere, "state.unknown").size(), 1u);
  EXPECT_NE(FlagMessages(elsewhere, "state.unknown")[0].find("not of DE"), std::string::npos);
}

TEST(StateRuleTest, PostalAbbreviationsAndTheirVariants) {
  EXPECT_EQ(FullCode("US", "Calif."), "US-CA");
  EXPECT_EQ(FullCode("US", "N.Y."), "US-NY");
  EXPECT_EQ(FullCode("US", "Washington, D.C."), "US-DC");
  EXPECT_EQ(FullCode("CA", "PQ"), "CA-QC");
  EXPECT_EQ(FullCode("CA", "B.C."), "CA-BC");
  EXPECT_EQ(FullCode("AU", "N.S.W."), "AU-NSW");
  EXPECT_EQ(FullCode("AU", "Qld"), "AU-QLD");
  EXPECT_EQ(FullCode("MX", "B.C."), "MX-BCN");  // the same letters mean Baja California there
}

TEST(StateRuleTest, NamesWithAccentsCaseAndGenericWords) {
  EXPECT_EQ(FullCode("DE", "Baden-Württemberg"), "DE-BW");
  EXPECT_EQ(FullCode("DE", "baden wurttemberg"), "DE-BW");
  EXPECT_EQ(FullCode("DE", "Bavaria"), "DE-BY");
  EXPECT_EQ(FullCode("FR", "Île-de-France"), "FR-IDF");
  EXPECT_EQ(FullCode("FR", "ILE DE FRANCE"), "FR-IDF");
  EXPECT_EQ(FullCode("ES", "Cataluña"), "ES-CT");
  EXPECT_EQ(FullCode("ES", "Comunidad de Madrid"), "ES-MD");
  EXPECT_EQ(FullCode("ES", "Madrid"), "ES-MD");  // the community, not its province
  EXPECT_EQ(FullCode("IE", "Co. Cork"), "IE-CO");
  EXPECT_EQ(FullCode("SE", "Skåne"), "SE-M");
  EXPECT_EQ(FullCode("IN", "Tamil Nadu"), "IN-TN");
}

TEST(StateRuleTest, NamesInOtherScripts) {
  EXPECT_EQ(FullCode("JP", "東京都"), "JP-13");
  EXPECT_EQ(FullCode("JP", "神奈川県"), "JP-14");
  EXPECT_EQ(FullCode("CN", "广东"), "CN-GD");
  EXPECT_EQ(FullCode("CN", "北京市"), "CN-BJ");
  EXPECT_EQ(FullCode("RU", "Москва"), "RU-MOW");
  EXPECT_EQ(FullCode("RU", "Татарстан"), "RU-TA");
  EXPECT_EQ(FullCode("GR", "Κρήτη"), "GR-M");
  EXPECT_EQ(FullCode("US", "\u200F\u00A0California\u200B"), "US-CA");
}

TEST(StateRuleTest, WithoutACountryOnlyAUniqueNameIsTaken) {
  EXPECT_EQ(FullCode("", "Baden-Württemberg"), "DE-BW");
  Record shared = ApplyRules("  - state: {}\n", {{"state", "Limburg"}});  // NL and BE
  EXPECT_EQ(TextOf(shared, "state"), "Limburg");
  EXPECT_EQ(FlagMessages(shared, "state.no_country").size(), 1u);
  // A country field the country rule has not resolved counts as none.
  Record unresolved =
      ApplyRules("  - state: {}\n", {{"country", "United States"}, {"state", "TX"}});
  EXPECT_EQ(FlagMessages(unresolved, "state.no_country").size(), 1u);
}

TEST(StateRuleTest, FormatsAndExtraOutputs) {
  EXPECT_EQ(Clean("US", "calif", "  - state: { format: name }\n"), "California");
  EXPECT_EQ(Clean("ES", "Cataluña", "  - state: { format: name }\n"), "Catalunya");
  Record r = ApplyRules(
      "  - state: { field: region, to: region_code, country_from: iso2, name_to: region_name, "
      "full_code_to: region_iso }\n",
      {{"iso2", "CA"}, {"region", "Québec"}});
  EXPECT_EQ(TextOf(r, "region"), "Québec");
  EXPECT_EQ(TextOf(r, "region_code"), "QC");
  EXPECT_EQ(TextOf(r, "region_name"), "Quebec");
  EXPECT_EQ(TextOf(r, "region_iso"), "CA-QC");
}

TEST(StateRuleTest, RunsAfterTheCountryRule) {
  Record r = ApplyRules("  - country: {}\n  - state: {}\n",
                        {{"country", "Vereinigte Staaten"}, {"state", "Tex."}});
  EXPECT_EQ(TextOf(r, "country"), "US");
  EXPECT_EQ(TextOf(r, "state"), "TX");
}

TEST(StateRuleTest, JunkIsFlaggedAndKept) {
  for (const char* junk : {"N/A", "-", "Other", "Atlantis", "??"}) {
    Record r = ApplyRules("  - state: {}\n", {{"country", "US"}, {"state", junk}});
    EXPECT_EQ(TextOf(r, "state"), junk);
    EXPECT_EQ(FlagMessages(r, "state.unknown").size(), 1u) << junk;
  }
  Record bad = ApplyRules("  - state: {}\n", {{"country", "US"}, {"state", "C\xc3"}});
  EXPECT_EQ(FlagMessages(bad, "state.unknown").size(), 1u);
  EXPECT_EQ(Clean("US", std::string(50000, 'x')), std::string(50000, 'x'));
  auto config = LoadRules("  - state: { name_to: n }\n");
  ASSERT_TRUE(config);
  std::mt19937 random(11);
  for (int i = 0; i < 3000; ++i) {
    std::string value(random() % 24, '\0');
    for (char& c : value) c = static_cast<char>(random() % 256);
    Record r = MakeRecord({{"country", i % 2 ? "JP" : ""}, {"state", value}});
    config->rules.Apply(r);  // must not crash or hang
  }
}

TEST(StateRuleTest, ConcurrentLookupsAgree) {
  auto config = LoadRules("  - state: { format: full_code }\n");
  ASSERT_TRUE(config);
  std::atomic<int> wrong{0};
  tbb::parallel_for(0, 4000, [&](int i) {
    Record r = MakeRecord({{"country", i % 2 ? "US" : "CA"}, {"state", "BC"}});
    config->rules.Apply(r);
    if (TextOf(r, "state") != (i % 2 ? "BC" : "CA-BC")) ++wrong;
  });
  EXPECT_EQ(wrong.load(), 0);
}

TEST(StateRuleTest, CountsHowValuesWereRecognised) {
  auto config = LoadRules("  - state: {}\n");
  ASSERT_TRUE(config);
  for (const char* value : {"TX", "Tex.", "Texas", "texas", "Atlantis"}) {
    Record r = MakeRecord({{"country", "US"}, {"state", value}});
    config->rules.Apply(r);
  }
  const Rule::Counters counters = config->rules.table().at(0).rule->counters();
  const Rule::Counters expected = {{"by_code", 1}, {"by_alias", 1}, {"by_name", 2}, {"lookups", 5}};
  EXPECT_EQ(counters, expected);
}

TEST(StateRuleTest, EveryIsoCodesSubdivisionIsLoaded) {
  EXPECT_GE(Subdivisions::Get().all().size(), 5000u);
  EXPECT_TRUE(Subdivisions::Get().HasCountry("US"));
}

TEST(StateRuleTest, OptionsAreChecked) {
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - state: { format: iso }\n"),
                               "expected one of code,full_code,name"));
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - state: { country: x }\n"),
                               "unknown key \"country\""));
}

}  // namespace
}  // namespace pdc
