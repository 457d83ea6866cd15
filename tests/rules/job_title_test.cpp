#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

constexpr std::string_view kJobTitle = "  - job_title: {}\n";

Record Clean(const std::string& title, std::string_view rules = kJobTitle) {
  return ApplyRules(rules, {{"job_title", title}});
}

std::string Title(const std::string& title, std::string_view rules = kJobTitle) {
  return TextOf(Clean(title, rules), "job_title");
}

// "seniority / function" of a title.
std::string Derived(const std::string& title, std::string_view rules = kJobTitle) {
  const Record r = Clean(title, rules);
  return TextOf(r, "seniority") + " / " + TextOf(r, "function");
}

// A scratch directory for taxonomy files, removed at the end of the test.
class TempDir {
 public:
  TempDir() : path_(std::filesystem::temp_directory_path() / ("job_title_test_" + Unique())) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
    return (path_ / name).string();
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  static std::string Unique() { return std::to_string(std::random_device()()); }
  std::filesystem::path path_;
};

TEST(JobTitleRuleTest, RequiredExamples) {
  const Record r = Clean("Sr. Mktg Mgr");
  EXPECT_EQ(TextOf(r, "job_title"), "Senior Marketing Manager");
  EXPECT_EQ(TextOf(r, "seniority"), "manager");
  EXPECT_EQ(TextOf(r, "function"), "marketing");
  EXPECT_EQ(Title("VP Sales"), "Vice President Sales");
  EXPECT_EQ(Derived("VP Sales"), "vp / sales");
  EXPECT_EQ(Derived("CEO & Co-Founder"), "c_level / <null>");
  EXPECT_EQ(Derived("Head of People"), "head / hr");
}

TEST(JobTitleRuleTest, AbbreviationsOnWholeWordsOnly) {
  EXPECT_EQ(Title("SVP, Bus Dev"), "Senior Vice President, Business Development");
  EXPECT_EQ(Title("Sr.Mgr"), "Senior Manager");
  EXPECT_EQ(Title("Dir. of Ops"), "Director of Operations");
  EXPECT_EQ(Title("Jr Dev"), "Junior Developer");
  // Mgr, Dev and Eng inside a word are no abbreviations.
  EXPECT_EQ(Title("Devon Engagement Lead"), "Devon Engagement Lead");
  EXPECT_EQ(Title("Mgrs Assistant"), "Mgrs Assistant");
}

TEST(JobTitleRuleTest, CasingLikeNames) {
  EXPECT_EQ(Title("SR. MKTG MGR"), "Senior Marketing Manager");
  EXPECT_EQ(Title("vp of sales"), "Vice President of Sales");
  EXPECT_EQ(Title("ceo"), "CEO");
  EXPECT_EQ(Title("IT DIRECTOR EMEA"), "IT Director EMEA");
  EXPECT_EQ(Title("head of r&d"), "Head of R&D");
  EXPECT_EQ(Title("SOFTWARE ENGINEER II"), "Software Engineer II");
  EXPECT_EQ(Title("Head of SaaS Sales"), "Head of SaaS Sales");  // mixed: as typed
  EXPECT_EQ(Title("n/a"), "n/a");
}

TEST(JobTitleRuleTest, SeniorityIsOrdered) {
  EXPECT_EQ(Derived("President & CEO"), "c_level / <null>");
  EXPECT_EQ(Derived("President"), "president / <null>");
  EXPECT_EQ(Derived("Senior Vice President Sales"), "vp / sales");
  EXPECT_EQ(Derived("Executive Assistant to the CEO"), "individual_contributor / <null>");
  EXPECT_EQ(Derived("Product Owner"), "individual_contributor / product");
  EXPECT_EQ(Derived("Managing Partner"), "founder_owner / <null>");
  EXPECT_EQ(Derived("Partner Manager"), "manager / <null>");
  EXPECT_EQ(Derived("Lead Generation Specialist"), "individual_contributor / marketing");
  EXPECT_EQ(Derived("Marketing Intern"), "intern / marketing");
  EXPECT_EQ(Derived("Sales Engineer"), "individual_contributor / sales");
  EXPECT_EQ(Derived("Product Marketing Manager"), "manager / marketing");
}

TEST(JobTitleRuleTest, OtherLanguages) {
  EXPECT_EQ(Derived("Geschäftsführer"), "c_level / <null>");
  EXPECT_EQ(Derived("Vertriebsleiter"), "manager / sales");
  EXPECT_EQ(Derived("Leiter Vertrieb"), "head / sales");
  EXPECT_EQ(Derived("Softwareentwickler"), "individual_contributor / engineering");
  EXPECT_EQ(Derived("Directrice Générale"), "c_level / <null>");
  EXPECT_EQ(Derived("Responsable Marketing"), "manager / marketing");
  EXPECT_EQ(Derived("Gerente de Ventas"), "manager / sales");
  EXPECT_EQ(Derived("Becario de Marketing"), "intern / marketing");
  EXPECT_EQ(Derived("営業部長"), "head / sales");
}

TEST(JobTitleRuleTest, UnicodeInvisibleAndRightToLeft) {
  EXPECT_EQ(Title("\u200BSr.\u00A0\u00A0Mktg\u200B Mgr\u200E"), "Senior Marketing Manager");
  EXPECT_EQ(Title("ΔΙΕΥΘΥΝΤΗΣ ΠΩΛΗΣΕΩΝ"), "Διευθυντης Πωλησεων");
  // Combining accents belong to their word, and match precomposed keywords.
  EXPECT_EQ(Title("DIRECTEUR GE\u0301NE\u0301RAL"), "Directeur Ge\u0301ne\u0301ral");
  EXPECT_EQ(Derived("Directeur ge\u0301ne\u0301ral"), "c_level / <null>");
  const Record he = Clean("\u200Fמנהל מכירות\u200F");
  EXPECT_EQ(TextOf(he, "job_title"), "מנהל מכירות");
  EXPECT_EQ(TextOf(he, "seniority"), "individual_contributor");
}

TEST(JobTitleRuleTest, ExpandFalseKeepsTheTitleAndOtherFields) {
  const Record r = Clean("Sr. Mktg Mgr", "  - job_title: { expand: false }\n");
  EXPECT_EQ(TextOf(r, "job_title"), "Sr. Mktg Mgr");
  EXPECT_EQ(TextOf(r, "seniority"), "manager");
  const Record to = ApplyRules(
      "  - job_title: { field: title, to: title_clean, seniority_to: level, function_to: dept }\n",
      {{"title", "VP Sales"}});
  EXPECT_EQ(TextOf(to, "title"), "VP Sales");
  EXPECT_EQ(TextOf(to, "title_clean"), "Vice President Sales");
  EXPECT_EQ(TextOf(to, "level"), "vp");
  EXPECT_EQ(TextOf(to, "dept"), "sales");
}

TEST(JobTitleRuleTest, PlaceholdersAndNullClearDerivedFields) {
  Record r = MakeRecord({{"job_title", "n/a"}, {"seniority", "manager"}, {"function", "sales"}});
  ApplyRulesTo(kJobTitle, r);
  EXPECT_EQ(TextOf(r, "seniority"), "<null>");
  EXPECT_EQ(TextOf(r, "function"), "<null>");
  const Record absent = ApplyRules(kJobTitle, {{"other", "x"}});
  EXPECT_EQ(absent.Find(InternField("seniority")), nullptr);
}

TEST(JobTitleRuleTest, TaxonomyFileExtendsOrReplaces) {
  TempDir dir;
  dir.Write("extra.yaml",
            "abbreviations:\n  cust succ: Customer Success\nseniority:\n"
            "  - name: manager\n    keywords: [capataz]\n"
            "functions:\n  - name: research\n    keywords: [research, forschung]\n");
  const std::string config = (dir.path() / "config.yaml").string();
  const auto load = [&](std::string_view rules) {
    LoadResult result = LoadConfigFromString("version: 1\nrules:\n" + std::string(rules), config,
                                             RuleRegistry::WithBuiltins(), NoEnvironment());
    for (const Diagnostic& d : result.errors) ADD_FAILURE() << d.str();
    return result.config;
  };
  auto extended = load("  - job_title: { taxonomy: extra.yaml }\n");
  ASSERT_NE(extended, nullptr);
  Record r = MakeRecord({{"job_title", "Cust Succ Mgr"}});
  extended->rules.Apply(r);
  EXPECT_EQ(TextOf(r, "job_title"), "Customer Success Manager");
  EXPECT_EQ(TextOf(r, "function"), "support");
  Record capataz = MakeRecord({{"job_title", "Capataz de Forschung"}});
  extended->rules.Apply(capataz);
  EXPECT_EQ(TextOf(capataz, "seniority"), "manager");
  EXPECT_EQ(TextOf(capataz, "function"), "research");

  auto replaced = load("  - job_title: { taxonomy: extra.yaml, taxonomy_mode: replace }\n");
  ASSERT_NE(replaced, nullptr);
  Record vp = MakeRecord({{"job_title", "VP Research"}});
  replaced->rules.Apply(vp);
  EXPECT_EQ(TextOf(vp, "job_title"), "VP Research");  // no shipped abbreviations
  EXPECT_EQ(TextOf(vp, "seniority"), "<null>");       // no shipped levels nor default
  EXPECT_EQ(TextOf(vp, "function"), "research");
}

TEST(JobTitleRuleTest, TaxonomyErrorsNameFileLineAndColumn) {
  TempDir dir;
  const std::string bad = dir.Write("bad.yaml", "seniority:\n  - name: vp\n    keyword: [x]\n");
  const auto errors =
      ConfigErrors("version: 1\nrules:\n  - job_title: { taxonomy: \"" + bad + "\" }\n");
  EXPECT_TRUE(AnyErrorMentions(errors, bad + ":3:5: unknown key \"keyword\"")) << errors.size();
  const std::string broken = dir.Write("broken.yaml", "acronyms: [CEO\n");
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - job_title: { taxonomy: \"" + broken + "\" }\n"),
      broken + ":"));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - job_title: { taxonomy: /nonexistent/t.yaml }\n"),
      "cannot open the taxonomy file"));
}

TEST(JobTitleRuleTest, OptionsAreChecked) {
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - job_title: { levels: x }\n"),
                               "unknown key \"levels\""));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - job_title: { taxonomy_mode: merge }\n"),
      "expected one of extend,replace"));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - job_title: { taxonomy_mode: replace }\n"),
      "replace needs a `taxonomy` file"));
  EXPECT_TRUE(AnyErrorMentions(
      ConfigErrors("version: 1\nrules:\n  - job_title: { seniority_to: job_title }\n"),
      "must not be the title's field"));
}

TEST(JobTitleRuleTest, InvalidAndRandomBytes) {
  const std::string bad = "Sr. \xFF\xFE Mgr";
  const Record r = Clean(bad);
  EXPECT_EQ(TextOf(r, "job_title"), bad);
  EXPECT_EQ(FlagMessages(r, "job_title.invalid").size(), 1u);
  std::mt19937 random(11);
  auto config = LoadRules(kJobTitle);
  ASSERT_NE(config, nullptr);
  for (int i = 0; i < 2000; ++i) {
    std::string text(random() % 40, ' ');
    for (char& c : text) c = static_cast<char>(random() % 256);
    if (i % 2 == 0) text = "sr. " + text + " mgr.";
    Record record = MakeRecord({{"job_title", text}});
    config->rules.Apply(record);
  }
  Record huge = MakeRecord({{"job_title", std::string(100000, 'x') + " VP"}});
  config->rules.Apply(huge);
  EXPECT_EQ(TextOf(huge, "seniority"), "vp");
}

}  // namespace
}  // namespace pdc
