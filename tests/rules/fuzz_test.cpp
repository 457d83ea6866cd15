// Every built-in rule on random bytes and hostile Unicode: invalid UTF-8, lone continuation
// bytes, combining marks, zero-width and bidi characters, right-to-left and CJK text, emoji,
// NUL bytes, very long values. Nothing may crash, hang or trip the sanitizers, and from
// well-formed input a rule writes only well-formed UTF-8.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "rules/utf8.h"
#include "tests/rules/harness.h"

namespace pdc {
namespace {

// A config item for every rule, with the options that make it do the most work.
const std::map<std::string, std::string> kFuzzConfigs = {
    {"text", "  - text: { ascii_punctuation: true }\n"},
    {"name_case", "  - name_case: { fields: [first_name, last_name, company] }\n"},
    {"email",
     "  - email: { key_to: key, secondary_key_to: key2, class_to: class, typos: true }\n"},
    {"company_from_email",
     "  - company_from_email: { company_to: company, website_to: website, overwrite: true }\n"},
    {"set", "  - set: { field: lead_source, value: fuzz }\n"},
    {"default", "  - default: { field: city, value: nowhere }\n"},
    {"copy", "  - copy: { from: email, to: email_copy }\n"},
    {"regex_replace",
     "  - regex_replace: { fields: [first_name, company], pattern: '\\p{L}+', replacement: "
     "'<$0>' }\n"},
    {"map", "  - map: { fields: [country], values: { UK: GB }, case_insensitive: true }\n"},
    {"website", "  - website: {}\n"},
    {"phone",
     "  - phone: { default_region: US, extension_to: ext, type_to: kind, valid_to: ok }\n"},
    {"fold", "  - fold: { field: last_name, to: last_key, key: fingerprint }\n"},
    {"name", "  - name: { suffix_to: suffix, formal_to: formal }\n"},
    {"country", "  - country: { name_to: country_name, code_to: iso3, subdivision_to: sub }\n"},
    {"company", "  - company: { key_to: company_key, acronym_to: company_acronym }\n"},
    {"job_title", "  - job_title: {}\n"},
    {"state", "  - state: { name_to: state_name, full_code_to: state_code }\n"},
    {"lookup", "  - lookup: { table: '" PDC_SOURCE_DIR
               "/tests/rules/golden/lookup_industries.csv', key: website, "
               "fields: { industry: null, employees: null } }\n"},
};

const char* const kFields[] = {"first_name", "last_name", "email",   "phone",
                               "country",    "state",     "company", "job_title",
                               "website",    "city",      "salutation"};

// Pieces that are hard on text code: each is glued to others at random.
const char* const kPieces[] = {
    "\xff",         "\xc3",         "\x80\x80",     "\xed\xa0\x80",  // ill-formed
    "\xf4\x90\x80\x80",                                             // past U+10FFFF
    "",  // stands for a NUL byte
    "\u0301",       "\u0308\u0308", "\u200B",       "\u200D",       "\u200F",       "\u202E",
    "\uFEFF",       "\u00A0",       "\u3000",       "\u2028",       "محمد",         "עברית",
    "王小明",       "東京都",       "한국",         "Ελλάδα",       "ПЕТРОВ",       "🙂",
    "👩‍💻",          "@",            "+",            ".",            ",",            "-",
    "'",            "\"",           "(0)",          "ext.",         "x",            "#",
    "www.",         "http://",      "Inc.",         "GmbH",         "Dr.",          "Jr.",
    "VP",           "Sr.",          "&",            "Mgr",          "CA",           "US",
    "Deutschland",  "gmail.com",    "+44",          "0049",         "555-0100",     " ",
    "  ",           "A",            "z",            "9",            "0",            "ß",
    "İ",            "ﬃ",            "Ａ",           "١٢٣",          "%s",           "\\",
};

std::string RandomValue(std::mt19937& rng) {
  std::string out;
  const int mode = static_cast<int>(rng() % 8);
  if (mode == 0) {  // raw random bytes
    const std::size_t n = rng() % 40;
    for (std::size_t i = 0; i < n; ++i) out += static_cast<char>(rng() % 256);
    return out;
  }
  if (mode == 1) {  // long
    const std::size_t n = 200 + rng() % 2000;
    while (out.size() < n) out += kPieces[rng() % std::size(kPieces)];
    return out;
  }
  const std::size_t n = rng() % 8;
  for (std::size_t i = 0; i < n; ++i) {
    const char* piece = kPieces[rng() % std::size(kPieces)];
    if (piece[0] == '\0') {
      out += '\0';
    } else {
      out += piece;
    }
  }
  return out;
}

TEST(FuzzTest, EveryRuleHasAFuzzConfig) {
  std::set<std::string> missing;
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  for (const RuleSpec* spec : registry.all()) {
    if (!kFuzzConfigs.count(std::string(spec->name))) missing.insert(std::string(spec->name));
  }
  EXPECT_TRUE(missing.empty()) << "add a fuzz config for: " << ::testing::PrintToString(missing);
}

class RuleFuzzTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleFuzzTest, SurvivesHostileInput) {
  auto config = LoadRules(kFuzzConfigs.at(GetParam()));
  ASSERT_TRUE(config);
  std::mt19937 rng(20261126);
  for (int n = 0; n < 3000; ++n) {
    Record record(static_cast<std::uint64_t>(n + 1));
    std::map<FieldId, std::string> given;
    bool all_valid = true;
    for (const char* name : kFields) {
      if (rng() % 3 == 0) continue;
      const std::string value = RandomValue(rng);
      record.Load(InternField(name), Value::Text(value));
      given[InternField(name)] = value;
      all_valid = all_valid && utf8::IsValid(value);
    }
    config->rules.Apply(record);
    if (!all_valid) continue;  // sources repair UTF-8 before rules run: surviving is enough
    for (const Field& f : record.fields()) {
      const FieldId field = f.id;
      const Value& value = f.value;
      if (value.kind() != Value::Kind::kText) continue;
      const auto before = given.find(field);
      if (before != given.end() && before->second == value.view()) continue;
      EXPECT_TRUE(utf8::IsValid(value.view()))
          << GetParam() << " wrote ill-formed UTF-8 to " << FieldName(field);
    }
  }
}

std::vector<std::string> FuzzedRules() {
  std::vector<std::string> names;
  for (const auto& [name, config] : kFuzzConfigs) names.push_back(name);
  return names;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFuzzTest, ::testing::ValuesIn(FuzzedRules()),
                         [](const ::testing::TestParamInfo<std::string>& rule) { return rule.param; });

}  // namespace
}  // namespace pdc
