#include <gtest/gtest.h>
#include <tbb/parallel_for.h>

#include <atomic>
#include <random>
#include <string>

#include "rules/country_names.h"
#include "rules/data_files.h"
#include "rules/geo_text.h"
#include "tests/rules/harness.h"

namespace pdc {
namespace {

std::string Clean(const std::string& country, const char* rules = "  - country: {}\n") {
  return TextOf(ApplyRules(rules, {{"country", country}}), "country");
}

TEST(CountryRuleTest, RequiredSpellings) {
  EXPECT_EQ(Clean("Deutschland"), "DE");
  EXPECT_EQ(Clean("Vereinigtes Königreich"), "GB");
  EXPECT_EQ(Clean("vereinigtes konigreich"), "GB");
  EXPECT_EQ(Clean("日本"), "JP");
  EXPECT_EQ(Clean("U.S.A."), "US");
  EXPECT_EQ(Clean("Holland"), "NL");
  EXPECT_EQ(Clean("England"), "GB");
  EXPECT_EQ(Clean("Allemagne"), "DE");
  EXPECT_EQ(Clean("États-Unis"), "US");
  EXPECT_EQ(Clean("Etats-Unis"), "US");
  EXPECT_EQ(Clean("osterreich"), "AT");
}

TEST(CountryRuleTest, CodesInAnyCase) {
  EXPECT_EQ(Clean("de"), "DE");
  EXPECT_EQ(Clean("DEU"), "DE");
  EXPECT_EQ(Clean("276"), "DE");
  EXPECT_EQ(Clean("040"), "AT");
  EXPECT_EQ(Clean("gbr"), "GB");
  EXPECT_EQ(Clean("ＵＳＡ"), "US");  // full-width letters
  EXPECT_EQ(Clean("UK"), "GB");      // exceptionally reserved, an alias
  EXPECT_EQ(Clean("ZR"), "CD");      // deprecated Zaire
}

TEST(CountryRuleTest, NamesInManyScriptsAndLanguages) {
  EXPECT_EQ(Clean("مصر"), "EG");
  EXPECT_EQ(Clean("ישראל"), "IL");
  EXPECT_EQ(Clean("Россия"), "RU");
  EXPECT_EQ(Clean("Ελλάδα"), "GR");
  EXPECT_EQ(Clean("대한민국"), "KR");
  EXPECT_EQ(Clean("भारत"), "IN");
  EXPECT_EQ(Clean("中国"), "CN");
  EXPECT_EQ(Clean("España"), "ES");
  EXPECT_EQ(Clean("Espana"), "ES");
  EXPECT_EQ(Clean("Brésil"), "BR");
  EXPECT_EQ(Clean("Schweiz"), "CH");
  EXPECT_EQ(Clean("Côte d’Ivoire"), "CI");
  EXPECT_EQ(Clean("Bosnia & Herzegovina"), "BA");
  EXPECT_EQ(Clean("Korea, Republic of"), "KR");
}

TEST(CountryRuleTest, ValuesAreCleanedBeforeLookup) {
  EXPECT_EQ(Clean("  the   Netherlands. "), "NL");
  EXPECT_EQ(Clean("(Germany)"), "DE");
  EXPECT_EQ(Clean("\"France\""), "FR");
  EXPECT_EQ(Clean("\u200B\u00A0Germany\u200D"), "DE");
  EXPECT_EQ(Clean("\u200Fمصر\u200F"), "EG");  // right-to-left marks around Arabic
  EXPECT_EQ(Clean("Myanmar (Burma)"), "MM");
}

TEST(CountryRuleTest, LatinNamesWithCyrillicOrGreekLookalikes) {
  EXPECT_EQ(Clean("G\u0435rmany"), "DE");                          // Cyrillic ie
  EXPECT_EQ(Clean("\u0410ustria"), "AT");                          // Cyrillic capital a
  EXPECT_EQ(Clean("Fr\u03B1nce"), "FR");                           // Greek alpha
  EXPECT_EQ(Clean("\u0420\u043E\u0441\u0441\u0438\u044F"), "RU");  // all Cyrillic: Россия
}

TEST(CountryRuleTest, AmbiguousNamesAreFlaggedNeverGuessed) {
  for (const char* name : {"Korea", "KOREA", "Congo", "Guinea", "Virgin Islands", "Macedonia"}) {
    Record r = ApplyRules("  - country: {}\n", {{"country", name}});
    EXPECT_EQ(TextOf(r, "country"), name);
    ASSERT_EQ(FlagMessages(r, "country.ambiguous").size(), 1u) << name;
    EXPECT_TRUE(FlagMessages(r, "country.unknown").empty()) << name;
  }
  Record korea = ApplyRules("  - country: {}\n", {{"country", "Korea"}});
  EXPECT_NE(FlagMessages(korea, "country.ambiguous")[0].find("KP, KR"), std::string::npos);
  EXPECT_EQ(Clean("South Korea"), "KR");
  EXPECT_EQ(Clean("North Korea"), "KP");
}

TEST(CountryRuleTest, UnknownValuesAreFlaggedAndKept) {
  for (const char* junk : {"Atlantis", "N/A", "xx", "-", "12", "999", "Germany (Deutschland)"}) {
    Record r = ApplyRules("  - country: {}\n", {{"country", junk}});
    EXPECT_EQ(TextOf(r, "country"), junk);
    EXPECT_EQ(FlagMessages(r, "country.unknown").size(), 1u) << junk;
  }
  Record empty = ApplyRules("  - country: {}\n", {{"country", ""}});
  EXPECT_FALSE(empty.has_log());
}

TEST(CountryRuleTest, FormatsAndExtraOutputs) {
  EXPECT_EQ(Clean("Deutschland", "  - country: { format: alpha3 }\n"), "DEU");
  EXPECT_EQ(Clean("Deutschland", "  - country: { format: numeric }\n"), "276");
  EXPECT_EQ(Clean("deu", "  - country: { format: name }\n"), "Germany");
  EXPECT_EQ(Clean("대한민국", "  - country: { format: name }\n"), "South Korea");
  Record r = ApplyRules(
      "  - country: { field: land, to: iso2, name_to: land_name, code_to: code, "
      "subdivision_to: region }\n",
      {{"land", "Scotland"}});
  EXPECT_EQ(TextOf(r, "land"), "Scotland");
  EXPECT_EQ(TextOf(r, "iso2"), "GB");
  EXPECT_EQ(TextOf(r, "land_name"), "United Kingdom");
  EXPECT_EQ(TextOf(r, "code"), "GB");
  EXPECT_EQ(TextOf(r, "region"), "GB-SCT");
  Record plain = ApplyRules("  - country: { subdivision_to: region }\n", {{"country", "France"}});
  EXPECT_EQ(TextOf(plain, "region"), "<null>");
}

TEST(CountryRuleTest, BrokenAndHostileInputNeverCrashes) {
  Record bad = ApplyRules("  - country: {}\n", {{"country", std::string("Deu\xff\xfe")}});
  EXPECT_EQ(TextOf(bad, "country"), std::string("Deu\xff\xfe"));
  EXPECT_EQ(FlagMessages(bad, "country.unknown").size(), 1u);
  const std::string huge(100000, 'a');
  EXPECT_EQ(Clean(huge), huge);
  EXPECT_EQ(Clean("\u0301\u0301Germany"), "\u0301\u0301Germany");  // stray combining marks
  auto config = LoadRules("  - country: { name_to: n, subdivision_to: s }\n");
  ASSERT_TRUE(config);
  std::mt19937 random(7);
  for (int i = 0; i < 3000; ++i) {
    std::string value(random() % 24, '\0');
    for (char& c : value) c = static_cast<char>(random() % 256);
    Record r = MakeRecord({{"country", value}});
    config->rules.Apply(r);  // must not crash or hang
  }
}

TEST(CountryRuleTest, ConcurrentLookupsAgree) {
  auto config = LoadRules("  - country: {}\n");
  ASSERT_TRUE(config);
  const char* inputs[] = {"Deutschland", "日本", "Korea", "U.S.A.", "Atlantis", "Österreich"};
  const char* expected[] = {"DE", "JP", "Korea", "US", "Atlantis", "AT"};
  std::atomic<int> wrong{0};
  tbb::parallel_for(0, 4000, [&](int i) {
    Record r = MakeRecord({{"country", inputs[i % 6]}});
    config->rules.Apply(r);
    if (TextOf(r, "country") != expected[i % 6]) ++wrong;
  });
  EXPECT_EQ(wrong.load(), 0);
}

TEST(CountryRuleTest, CountsHowValuesWereRecognised) {
  auto config = LoadRules("  - country: {}\n");
  ASSERT_TRUE(config);
  for (const char* value : {"DE", "Holland", "Allemagne", "Allemagne", "Korea"}) {
    Record r = MakeRecord({{"country", value}});
    config->rules.Apply(r);
  }
  const Rule::Counters counters = config->rules.table().at(0).rule->counters();
  const Rule::Counters expected = {{"by_code", 1}, {"by_alias", 1}, {"by_name", 2}, {"lookups", 4}};
  EXPECT_EQ(counters, expected);
}

TEST(CountryRuleTest, IndexCoversEveryLocale) {
  const CountryNames& names = CountryNames::Get();
  EXPECT_GE(names.countries().size(), 249u);
  EXPECT_GT(names.name_keys(), 20000u);
  EXPECT_LT(names.ambiguous_keys(), 40u);  // CLDR has very few names shared by two countries
}

TEST(CountryRuleTest, OptionsAreChecked) {
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - country: { format: iso }\n"),
                               "expected one of alpha2,alpha3,numeric,name"));
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - country: { guess: true }\n"),
                               "unknown key \"guess\""));
}

TEST(CountryRuleTest, MissingIsoCodesTableIsADataErrorNamingThePath) {
  try {
    geo::ReadIsoCodesTable("/nonexistent/iso_3166-1.json", "3166-1");
    FAIL() << "no error";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/iso_3166-1.json"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("iso-codes"), std::string::npos);
  }
}

}  // namespace
}  // namespace pdc
