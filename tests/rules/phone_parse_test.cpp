// The phone fast path against libphonenumber's Parse: on every number it takes, both must give
// the same country code and national number; and it must take most everyday numbers.
#include "rules/phone_parse.h"

#include <gtest/gtest.h>
#include <phonenumbers/phonenumberutil.h>

#include <random>
#include <set>
#include <string>

namespace pdc {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// Digits of `text`, keeping a leading +.
std::string Compact(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if ((c >= '0' && c <= '9') || (c == '+' && out.empty())) out += c;
  }
  return out;
}

TEST(PhoneParseTest, AgreesWithLibphonenumberOnEveryNumberItTakes) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::set<std::string> regions;
  util.GetSupportedRegions(&regions);
  std::mt19937 rng(5);
  const PhoneNumberUtil::PhoneNumberType types[] = {
      PhoneNumberUtil::FIXED_LINE,   PhoneNumberUtil::MOBILE, PhoneNumberUtil::TOLL_FREE,
      PhoneNumberUtil::PREMIUM_RATE, PhoneNumberUtil::VOIP,   PhoneNumberUtil::UAN};
  int compared = 0, taken = 0, everyday = 0, everyday_taken = 0;
  for (const std::string& region : regions) {
    for (const auto type : types) {
      PhoneNumber example;
      if (!util.GetExampleNumberForType(region, type, &example)) continue;
      for (int variant = 0; variant < 12; ++variant) {
        PhoneNumber number = example;
        // Other numbers of the same shape, valid or not.
        if (variant > 0) {
          const std::uint64_t scale = variant < 8 ? 1000 : 100000;
          number.set_national_number(number.national_number() / scale * scale + rng() % scale);
        }
        std::string e164, national;
        util.Format(number, PhoneNumberUtil::E164, &e164);
        util.Format(number, PhoneNumberUtil::NATIONAL, &national);
        // As written at home, and dialled from the region with 00 or 011 before the code.
        const std::string texts[] = {Compact(e164), Compact(national), "00" + e164.substr(1),
                                     "011" + e164.substr(1)};
        for (const std::string& text : texts) {
          ++compared;
          const bool home = &text < texts + 2;
          const bool plain =
              home && (type == PhoneNumberUtil::FIXED_LINE || type == PhoneNumberUtil::MOBILE);
          everyday += plain;
          PhoneNumber fast;
          if (!ParseCompactNumber(text, region, &fast)) continue;
          ++taken;
          everyday_taken += plain;
          PhoneNumber slow;
          ASSERT_EQ(util.Parse(text, region, &slow), PhoneNumberUtil::NO_PARSING_ERROR)
              << text << " [" << region << "]";
          EXPECT_EQ(fast.country_code(), slow.country_code()) << text << " [" << region << "]";
          EXPECT_EQ(fast.national_number(), slow.national_number())
              << text << " [" << region << "]";
          EXPECT_FALSE(slow.italian_leading_zero()) << text << " [" << region << "]";
          EXPECT_TRUE(slow.extension().empty()) << text << " [" << region << "]";
        }
      }
    }
  }
  EXPECT_GT(compared, 20000);
  // Most fixed-line and mobile numbers, as people type them, take the fast path.
  EXPECT_GT(everyday_taken * 10, everyday * 8) << everyday_taken << " of " << everyday;
  std::printf("compared %d, fast path %d (fixed line and mobile: %d of %d)\n", compared, taken,
              everyday_taken, everyday);
}

TEST(PhoneParseTest, RandomDigitsNeverDisagree) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::mt19937 rng(11);
  const char* const regions[] = {"US", "GB", "DE", "FR", "IT", "JP", "IN", "BR", "AU", "MX",
                                 "RU", "CN", "ES", "NL", "CH", "AR", "ZA", "KR", "SE", "PL"};
  int taken = 0;
  for (int n = 0; n < 30000; ++n) {
    const char* const prefixes[] = {"+", "", "", "00", "011"};
    std::string text = prefixes[rng() % std::size(prefixes)];
    const int length = 3 + static_cast<int>(rng() % 14);
    for (int i = 0; i < length; ++i) text += static_cast<char>('0' + rng() % 10);
    const std::string region = regions[rng() % std::size(regions)];
    PhoneNumber fast;
    if (!ParseCompactNumber(text, region, &fast)) continue;
    ++taken;
    PhoneNumber slow;
    ASSERT_EQ(util.Parse(text, region, &slow), PhoneNumberUtil::NO_PARSING_ERROR)
        << text << " [" << region << "]";
    EXPECT_EQ(fast.country_code(), slow.country_code()) << text << " [" << region << "]";
    EXPECT_EQ(fast.national_number(), slow.national_number()) << text << " [" << region << "]";
    EXPECT_FALSE(slow.italian_leading_zero()) << text << " [" << region << "]";
  }
  EXPECT_GT(taken, 15000);
}

// The number type, and with it validity, as GetNumberType answers it: for example-shaped numbers
// of every region (valid and not) and for random ones of the busiest calling codes.
TEST(PhoneParseTest, NumberTypeAgreesWithLibphonenumber) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::set<std::string> regions;
  util.GetSupportedRegions(&regions);
  std::mt19937 rng(7);
  int compared = 0, known_count = 0;
  auto check = [&](const PhoneNumber& number) {
    ++compared;
    bool known = false;
    const auto fast = NumberType(number, &known);
    if (!known) return;
    ++known_count;
    EXPECT_EQ(fast, util.GetNumberType(number))
        << "+" << number.country_code() << " " << number.national_number();
  };
  for (const std::string& region : regions) {
    for (const auto type :
         {PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::MOBILE, PhoneNumberUtil::TOLL_FREE,
          PhoneNumberUtil::PREMIUM_RATE, PhoneNumberUtil::SHARED_COST, PhoneNumberUtil::VOIP,
          PhoneNumberUtil::PERSONAL_NUMBER, PhoneNumberUtil::PAGER, PhoneNumberUtil::UAN,
          PhoneNumberUtil::VOICEMAIL}) {
      PhoneNumber example;
      if (!util.GetExampleNumberForType(region, type, &example)) continue;
      for (int variant = 0; variant < 10; ++variant) {
        PhoneNumber number = example;
        const std::uint64_t scale = variant < 5 ? 100 : 100000;
        if (variant > 0) {
          number.set_national_number(number.national_number() / scale * scale + rng() % scale);
        }
        check(number);
      }
    }
  }
  for (const int code : {1, 7, 33, 44, 49, 52, 55, 61, 86, 91}) {
    for (int n = 0; n < 2000; ++n) {
      PhoneNumber number;
      number.set_country_code(code);
      std::uint64_t national = 1 + rng() % 9;
      const int length = 6 + static_cast<int>(rng() % 7);
      for (int i = 1; i < length; ++i) national = national * 10 + rng() % 10;
      number.set_national_number(national);
      check(number);
    }
  }
  EXPECT_GT(known_count, compared * 9 / 10) << known_count << " of " << compared;
}

TEST(PhoneParseTest, LeavesUnusualShapesToLibphonenumber) {
  PhoneNumber n;
  EXPECT_FALSE(ParseCompactNumber("000493090182000", "DE", &n));  // 0 after the prefix
  EXPECT_FALSE(ParseCompactNumber("4930901820", "DE", &n));       // the country code without +
  EXPECT_FALSE(ParseCompactNumber("+80012345678", "", &n));       // non-geographic
  EXPECT_FALSE(ParseCompactNumber("2079460958", "", &n));         // no region
  EXPECT_FALSE(ParseCompactNumber("12", "US", &n));
  EXPECT_TRUE(ParseCompactNumber("+442079460958", "", &n));
  EXPECT_EQ(n.country_code(), 44);
  EXPECT_EQ(n.national_number(), 2079460958u);
  EXPECT_TRUE(ParseCompactNumber("02079460958", "GB", &n));
  EXPECT_EQ(n.national_number(), 2079460958u);
  // Dialled abroad with the region's own prefix.
  EXPECT_TRUE(ParseCompactNumber("00442079460958", "DE", &n));
  EXPECT_EQ(n.country_code(), 44);
  EXPECT_EQ(n.national_number(), 2079460958u);
  EXPECT_TRUE(ParseCompactNumber("011442079460958", "US", &n));
  EXPECT_EQ(n.country_code(), 44);
  EXPECT_FALSE(ParseCompactNumber("00442079460958", "US", &n)) << "00 does not dial out of the US";
}

}  // namespace
}  // namespace pdc
