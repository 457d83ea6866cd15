#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

constexpr std::string_view kEmail = "  - email: {}\n";

std::string Cleaned(std::string_view text, std::string_view rules = kEmail) {
  return TextOf(ApplyRules(rules, {{"email", std::string(text)}}), "email");
}

// The reasons the record was flagged email.invalid.
std::vector<std::string> Reasons(std::string_view text, std::string_view rules = kEmail) {
  return FlagMessages(ApplyRules(rules, {{"email", std::string(text)}}), "email.invalid");
}

// Expects `text` to be flagged with exactly one reason containing `reason`, and kept as `kept`.
void ExpectInvalid(std::string_view text, std::string_view reason, std::string_view kept) {
  const Record record = ApplyRules(kEmail, {{"email", std::string(text)}});
  EXPECT_EQ(TextOf(record, "email"), kept) << text;
  const auto reasons = FlagMessages(record, "email.invalid");
  ASSERT_EQ(reasons.size(), 1u) << text;
  EXPECT_NE(reasons[0].find(reason), std::string::npos) << text << ": " << reasons[0];
}

TEST(EmailRule, CleanAddressIsLeftAloneAndNotLogged) {
  const Record record = ApplyRules(kEmail, {{"email", "mary.smith+news@example.co.uk"}});
  EXPECT_EQ(TextOf(record, "email"), "mary.smith+news@example.co.uk");
  EXPECT_FALSE(record.has_log());
}

TEST(EmailRule, TrimsAndLowerCases) {
  EXPECT_EQ(Cleaned("  Mary@Example.COM "), "mary@example.com");
  EXPECT_EQ(Cleaned("\u00A0\u200Bbob@example.org\u3000\uFEFF"), "bob@example.org");
  EXPECT_EQ(Cleaned("a@b.com."), "a@b.com");
}

TEST(EmailRule, StripsDisplayNameBracketsAndMailto) {
  EXPECT_EQ(Cleaned("John Doe <JD@X.com>"), "jd@x.com");
  EXPECT_EQ(Cleaned("\"Doe, John\" < jd@x.com >"), "jd@x.com");
  EXPECT_EQ(Cleaned("<a@b.com>"), "a@b.com");
  EXPECT_EQ(Cleaned("MAILTO:Bob@Example.org"), "bob@example.org");
  EXPECT_EQ(Cleaned("mailto:bob@example.org?subject=hi"), "bob@example.org");
  EXPECT_EQ(Cleaned("<mailto:bob@example.org>"), "bob@example.org");
  EXPECT_TRUE(Reasons("John Doe <JD@X.com>").empty());
}

TEST(EmailRule, LowercaseLocalCanBeTurnedOff) {
  const std::string rules = "  - email: { lowercase_local: false }\n";
  EXPECT_EQ(Cleaned(" Mary.Smith@Example.COM", rules), "Mary.Smith@example.com");
}

TEST(EmailRule, InternationalisedDomainGoesToAscii) {
  EXPECT_EQ(Cleaned("jos\u00E9@b\u00FCcher.de"), "jos\u00E9@xn--bcher-kva.de");
  EXPECT_EQ(Cleaned("JOS\u00C9@B\u00DCCHER.DE"), "jos\u00E9@xn--bcher-kva.de");
  EXPECT_EQ(Cleaned("a@\u4F8B\u3048.\u30C6\u30B9\u30C8"), "a@xn--r8jz45g.xn--zckzah");
  EXPECT_EQ(Cleaned("a@XN--BCHER-KVA.DE"), "a@xn--bcher-kva.de");
  EXPECT_TRUE(Reasons("jos\u00E9@b\u00FCcher.de").empty());
}

TEST(EmailRule, Utf8LocalPartCanBeRefused) {
  const std::string rules = "  - email: { allow_utf8_local: false }\n";
  const auto reasons = Reasons("jos\u00E9@example.com", rules);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_NE(reasons[0].find("non-ASCII"), std::string::npos) << reasons[0];
}

TEST(EmailRule, InvalidAddressesAreFlaggedAndKept) {
  ExpectInvalid("john.doe", "no '@'", "john.doe");
  ExpectInvalid(" John.Doe@@Example.com ", "more than one '@'", "John.Doe@@Example.com");
  ExpectInvalid(std::string(65, 'a') + "@x.com", "local part longer than 64 octets",
                std::string(65, 'a') + "@x.com");
  ExpectInvalid("@x.com", "local part is empty", "@x.com");
  ExpectInvalid(".a@b.com", "local part starts with a dot", ".a@b.com");
  ExpectInvalid("a.@b.com", "local part ends with a dot", "a.@b.com");
  ExpectInvalid("A..B@C.com", "consecutive dots", "a..b@c.com");
  ExpectInvalid("a b@c.com", "local part contains a space", "a b@c.com");
  ExpectInvalid("a(b)@c.com", "local part contains '('", "a(b)@c.com");
  ExpectInvalid("\"a b\"@c.com", "quoted local part", "\"a b\"@c.com");
  ExpectInvalid("a@", "domain is empty", "a@");
  ExpectInvalid("a@localhost", "only one label", "a@localhost");
  ExpectInvalid("a@b..com", "empty label", "a@b..com");
  ExpectInvalid("a@b.123", "top-level domain is all digits", "a@b.123");
  ExpectInvalid("a@-b.com", "starts with '-'", "a@-b.com");
  ExpectInvalid("a@b-.com", "ends with '-'", "a@b-.com");
  ExpectInvalid("a@b_c.com", "domain contains '_'", "a@b_c.com");
  ExpectInvalid("a@[192.0.2.1]", "domain literal", "a@[192.0.2.1]");
  ExpectInvalid("a@" + std::string(64, 'b') + ".com", "label longer than 63 octets",
                "a@" + std::string(64, 'b') + ".com");
  std::string long_domain;
  for (int i = 0; i < 5; ++i) long_domain += std::string(60, 'd') + ".";
  long_domain += "com";
  ExpectInvalid("a@" + long_domain, "domain longer than 253 octets", "a@" + long_domain);
  std::string near_limit;  // 240 octets: a valid domain, but the address passes 254
  for (int i = 0; i < 4; ++i) near_limit += std::string(59, 'd') + ".";
  near_limit += "com";
  ExpectInvalid(std::string(20, 'l') + "@" + near_limit, "address longer than 254 octets",
                std::string(20, 'l') + "@" + near_limit);
}

TEST(EmailRule, InvalidUnicodeDomainsAreFlaggedAndKeptReadable) {
  ExpectInvalid("A@-B\u00DCCHER.de", "starts with '-'", "a@-b\u00FCcher.de");
  ExpectInvalid("a@xn--zz-.com", "", "a@xn--zz-.com");
  ExpectInvalid("a@b\u00FCcher\u00A0x.de", "", "a@b\u00FCcher\u00A0x.de");
}

TEST(EmailRule, NothingToCleanKeepsTheOriginal) {
  ExpectInvalid("<>", "no address", "<>");
  ExpectInvalid("mailto:", "no address", "mailto:");
}

TEST(EmailRule, EmptyAndNullAreNotFlagged) {
  Record record = MakeRecord({{"email", ""}});
  ApplyRulesTo(kEmail, record);
  EXPECT_FALSE(record.has_log());
  record = MakeRecord({});
  record.Load(InternField("email"), Value::Null());
  ApplyRulesTo(kEmail, record);
  EXPECT_FALSE(record.has_log());
  record = MakeRecord({{"email", " \u00A0 "}});
  ApplyRulesTo(kEmail, record);
  EXPECT_EQ(TextOf(record, "email"), "");
  EXPECT_TRUE(FlagMessages(record, "email.invalid").empty());
}

TEST(EmailRule, FlagNamesFieldAndRule) {
  const Record record =
      ApplyRules("  - text: {}\n  - email: { field: work_email }\n", {{"work_email", "nope"}});
  ASSERT_TRUE(record.has_log());
  ASSERT_EQ(record.log()->flags.size(), 1u);
  EXPECT_EQ(record.log()->flags[0].field, InternField("work_email"));
  EXPECT_EQ(record.log()->flags[0].rule, 1);
  EXPECT_EQ(record.log()->flags[0].code, "email.invalid");
}

TEST(EmailRule, ListsItemByItem) {
  Record record = MakeRecord({});
  record.Load(InternField("email"), Value::List({"A@B.com", "c@d.com", "bad"}));
  ApplyRulesTo(kEmail, record);
  EXPECT_EQ(record.Get(InternField("email")), Value::List({"a@b.com", "c@d.com", "bad"}));
  EXPECT_EQ(FlagMessages(record, "email.invalid").size(), 1u);
}

TEST(EmailRule, SafeToApplyFromManyThreads) {
  const auto config = LoadRules("  - text: {}\n  - name_case: {}\n  - email: {}\n");
  ASSERT_TRUE(config);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        Record record = MakeRecord(
            {{"first_name", "J\u00D6RG"}, {"email", " J\u00F6rg <J\u00D6RG@M\u00DCLLER.de> "}});
        config->rules.Apply(record);
        if (TextOf(record, "email") != "j\u00F6rg@xn--mller-kva.de" ||
            TextOf(record, "first_name") != "J\u00F6rg") {
          ++wrong[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

TEST(EmailRule, UnknownOptionIsAnError) {
  const auto errors = ConfigErrors("version: 1\nrules:\n  - email: { fields: [email] }\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(AnyErrorMentions(errors, "fields")) << errors[0].str();
}

TEST(EmailRule, InvalidValueIsAnError) {
  const auto errors =
      ConfigErrors("version: 1\nrules:\n  - email: { lowercase_local: sometimes }\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(AnyErrorMentions(errors, "lowercase_local")) << errors[0].str();
  EXPECT_FALSE(ConfigErrors("version: 1\nrules:\n  - email: { field: [a, b] }\n").empty());
}

}  // namespace
}  // namespace pdc
