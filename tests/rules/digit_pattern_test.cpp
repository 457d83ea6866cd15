// DigitPattern against ICU's matcher: the same whole-match answers on every pattern of
// libphonenumber's metadata it compiles, over the metadata's example numbers and random digits.
#include "rules/digit_pattern.h"

#include <gtest/gtest.h>
#include <phonenumbers/phonemetadata.pb.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "rules/phone_parse.h"

namespace pdc {
namespace {

bool Full(const char* pattern, const char* text) {
  auto p = DigitPattern::Compile(pattern);
  EXPECT_TRUE(p.has_value()) << pattern;
  return p && p->FullMatch(text);
}

TEST(DigitPatternTest, TheShapesOfTheMetadata) {
  EXPECT_TRUE(Full("[2-9]\\d{2}", "415"));
  EXPECT_FALSE(Full("[2-9]\\d{2}", "115"));
  EXPECT_FALSE(Full("[2-9]\\d{2}", "4155"));
  EXPECT_TRUE(Full("(?:1[0-24-9]|2)\\d{3,5}", "1512345"));
  EXPECT_FALSE(Full("(?:1[0-24-9]|2)\\d{3,5}", "13123"));
  EXPECT_TRUE(Full("(?:1[0-24-9]|2)\\d{3,5}", "2123"));
  EXPECT_TRUE(Full("0(?:[1-9]\\d?)?", "0"));
  EXPECT_TRUE(Full("0(?:[1-9]\\d?)?", "012"));
  EXPECT_FALSE(Full("0(?:[1-9]\\d?)?", "0123"));
  EXPECT_TRUE(Full("1*2+3{2,}", "2233"));
  EXPECT_TRUE(Full("1*2+3{2,}", "112333333"));
  EXPECT_FALSE(Full("1*2+3{2,}", "1133"));
  EXPECT_TRUE(Full("(\\d{2})??5", "125"));  // a lazy quantifier: the same whole matches
  EXPECT_TRUE(Full("|7", ""));
  EXPECT_TRUE(Full("[\\d]", "8"));
  EXPECT_FALSE(Full("\\d+", "12a"));
}

TEST(DigitPatternTest, OtherSyntaxIsLeftToAGeneralMatcher) {
  for (const char* pattern : {"^1", "1$", "[^1]", "(?=1)1", "(1)\\1", "a", "\\s", ".", "1{2", "[12",
                              "(1", "1)", "1{3,2}", "1{999}", "1++", "[a-c]", "[9-1]"}) {
    EXPECT_FALSE(DigitPattern::Compile(pattern).has_value()) << pattern;
  }
}

TEST(DigitPatternTest, StartsItsTableAgainPastItsLimitWithTheSameAnswers) {
  // Every distinct prefix of \d{12} after a digit choice is one state; random inputs build many.
  auto p = DigitPattern::Compile("(?:[0-4]\\d{11}|[5-9]\\d{9})");
  ASSERT_TRUE(p.has_value());
  std::mt19937 rng(3);
  for (int i = 0; i < 20000; ++i) {
    std::string digits;
    const int length = 10 + static_cast<int>(rng() % 3);
    for (int k = 0; k < length; ++k) digits += static_cast<char>('0' + rng() % 10);
    const bool expected = (digits[0] < '5' && length == 12) || (digits[0] >= '5' && length == 10);
    ASSERT_EQ(p->FullMatch(digits), expected) << digits;
  }
  EXPECT_LE(p->built_states(), 4097u);
}

// Every pattern of the metadata that DigitPattern takes, on the example numbers and random digits.
TEST(DigitPatternTest, AgreesWithIcuOnTheMetadatasPatterns) {
  i18n::phonenumbers::PhoneMetadataCollection collection;
  ASSERT_TRUE(collection.ParseFromArray(i18n::phonenumbers::metadata_get(),
                                        i18n::phonenumbers::metadata_size()));
  std::mt19937 rng(17);
  int patterns = 0, compiled = 0, compared = 0;
  for (const auto& m : collection.metadata()) {
    std::vector<const i18n::phonenumbers::PhoneNumberDesc*> descs = {
        &m.general_desc(), &m.fixed_line(),  &m.mobile(),          &m.toll_free(),
        &m.premium_rate(), &m.shared_cost(), &m.personal_number(), &m.voip(),
        &m.pager(),        &m.uan(),         &m.voicemail(),       &m.no_international_dialling()};
    std::vector<std::string> examples;
    for (const auto* d : descs) {
      if (!d->example_number().empty()) examples.push_back(d->example_number());
    }
    // The prefixes and leading digits are matched at the start of a number, and some national
    // prefixes carry an anchor ("1|([2-9]\d{6})$"); the number patterns are matched whole.
    std::vector<std::pair<std::string, bool>> texts = {{m.national_prefix_for_parsing(), false},
                                                       {m.international_prefix(), false},
                                                       {m.leading_digits(), false}};
    for (const auto* d : descs) texts.emplace_back(d->national_number_pattern(), true);
    for (const auto& [pattern, whole] : texts) {
      if (pattern.empty()) continue;
      patterns += whole;
      auto digits = DigitPattern::Compile(pattern);
      if (!digits) continue;
      compiled += whole;
      UErrorCode status = U_ZERO_ERROR;
      icu::RegexMatcher icu(icu::UnicodeString::fromUTF8(pattern), 0, status);
      ASSERT_FALSE(U_FAILURE(status)) << pattern;
      std::vector<std::string> inputs = examples;
      for (const std::string& e : examples) {
        for (int i = 0; i < 4; ++i) {  // the example with a digit changed, cut or added
          std::string v = e;
          v[rng() % v.size()] = static_cast<char>('0' + rng() % 10);
          inputs.push_back(v);
          inputs.push_back(e.substr(0, e.size() - 1 - rng() % std::min<std::size_t>(3, e.size())));
          inputs.push_back(e + static_cast<char>('0' + rng() % 10));
        }
      }
      for (int i = 0; i < 40; ++i) {
        std::string v;
        const int length = 1 + static_cast<int>(rng() % 17);
        for (int k = 0; k < length; ++k) v += static_cast<char>('0' + rng() % 10);
        inputs.push_back(v);
      }
      for (const std::string& input : inputs) {
        icu::UnicodeString text = icu::UnicodeString::fromUTF8(input);
        icu.reset(text);
        const bool expected = icu.matches(status) && U_SUCCESS(status);
        ASSERT_EQ(digits->FullMatch(input), expected) << pattern << " on " << input;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 100000);
  // Every number pattern is digits alone.
  EXPECT_EQ(compiled, patterns);
  EXPECT_GT(patterns, 1000);
}

}  // namespace
}  // namespace pdc
