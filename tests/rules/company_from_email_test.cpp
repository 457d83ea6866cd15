#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

constexpr std::string_view kRules = "  - company_from_email: { company_to: company }\n";

Record From(std::string_view email, std::string_view rules = kRules) {
  return ApplyRules(rules, {{"email", std::string(email)}});
}

TEST(CompanyFromEmailRule, RegistrableDomainAndCompanyGuess) {
  Record record = From("j@mail.acme.co.uk");
  EXPECT_EQ(TextOf(record, "website"), "acme.co.uk");
  EXPECT_EQ(TextOf(record, "company"), "Acme");
  record = From(" Jane Doe <Jane.Doe@ACME-Widgets.com> ");
  EXPECT_EQ(TextOf(record, "website"), "acme-widgets.com");
  EXPECT_EQ(TextOf(record, "company"), "Acme Widgets");
  EXPECT_EQ(TextOf(record, "email"), " Jane Doe <Jane.Doe@ACME-Widgets.com> ")
      << "the address itself is the email rule's business";
}

TEST(CompanyFromEmailRule, CompanyIsOptIn) {
  const Record record = From("j@acme.com", "  - company_from_email: {}\n");
  EXPECT_EQ(TextOf(record, "website"), "acme.com");
  EXPECT_EQ(TextOf(record, "company"), "<null>");
}

TEST(CompanyFromEmailRule, InternationalDomains) {
  Record record = From("j\u00F6rg@B\u00DCCHER.de");
  EXPECT_EQ(TextOf(record, "website"), "xn--bcher-kva.de");
  EXPECT_EQ(TextOf(record, "company"), "B\u00FCcher");
  record = From("a@\u4F8B\u3048.jp");
  EXPECT_EQ(TextOf(record, "website"), "xn--r8jz45g.jp");
  EXPECT_EQ(TextOf(record, "company"), "\u4F8B\u3048");
  record = From(
      "\u200Bivan@\u044F\u043D\u0434\u0435\u043A\u0441-\u043C\u0430\u0440\u043A\u0435\u0442."
      "\u0440\u0444\u200F");
  EXPECT_EQ(TextOf(record, "company"),
            "\u042F\u043D\u0434\u0435\u043A\u0441 \u041C\u0430\u0440\u043A\u0435\u0442");
}

TEST(CompanyFromEmailRule, NeverFromFreeDisposableOrMistypedDomains) {
  for (const std::string email :
       {"j.smith@gmail.com", "pat@gmx.de", "x@mailinator.com", "x@shop.33mail.com",
        "x@jo.anonaddy.me", "a.b@outlook.co.uk", "jo@gmail.con", "jo@acme.con", "jo@gmial.com"}) {
    const Record record = From(email);
    EXPECT_EQ(TextOf(record, "website"), "<null>") << email;
    EXPECT_EQ(TextOf(record, "company"), "<null>") << email;
    EXPECT_FALSE(record.has_log()) << email;
  }
}

TEST(CompanyFromEmailRule, RoleAddressesAtACompanyCount) {
  const Record record = From("info@acme.com");
  EXPECT_EQ(TextOf(record, "website"), "acme.com");
  EXPECT_EQ(TextOf(record, "company"), "Acme");
  EXPECT_EQ(TextOf(From("support@gmail.com"), "website"), "<null>");
}

TEST(CompanyFromEmailRule, InvalidAddressesDoNothing) {
  for (const std::string email : {"", "   ", "acme.com", "a@@acme.com", "a..b@acme.com",
                                  "a@localhost", "a@co.uk", "a b@acme.com", "\xC3\x28@acme.com"}) {
    const Record record = From(email);
    EXPECT_EQ(TextOf(record, "website"), "<null>") << email;
    EXPECT_FALSE(record.has_log()) << email;
  }
}

TEST(CompanyFromEmailRule, ZeroWidthCharactersInTheDomainAreIgnoredAsUts46Does) {
  EXPECT_EQ(TextOf(From("a@acme\u200B.com"), "website"), "acme.com");
  EXPECT_EQ(TextOf(From("\u200Fa@acme.com\u200E"), "website"), "acme.com");
}

TEST(CompanyFromEmailRule, FillsOnlyEmptyTargetsUnlessOverwrite) {
  Record record =
      ApplyRules(kRules, {{"email", "j@acme.com"}, {"website", "acme.example"}, {"company", ""}});
  EXPECT_EQ(TextOf(record, "website"), "acme.example");
  EXPECT_EQ(TextOf(record, "company"), "Acme");
  record = ApplyRules("  - company_from_email: { company_to: company, overwrite: true }\n",
                      {{"email", "j@acme.com"}, {"website", "old.example"}, {"company", "Old"}});
  EXPECT_EQ(TextOf(record, "website"), "acme.com");
  EXPECT_EQ(TextOf(record, "company"), "Acme");
}

TEST(CompanyFromEmailRule, OtherFieldsAndLists) {
  Record record = ApplyRules(
      "  - company_from_email: { field: work_email, website_to: domain, company_to: org }\n",
      {{"work_email", "j@sales.initech.com.au"}});
  EXPECT_EQ(TextOf(record, "domain"), "initech.com.au");
  EXPECT_EQ(TextOf(record, "org"), "Initech");
  EXPECT_EQ(TextOf(record, "website"), "<null>");
  record = MakeRecord({});
  record.Load(InternField("email"), Value::List({"bad", "me@gmail.com", "me@globex.io"}));
  ApplyRulesTo(kRules, record);
  EXPECT_EQ(TextOf(record, "website"), "globex.io");
}

TEST(CompanyFromEmailRule, SafeFromManyThreads) {
  const auto config = LoadRules(kRules);
  ASSERT_TRUE(config);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string n = std::to_string(i % 40);
        Record record = MakeRecord({{"email", i % 3 ? "a@acme-" + n + ".com" : "a@gmail.com"}});
        config->rules.Apply(record);
        const std::string want = i % 3 ? "acme-" + n + ".com" : "<null>";
        if (TextOf(record, "website") != want) ++wrong[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

TEST(CompanyFromEmailRule, HugeAndRandomValuesNeverCrash) {
  const auto config = LoadRules(kRules);
  ASSERT_TRUE(config);
  for (const std::string& text :
       {std::string(1 << 20, 'a') + "@acme.com", "a@" + std::string(1 << 20, 'b') + ".com",
        "a@" + std::string(1 << 16, '.') + "com", std::string(1 << 16, '@')}) {
    Record record = MakeRecord({{"email", text}});
    config->rules.Apply(record);
    EXPECT_EQ(TextOf(record, "website"), "<null>");
  }
  unsigned seed = 11;
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const int size = static_cast<int>((seed = seed * 1103515245u + 12345u) >> 16) % 40;
    for (int j = 0; j < size; ++j) {
      seed = seed * 1103515245u + 12345u;
      text.push_back(static_cast<char>(seed >> 16));
    }
    if (i % 2 == 0) text += "@acme.com";
    Record record = MakeRecord({{"email", text}});
    config->rules.Apply(record);
  }
  SUCCEED();
}

TEST(CompanyFromEmailRule, UnknownOptionIsAnError) {
  const auto errors =
      ConfigErrors("version: 1\nrules:\n  - company_from_email: { company: org }\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(AnyErrorMentions(errors, "company")) << errors[0].str();
}

TEST(CompanyFromEmailRule, InvalidValueIsAnError) {
  const auto errors =
      ConfigErrors("version: 1\nrules:\n  - company_from_email: { overwrite: always }\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(AnyErrorMentions(errors, "overwrite")) << errors[0].str();
  EXPECT_FALSE(
      ConfigErrors("version: 1\nrules:\n  - company_from_email: { website_to: [a, b] }\n").empty());
}

}  // namespace
}  // namespace pdc
