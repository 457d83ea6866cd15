#include <gtest/gtest.h>

#include <random>
#include <string>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

constexpr std::string_view kCompany = "  - company: { key_to: company_key }\n";

Record Clean(const std::string& company, std::string_view rules = kCompany) {
  return ApplyRules(rules, {{"company", company}});
}

std::string Display(const std::string& company, std::string_view rules = kCompany) {
  return TextOf(Clean(company, rules), "company");
}

std::string KeyOf(const std::string& company) { return TextOf(Clean(company), "company_key"); }

TEST(CompanyRuleTest, LegalFormGoesToItsOwnField) {
  const Record r = Clean("ACME, INC.");
  EXPECT_EQ(TextOf(r, "company"), "Acme");
  EXPECT_EQ(TextOf(r, "legal_form"), "Inc");
  EXPECT_EQ(TextOf(r, "company_key"), "acme");
  const Record de = Clean("Müller GmbH & Co. KG");
  EXPECT_EQ(TextOf(de, "company"), "Müller");
  EXPECT_EQ(TextOf(de, "legal_form"), "GmbH & Co. KG");
  EXPECT_EQ(TextOf(Clean("Grupo Bimbo, S.A.B. de C.V."), "legal_form"), "S.A.B. de C.V.");
  EXPECT_EQ(TextOf(Clean("Acme S. A. de C. V."), "legal_form"), "S.A. de C.V.");
  EXPECT_EQ(TextOf(Clean("Orlen Sp. z o.o."), "legal_form"), "Sp. z o.o.");
  EXPECT_EQ(TextOf(Clean("ACME PTY. LTD."), "legal_form"), "Pty Ltd");
  EXPECT_EQ(TextOf(Clean("Acme L.L.C."), "legal_form"), "LLC");
}

TEST(CompanyRuleTest, SpellingWithFullStopsPicksTheCountry) {
  EXPECT_EQ(TextOf(Clean("Škoda Auto a.s."), "legal_form"), "a.s.");
  EXPECT_EQ(TextOf(Clean("Equinor AS"), "legal_form"), "AS");
}

TEST(CompanyRuleTest, CompanyAndPartnersCoStayInTheName) {
  for (const char* name :
       {"McKinsey & Company", "Smith & Co.", "Smith and Co", "Ford Motor Company"}) {
    const Record r = Clean(name);
    EXPECT_EQ(TextOf(r, "company"), name);
    EXPECT_EQ(TextOf(r, "legal_form"), "<null>") << name;
  }
  EXPECT_EQ(TextOf(Clean("Acme Co."), "legal_form"), "Co");
  // A legal form alone is no name: nothing is taken.
  EXPECT_EQ(Display("Inc."), "Inc.");
  EXPECT_EQ(TextOf(Clean("Inc."), "legal_form"), "<null>");
}

TEST(CompanyRuleTest, WholeWordsOnly) {
  // Inc inside a word, AG inside a word, Co inside a word: never a legal form.
  EXPECT_EQ(Display("Incanto Magazine"), "Incanto Magazine");
  EXPECT_EQ(Display("Bag"), "Bag");
  EXPECT_EQ(Display("Deco"), "Deco");
  EXPECT_EQ(TextOf(Clean("Tesco"), "legal_form"), "<null>");
}

TEST(CompanyRuleTest, CasingOnlyForAllUpperOrAllLower) {
  EXPECT_EQ(Display("eBay Inc."), "eBay");
  EXPECT_EQ(Display("BCBS OF TEXAS"), "BCBS of Texas");
  EXPECT_EQ(Display("HSBC HOLDINGS PLC"), "HSBC Holdings");
  EXPECT_EQ(Display("AT&T INC."), "AT&T");
  EXPECT_EQ(Display("MCDONALD'S CORPORATION"), "McDonald's");
  EXPECT_EQ(Display("21ST CENTURY FOX"), "21st Century Fox");
  EXPECT_EQ(Display("3M COMPANY"), "3M Company");
  EXPECT_EQ(Display("ST. JUDE MEDICAL"), "St. Jude Medical");
  EXPECT_EQ(Display("  lots   of   space   gmbh  "), "Lots of Space");
  EXPECT_EQ(Display("MACHINE WORKS LTD"), "Machine Works");  // no Mac prefix in companies
  EXPECT_EQ(Display("ACME LTD", "  - company: { proper_case: false }\n"), "ACME");
}

TEST(CompanyRuleTest, KeysMeetAcrossSpellings) {
  EXPECT_EQ(KeyOf("The ACME Company, Inc."), "acme company");
  EXPECT_EQ(KeyOf("acme company"), "acme company");
  EXPECT_EQ(KeyOf("Johnson & Johnson"), KeyOf("JOHNSON AND JOHNSON"));
  EXPECT_EQ(KeyOf("Johnson + Johnson"), "johnson and johnson");
  EXPECT_EQ(KeyOf("Société Générale S.A."), "societe generale");
  EXPECT_EQ(KeyOf("Theater Works"), "theater works");  // "the" is a whole word
  const Record r = Clean("INTERNATIONAL BUSINESS MACHINES CORP",
                         "  - company: { acronym_to: company_acronym }\n");
  EXPECT_EQ(TextOf(r, "company_acronym"), "ibm");
}

TEST(CompanyRuleTest, KeepLegalFormAndOtherFields) {
  const std::string_view keep = "  - company: { keep_legal_form: true }\n";
  EXPECT_EQ(Display("ACME, INC.", keep), "Acme, Inc");
  EXPECT_EQ(Display("acme gmbh & co kg", keep), "Acme GmbH & Co. KG");
  EXPECT_EQ(Display("ООО «Ромашка»", keep), "ООО «Ромашка»");
  const Record r = ApplyRules("  - company: { field: org, to: org_clean, legal_form_to: form }\n",
                              {{"org", "Philips N.V."}});
  EXPECT_EQ(TextOf(r, "org"), "Philips N.V.");
  EXPECT_EQ(TextOf(r, "org_clean"), "Philips");
  EXPECT_EQ(TextOf(r, "form"), "N.V.");
}

TEST(CompanyRuleTest, UnicodeScriptsAndInvisibleCharacters) {
  const Record jp = Clean("ソニー株式会社");
  EXPECT_EQ(TextOf(jp, "company"), "ソニー");
  EXPECT_EQ(TextOf(jp, "legal_form"), "株式会社");
  EXPECT_EQ(TextOf(Clean("株式会社ソニー"), "company"), "ソニー");
  EXPECT_EQ(TextOf(Clean("(株)ソニー"), "legal_form"), "株式会社");
  const Record ru = Clean("ООО «Ромашка»");
  EXPECT_EQ(TextOf(ru, "company"), "Ромашка");
  EXPECT_EQ(TextOf(ru, "legal_form"), "ООО");
  EXPECT_EQ(TextOf(ru, "company_key"), "romaska");
  const Record he = Clean("\u200Fשטראוס גרופ בע\"מ\u200F");
  EXPECT_EQ(TextOf(he, "company"), "שטראוס גרופ");
  EXPECT_EQ(TextOf(he, "legal_form"), "בע\"מ");
  EXPECT_EQ(Display("\u200BAcme\u200B\u00A0GmbH"), "Acme");
  EXPECT_EQ(Display("MÜLLER GMBH"), "Müller");
  EXPECT_EQ(Display("MU\u0308LLER GMBH"), "Mu\u0308ller");
  // A joiner stays between letters (Persian), and goes where it joins nothing.
  EXPECT_EQ(Display("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 SA"),
            "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
  EXPECT_EQ(Display("ACME\u200D INC"), "Acme");
  EXPECT_EQ(Display("ΑΘΗΝΑΪΚΗ ΖΥΘΟΠΟΙΙΑ Α.Ε."), "Αθηναϊκη Ζυθοποιια Α.Ε.");
}

TEST(CompanyRuleTest, InvalidTextIsFlaggedAndLeftAlone) {
  const std::string bad = "ACME \xC3\x28 INC";
  const Record r = Clean(bad);
  EXPECT_EQ(TextOf(r, "company"), bad);
  EXPECT_EQ(FlagMessages(r, "company.invalid").size(), 1u);
  EXPECT_EQ(TextOf(r, "legal_form"), "<null>");
}

TEST(CompanyRuleTest, RandomBytesNeverCrash) {
  std::mt19937 random(7);
  auto config = LoadRules("  - company: { key_to: k, acronym_to: a, keep_legal_form: true }\n");
  ASSERT_NE(config, nullptr);
  for (int i = 0; i < 2000; ++i) {
    std::string text(random() % 40, ' ');
    for (char& c : text) c = static_cast<char>(random() % 256);
    if (i % 3 == 0) text += " GmbH & Co. KG";
    Record record = MakeRecord({{"company", text}});
    config->rules.Apply(record);
  }
  Record huge = MakeRecord({{"company", std::string(100000, 'A') + " INC"}});
  config->rules.Apply(huge);
  EXPECT_EQ(TextOf(huge, "a"), "a");
}

TEST(CompanyRuleTest, OptionsAreChecked) {
  EXPECT_TRUE(
      AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - company: { legal_forms: x }\n"),
                       "unknown key \"legal_forms\""));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - company: { keep_legal_form: maybe }\n"),
      "keep_legal_form"));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - company: { legal_form_to: company }\n"),
      "must name a field of its own"));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - company: { particles: [\"of the\"] }\n"), "one word"));
}

}  // namespace
}  // namespace pdc
