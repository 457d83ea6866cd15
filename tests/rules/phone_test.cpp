#include <gtest/gtest.h>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

Record Phone(const std::string& phone, const std::string& country,
             const char* rules = "  - phone: {}\n") {
  return ApplyRules(rules, {{"phone", phone}, {"country", country}});
}

TEST(PhoneRuleTest, FormatsInTheRecordsRegion) {
  EXPECT_EQ(TextOf(Phone("(415) 555-2671", "US"), "phone"), "+14155552671");
  EXPECT_EQ(TextOf(Phone("030 901820", "de"), "phone"), "+4930901820");
  EXPECT_EQ(TextOf(Phone("020 7946 0958", "GB"), "phone"), "+442079460958");
  EXPECT_EQ(TextOf(Phone("0049-30-901820", ""), "phone"),
            "0049-30-901820");                                            // no region: 00 needs one
  EXPECT_EQ(TextOf(Phone("+49 30 901820", ""), "phone"), "+4930901820");  // + needs none
  EXPECT_EQ(TextOf(Phone("+1 415 555 2671", "US", "  - phone: { format: national }\n"), "phone"),
            "(415) 555-2671");
  EXPECT_EQ(TextOf(Phone("4155552671", "US", "  - phone: { format: international }\n"), "phone"),
            "+1 415-555-2671");
}

TEST(PhoneRuleTest, NeverGuessesARegion) {
  Record r = Phone("030 901820", "Germany");  // not an ISO code: run `country` first
  EXPECT_EQ(TextOf(r, "phone"), "030 901820");
  EXPECT_EQ(FlagMessages(r, "phone.no_region").size(), 1u);
  r = Phone("030 901820", "", "  - phone: { default_region: de }\n");
  EXPECT_EQ(TextOf(r, "phone"), "+4930901820");
}

TEST(PhoneRuleTest, SplitsExtensionsAndReportsTypeAndValidity) {
  Record r =
      Phone("+1 415.555.2671 ext. 22", "US",
            "  - phone: { extension_to: phone_ext, type_to: phone_type, valid_to: phone_ok }\n");
  EXPECT_EQ(TextOf(r, "phone"), "+14155552671");
  EXPECT_EQ(TextOf(r, "phone_ext"), "22");
  EXPECT_EQ(TextOf(r, "phone_type"), "fixed_line_or_mobile");
  EXPECT_EQ(TextOf(r, "phone_ok"), "true");
  EXPECT_EQ(TextOf(Phone("(415) 555-2671 x7", "US"), "phone"), "+14155552671 ext. 7");
}

TEST(PhoneRuleTest, JunkAndInvalidNumbersAreFlaggedNotChanged) {
  for (const char* junk : {"0000000", "1234567", "(212) 555-0123", "12345"}) {
    Record r = Phone(junk, "US");
    EXPECT_EQ(TextOf(r, "phone"), junk) << junk;
    EXPECT_EQ(FlagMessages(r, "phone.junk").size(), 1u) << junk;
  }
  Record r = Phone("call me", "US");
  EXPECT_EQ(TextOf(r, "phone"), "call me");
  EXPECT_EQ(FlagMessages(r, "phone.invalid").size(), 1u);
}

TEST(PhoneRuleTest, ANumberDialledFromAbroadWithZeroZeroIsReadThatWay) {
  // 00 is not the way out of the US (011 is), but people abroad write US numbers so.
  Record r = Phone("001 617 786 9545", "US");
  EXPECT_EQ(TextOf(r, "phone"), "+16177869545");
  EXPECT_TRUE(FlagMessages(r, "phone.invalid").empty());
  EXPECT_EQ(TextOf(Phone("0044 20 7946 0958", "CA"), "phone"), "+442079460958");
  EXPECT_EQ(TextOf(Phone("0049 30 901820", "DE"), "phone"), "+4930901820");  // 00 dials out
  // Not valid either way: flagged as before.
  r = Phone("001 617 786", "US");
  EXPECT_EQ(FlagMessages(r, "phone.invalid").size(), 1u);
}

TEST(PhoneRuleTest, UnicodeDigits) {
  // Full-width digits, as typed on Japanese keyboards.
  EXPECT_EQ(TextOf(Phone("０３－５２１１－７６１１", "JP"), "phone"), "+81352117611");
}

TEST(PhoneRuleTest, OptionsAreChecked) {
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - phone: { region: US }\n"),
                               "unknown key \"region\""));
  EXPECT_TRUE(
      AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - phone: { default_region: USA }\n"),
                       "not an ISO 3166-1 alpha-2 region"));
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - phone: { format: rfc3966 }\n"),
                               "expected one of e164,international,national"));
}

}  // namespace
}  // namespace pdc
