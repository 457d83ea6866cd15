#include <gtest/gtest.h>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

constexpr std::string_view kNameCase = "  - name_case: { fields: [name] }\n";

std::string Cased(std::string_view text, std::string_view rules = kNameCase) {
  return TextOf(ApplyRules(rules, {{"name", std::string(text)}}), "name");
}

TEST(NameCaseRule, AllUpperOrAllLowerIsProperCased) {
  EXPECT_EQ(Cased("MARY"), "Mary");
  EXPECT_EQ(Cased("john smith"), "John Smith");
  EXPECT_EQ(Cased("j"), "J");
  EXPECT_EQ(Cased("JEAN-LUC PICARD"), "Jean-Luc Picard");
  EXPECT_EQ(Cased("mary-ann"), "Mary-Ann");
  EXPECT_EQ(Cased("j.r. ewing"), "J.R. Ewing");
}

TEST(NameCaseRule, MixedCaseIsKeptAsTyped) {
  for (const char* typed : {"eBay", "McDonald", "DeVito", "JOHN smith", "Mary", "Macdonald"}) {
    const Record record = ApplyRules(kNameCase, {{"name", typed}});
    EXPECT_EQ(TextOf(record, "name"), typed);
    EXPECT_FALSE(record.has_log()) << typed;
  }
}

TEST(NameCaseRule, WhiteSpaceIsKeptAsTyped) { EXPECT_EQ(Cased(" mary  ann\t"), " Mary  Ann\t"); }

TEST(NameCaseRule, ParticlesStayLowerAfterTheFirstWord) {
  EXPECT_EQ(Cased("ludwig van beethoven"), "Ludwig van Beethoven");
  EXPECT_EQ(Cased("LUDWIG VAN BEETHOVEN"), "Ludwig van Beethoven");
  EXPECT_EQ(Cased("de la cruz"), "De la Cruz");
  EXPECT_EQ(Cased("VAN DER BERG"), "Van der Berg");
  EXPECT_EQ(Cased("leonardo da vinci"), "Leonardo da Vinci");
  EXPECT_EQ(Cased("ANA DOS SANTOS"), "Ana dos Santos");
  const std::string custom = "  - name_case: { fields: [name], particles: [bin, al] }\n";
  EXPECT_EQ(Cased("ahmad bin ali van x", custom), "Ahmad bin Ali Van X");
}

TEST(NameCaseRule, McAndMacPrefixes) {
  EXPECT_EQ(Cased("mcdonald"), "McDonald");
  EXPECT_EQ(Cased("MCKAY"), "McKay");
  EXPECT_EQ(Cased("macdonald"), "MacDonald");
  EXPECT_EQ(Cased("MACARTHUR"), "MacArthur");
  EXPECT_EQ(Cased("mac"), "Mac");
  EXPECT_EQ(Cased("mc"), "Mc");
  // Too short after Mac, or a listed exception.
  for (const char* word : {"mack", "macy", "mace", "macon", "MACKIE", "machado", "machin", "macias",
                           "maciel", "macedo", "mackenzie"}) {
    std::string expected = Cased(word);
    EXPECT_EQ(expected.substr(0, 3), "Mac") << word;
    EXPECT_TRUE(expected.size() > 3 && expected[3] >= 'a' && expected[3] <= 'z') << expected;
  }
  const std::string off = "  - name_case: { fields: [name], mac_prefix: false }\n";
  EXPECT_EQ(Cased("macdonald", off), "Macdonald");
  EXPECT_EQ(Cased("mcdonald", off), "McDonald");
}

TEST(NameCaseRule, ApostrophePrefixes) {
  EXPECT_EQ(Cased("o'brien"), "O'Brien");
  EXPECT_EQ(Cased("MARY O'BRIEN"), "Mary O'Brien");
  EXPECT_EQ(Cased("d'angelo"), "D'Angelo");
  EXPECT_EQ(Cased("val\u00E9ry giscard d'estaing"), "Val\u00E9ry Giscard d'Estaing");
  EXPECT_EQ(Cased("O\u2019BRIEN"), "O\u2019Brien");
  EXPECT_EQ(Cased("ka'ahumanu"), "Ka'ahumanu");
}

TEST(NameCaseRule, RomanNumeralSuffixes) {
  EXPECT_EQ(Cased("JOHN SMITH III"), "John Smith III");
  EXPECT_EQ(Cased("henry iv"), "Henry IV");
}

TEST(NameCaseRule, ExceptionsWinCaseInsensitively) {
  const std::string rules =
      "  - name_case: { fields: [name], exceptions: [DeVito, iPhone, MacKay, Smith-Jones] }\n";
  EXPECT_EQ(Cased("danny devito", rules), "Danny DeVito");
  EXPECT_EQ(Cased("IPHONE", rules), "iPhone");
  EXPECT_EQ(Cased("mary smith-jones", rules), "Mary Smith-Jones");
  EXPECT_EQ(Cased("ann devito-mackay", rules), "Ann DeVito-MacKay");
  EXPECT_EQ(Cased("DeVITO", rules), "DeVITO");  // mixed case is never touched
}

TEST(NameCaseRule, UnicodeScriptsWithCase) {
  EXPECT_EQ(Cased("JOS\u00C9 \u00C1LVAREZ"), "Jos\u00E9 \u00C1lvarez");
  EXPECT_EQ(Cased("\u00E9lodie \u00E7elik"), "\u00C9lodie \u00C7elik");
  EXPECT_EQ(Cased("\u0418\u0412\u0410\u041D \u041F\u0415\u0422\u0420\u041E\u0412"),
            "\u0418\u0432\u0430\u043D \u041F\u0435\u0442\u0440\u043E\u0432");  // Иван Петров
  // ΝΙΚΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ -> Νικος Παπαδοπουλος, with final sigma.
  EXPECT_EQ(Cased("\u039D\u0399\u039A\u039F\u03A3 "
                  "\u03A0\u0391\u03A0\u0391\u0394\u039F\u03A0\u039F\u03A5\u039B\u039F\u03A3"),
            "\u039D\u03B9\u03BA\u03BF\u03C2 "
            "\u03A0\u03B1\u03C0\u03B1\u03B4\u03BF\u03C0\u03BF\u03C5\u03BB\u03BF\u03C2");
  EXPECT_EQ(Cased("GRO\u00DFMANN"), "Gro\u00DFmann");      // ß has no capital: still all upper
  EXPECT_EQ(Cased("\u01C4OKI\u0106"), "\u01C5oki\u0107");  // DŽ title-cases to Dž
}

TEST(NameCaseRule, UncasedScriptsAndMixedUnicodeUntouched) {
  for (const char* typed :
       {"\u5C71\u7530\u592A\u90CE", "\u0645\u062D\u0645\u062F",
        "\u0418\u0432\u0430\u043D \u043F\u0435\u0442\u0440\u043E\u0432", "123", ""}) {
    const Record record = ApplyRules(kNameCase, {{"name", typed}});
    EXPECT_EQ(TextOf(record, "name"), typed);
    EXPECT_FALSE(record.has_log());
  }
  EXPECT_EQ(Cased("\u5C71\u7530 JOHN"), "\u5C71\u7530 John");
}

TEST(NameCaseRule, DefaultFieldsAreFirstAndLastName) {
  const Record record =
      ApplyRules("  - name_case: {}\n",
                 {{"first_name", "MARY"}, {"last_name", "o'neil"}, {"company", "ACME"}});
  EXPECT_EQ(TextOf(record, "first_name"), "Mary");
  EXPECT_EQ(TextOf(record, "last_name"), "O'Neil");
  EXPECT_EQ(TextOf(record, "company"), "ACME");
}

TEST(NameCaseRule, ListsItemByItem) {
  Record record = MakeRecord({});
  record.Load(InternField("name"), Value::List({"ANN", "Bo", "cy"}));
  ApplyRulesTo(kNameCase, record);
  EXPECT_EQ(record.Get(InternField("name")), Value::List({"Ann", "Bo", "Cy"}));
}

TEST(NameCaseRule, UnknownOptionIsAnError) {
  const auto errors = ConfigErrors("version: 1\nrules:\n  - name_case: { particle: [van] }\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(AnyErrorMentions(errors, "particle")) << errors[0].str();
}

TEST(NameCaseRule, InvalidValuesAreErrors) {
  auto errors = ConfigErrors("version: 1\nrules:\n  - name_case: { particles: {a: b} }\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(AnyErrorMentions(errors, "particles")) << errors[0].str();

  errors = ConfigErrors("version: 1\nrules:\n  - name_case: { particles: [\"van der\"] }\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(AnyErrorMentions(errors, "particles")) << errors[0].str();
  EXPECT_EQ(errors[0].where.line, 3) << errors[0].str();

  errors = ConfigErrors("version: 1\nrules:\n  - name_case: { exceptions: [\"\"] }\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(AnyErrorMentions(errors, "exceptions")) << errors[0].str();

  errors = ConfigErrors("version: 1\nrules:\n  - name_case: { mac_prefix: often }\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(AnyErrorMentions(errors, "mac_prefix")) << errors[0].str();
}

}  // namespace
}  // namespace pdc
