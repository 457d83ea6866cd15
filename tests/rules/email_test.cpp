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

// ---- Keys, classes and typo suggestions (email@2)
// ------------------------------------------------

constexpr std::string_view kDerive =
    "  - email: { key_to: key, secondary_key_to: key2, class_to: class, typos: true }\n";

Record Derive(std::string_view text, std::string_view rules = kDerive) {
  return ApplyRules(rules, {{"email", std::string(text)}});
}

TEST(EmailRule, DerivedFieldsAreOptIn) {
  const Record record = ApplyRules(kEmail, {{"email", "J.Smith+news@gmail.con"}});
  EXPECT_EQ(TextOf(record, "email"), "j.smith+news@gmail.con");
  EXPECT_EQ(TextOf(record, "key"), "<null>");
  EXPECT_EQ(TextOf(record, "class"), "<null>");
  EXPECT_TRUE(FlagMessages(record, "email.typo").empty());
}

TEST(EmailRule, GmailKeyDropsDotsAndSubaddress) {
  Record record = Derive("J.Smith+news@GMail.com");
  EXPECT_EQ(TextOf(record, "email"), "j.smith+news@gmail.com") << "the value keeps its dots";
  EXPECT_EQ(TextOf(record, "key"), "jsmith@gmail.com");
  EXPECT_EQ(TextOf(record, "key2"), "jsmith@gmail.com");
  EXPECT_EQ(TextOf(record, "class"), "free");
  EXPECT_EQ(TextOf(Derive("j.s.m.i.t.h@googlemail.com"), "key"), "jsmith@gmail.com");
  EXPECT_EQ(TextOf(Derive("+tag@gmail.com"), "key"), "+tag@gmail.com") << "nothing before '+'";
}

TEST(EmailRule, CorporateKeyKeepsDotsAndPlus) {
  const Record record = Derive("jane.doe+x@acme.com");
  EXPECT_EQ(TextOf(record, "key"), "jane.doe+x@acme.com");
  EXPECT_EQ(TextOf(record, "key2"), "jane.doe@acme.com");
  EXPECT_EQ(TextOf(record, "class"), "corporate");
  EXPECT_EQ(
      TextOf(Derive("Jane.Doe@ACME.com", "  - email: { lowercase_local: false, key_to: key }\n"),
             "key"),
      "jane.doe@acme.com")
      << "the key is lower-cased even when the value keeps its case";
}

TEST(EmailRule, ProviderKeys) {
  EXPECT_EQ(TextOf(Derive("a.b+c@outlook.com"), "key"), "a.b@outlook.com");
  EXPECT_EQ(TextOf(Derive("a.b+c@hotmail.co.uk"), "key"), "a.b@hotmail.co.uk");
  EXPECT_EQ(TextOf(Derive("a.b+c@live.fr"), "key"), "a.b@live.fr");
  EXPECT_EQ(TextOf(Derive("a.b+c@live.acme.com"), "key"), "a.b+c@live.acme.com")
      << "live.* means under a public suffix, not a company's host";
  EXPECT_EQ(TextOf(Derive("a.b+c@msn.com"), "key"), "a.b@msn.com");
  EXPECT_EQ(TextOf(Derive("a.b+c@icloud.com"), "key"), "a.b@icloud.com");
  EXPECT_EQ(TextOf(Derive("a.b+c@me.com"), "key"), "a.b@me.com");
  EXPECT_EQ(TextOf(Derive("a.b+c@pm.me"), "key"), "a.b@pm.me");
  EXPECT_EQ(TextOf(Derive("a.b+c@proton.me"), "key"), "a.b@proton.me");
  EXPECT_EQ(TextOf(Derive("a.b+c@fastmail.com"), "key"), "a.b@fastmail.com");
  EXPECT_EQ(TextOf(Derive("anything@Jane.FastMail.com"), "key"), "jane@fastmail.com");
  EXPECT_EQ(TextOf(Derive("a.b+c@yandex.ru"), "key"), "a.b@yandex.ru");
  EXPECT_EQ(TextOf(Derive("a.b+c@ya.ru"), "key"), "a.b@ya.ru");
  EXPECT_EQ(TextOf(Derive("a.b+c@zohomail.com"), "key"), "a.b@zohomail.com");
}

TEST(EmailRule, YahooHyphenOnlyInTheSecondaryKey) {
  const Record record = Derive("Bob-Shopping@yahoo.com");
  EXPECT_EQ(TextOf(record, "key"), "bob-shopping@yahoo.com");
  EXPECT_EQ(TextOf(record, "key2"), "bob@yahoo.com");
  EXPECT_EQ(TextOf(Derive("bob+x@yahoo.com"), "key2"), "bob+x@yahoo.com") << "no '+' at Yahoo";
}

TEST(EmailRule, InternationalisedKeysUsePunycode) {
  const Record record = Derive("J\u00D6RG.M+x@B\u00DCCHER.de");
  EXPECT_EQ(TextOf(record, "email"), "j\u00F6rg.m+x@xn--bcher-kva.de");
  EXPECT_EQ(TextOf(record, "key"), "j\u00F6rg.m+x@xn--bcher-kva.de");
  EXPECT_EQ(TextOf(record, "key2"), "j\u00F6rg.m@xn--bcher-kva.de");
  EXPECT_EQ(TextOf(record, "class"), "corporate");
}

TEST(EmailRule, Classes) {
  EXPECT_EQ(TextOf(Derive("someone@mailinator.com"), "class"), "disposable");
  EXPECT_EQ(TextOf(Derive("info@mailinator.com"), "class"), "disposable")
      << "a throw-away domain wins over a role local part";
  EXPECT_EQ(TextOf(Derive("Info+web@acme.com"), "class"), "role");
  EXPECT_EQ(TextOf(Derive("no-reply@acme.com"), "class"), "role");
  EXPECT_EQ(TextOf(Derive("support@gmail.com"), "class"), "role");
  EXPECT_EQ(TextOf(Derive("pat@gmx.de"), "class"), "free");
  EXPECT_EQ(TextOf(Derive("pat@acme.com"), "class"), "corporate");
  EXPECT_EQ(TextOf(Derive("information.security@acme.com"), "class"), "corporate");
}

TEST(EmailRule, DisposableSubdomainsAndAllowlists) {
  // disposable_email_domains.txt lists "*.33mail.com": its subdomains are throw-away too.
  EXPECT_EQ(TextOf(Derive("x@shop.33mail.com"), "class"), "disposable");
  // anonaddy.me is on the disposable list and on disposable_allowlist.txt: a relay to one
  // person, so a personal (free) mailbox, as are its subdomains.
  EXPECT_EQ(TextOf(Derive("x@anonaddy.me"), "class"), "free");
  EXPECT_EQ(TextOf(Derive("x@jo.anonaddy.me"), "class"), "free");
  // The option only takes a domain off the disposable list; the other classes still apply.
  const std::string rules =
      "  - email: { class_to: class, allowlist: [\" Mailinator.COM \", abyssemail.com] }\n";
  EXPECT_EQ(TextOf(Derive("x@mailinator.com", rules), "class"), "free");
  EXPECT_EQ(TextOf(Derive("x@abyssemail.com", rules), "class"), "corporate");
  EXPECT_EQ(TextOf(Derive("x@sub.abyssemail.com", rules), "class"), "corporate");
  EXPECT_EQ(TextOf(Derive("x@abyssemail.com"), "class"), "disposable");
  EXPECT_EQ(TextOf(Derive("x@guerrillamail.com", rules), "class"), "disposable");
}

TEST(EmailRule, TypoSuggestionsAreReportedNeverApplied) {
  const auto suggestion = [](std::string_view text) {
    const Record record = Derive(text);
    const auto messages = FlagMessages(record, "email.typo");
    return messages.empty() ? std::string("-") : messages[0];
  };
  EXPECT_EQ(suggestion("jo@gmial.com"), "did you mean jo@gmail.com?");
  EXPECT_EQ(suggestion("jo@gmai.com"), "did you mean jo@gmail.com?");
  EXPECT_EQ(suggestion("jo@gmail.con"), "did you mean jo@gmail.com?");
  EXPECT_EQ(suggestion("jo@gmail.co"), "did you mean jo@gmail.com?");
  EXPECT_EQ(suggestion("jo@hotmial.com"), "did you mean jo@hotmail.com?");
  EXPECT_EQ(suggestion("jo@yahooo.com"), "did you mean jo@yahoo.com?");
  EXPECT_EQ(suggestion("jo@outlok.com"), "did you mean jo@outlook.com?");
  EXPECT_EQ(suggestion("jo@acme.comcom"), "did you mean jo@acme.com?");
  EXPECT_EQ(suggestion("jo@acme.com.com"), "did you mean jo@acme.com?");
  EXPECT_EQ(suggestion("jo@acme.con"), "did you mean jo@acme.com?");
  EXPECT_EQ(suggestion("jo@acme.cmo"), "did you mean jo@acme.com?");
  EXPECT_EQ(suggestion("jo@gmial.con"), "did you mean jo@gmail.com?");
  EXPECT_EQ(suggestion("jo@gmaik.com"), "did you mean jo@gmail.com?") << "one edit away";
  EXPECT_EQ(suggestion("jo@hotmali.com"), "did you mean jo@hotmail.com?") << "two swapped";
  // Known domains and names one edit from short ones are left alone.
  EXPECT_EQ(suggestion("jo@gmail.com"), "-");
  EXPECT_EQ(suggestion("jo@ymail.com"), "-");
  EXPECT_EQ(suggestion("jo@mail.com"), "-");
  EXPECT_EQ(suggestion("jo@cloud.com"), "-");
  EXPECT_EQ(suggestion("jo@life.com"), "-");
  EXPECT_EQ(suggestion("jo@acme.co"), "-");
  EXPECT_EQ(suggestion("jo@acme.community"), "-");
  const Record record = Derive(" Jo@GMAIL.CON ");
  EXPECT_EQ(TextOf(record, "email"), "jo@gmail.con");
  EXPECT_EQ(TextOf(record, "key"), "jo@gmail.con");
  EXPECT_TRUE(FlagMessages(record, "email.invalid").empty());
}

TEST(EmailRule, InvalidAddressesGetNoDerivedFields) {
  for (const std::string text : {"nope", "a@@b.com", "a..b@gmail.com", "", "   ", "<>"}) {
    const Record record = Derive(text);
    EXPECT_EQ(TextOf(record, "key"), "<null>") << text;
    EXPECT_EQ(TextOf(record, "key2"), "<null>") << text;
    EXPECT_EQ(TextOf(record, "class"), "<null>") << text;
    EXPECT_TRUE(FlagMessages(record, "email.typo").empty()) << text;
  }
}

TEST(EmailRule, DerivedFieldsOfAListAreLists) {
  Record record = MakeRecord({});
  record.Load(InternField("email"), Value::List({"A.B@gmail.com", "bad", "info@acme.com"}));
  ApplyRulesTo(kDerive, record);
  EXPECT_EQ(record.Get(InternField("key")), Value::List({"ab@gmail.com", "", "info@acme.com"}));
  EXPECT_EQ(record.Get(InternField("class")), Value::List({"free", "", "role"}));
}

TEST(EmailRule, ZeroWidthAndRightToLeftMarks) {
  Record record = Derive("\u200F\u200Bj.smith@gmail.com\u200E\uFEFF");
  EXPECT_EQ(TextOf(record, "email"), "j.smith@gmail.com");
  EXPECT_EQ(TextOf(record, "key"), "jsmith@gmail.com");
  record = Derive("j.sm\u200Bith@gmail.com");
  EXPECT_EQ(FlagMessages(record, "email.invalid").size(), 1u);
  EXPECT_EQ(TextOf(record, "key"), "<null>");
  record =
      Derive("\u05D3\u05E0\u05D4@\u05D3\u05D5\u05D2\u05DE\u05D4.\u05D9\u05E9\u05E8\u05D0\u05DC");
  EXPECT_TRUE(FlagMessages(record, "email.invalid").empty());
  EXPECT_EQ(TextOf(record, "class"), "corporate");
  EXPECT_EQ(TextOf(record, "key").find("@xn--"), 6u);
}

TEST(EmailRule, RandomBytesNeverCrash) {
  const auto config = LoadRules(kDerive);
  ASSERT_TRUE(config);
  unsigned seed = 7;
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const int size = static_cast<int>((seed = seed * 1103515245u + 12345u) >> 16) % 40;
    for (int j = 0; j < size; ++j) {
      seed = seed * 1103515245u + 12345u;
      const char* alphabet = "@.+-aGm\xC3\xA9\x80\xE2\x80\x8B<>\" ";
      text.push_back(j % 3 == 0 ? static_cast<char>(seed >> 16) : alphabet[(seed >> 16) % 18]);
    }
    if (i % 2 == 0) text += "@gmail.com";
    Record record = MakeRecord({{"email", text}});
    config->rules.Apply(record);
  }
  SUCCEED();
}

TEST(EmailRule, HugeValuesAreFlaggedNotDerived) {
  for (const std::string& text :
       {std::string(1 << 20, 'a') + "@gmail.com", "a@" + std::string(1 << 20, 'b') + ".com",
        std::string(1 << 16, '@'), "a@" + std::string(1 << 16, '.') + "com"}) {
    const Record record = Derive(text);
    EXPECT_EQ(FlagMessages(record, "email.invalid").size(), 1u);
    EXPECT_EQ(TextOf(record, "key"), "<null>");
  }
}

TEST(EmailRule, InvalidAllowlistEntryIsAnError) {
  const auto errors = ConfigErrors(
      "version: 1\nrules:\n  - email: { class_to: c, allowlist: [\"not a domain\"] }\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(AnyErrorMentions(errors, "not a domain")) << errors[0].str();
  EXPECT_FALSE(ConfigErrors("version: 1\nrules:\n  - email: { typos: maybe }\n").empty());
  EXPECT_FALSE(ConfigErrors("version: 1\nrules:\n  - email: { key_to: [a, b] }\n").empty());
}

TEST(EmailRule, DerivingIsSafeFromManyThreads) {
  const auto config = LoadRules(kDerive);
  ASSERT_TRUE(config);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string text =
            i % 2 ? "J.Smith+x@GMail.com" : "Sales@Acme-" + std::to_string(i % 50) + ".com";
        Record record = MakeRecord({{"email", text}});
        config->rules.Apply(record);
        const std::string want =
            i % 2 ? "jsmith@gmail.com" : "sales@acme-" + std::to_string(i % 50) + ".com";
        if (TextOf(record, "key") != want || TextOf(record, "class") != (i % 2 ? "free" : "role")) {
          ++wrong[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace pdc
