#include <gtest/gtest.h>

#include "tests/rules/harness.h"

namespace pdc {
namespace {

std::string Clean(const std::string& website, const char* rules = "  - website: {}\n") {
  return TextOf(ApplyRules(rules, {{"website", website}}), "website");
}

TEST(WebsiteRuleTest, ReducesUrlsToTheRegistrableDomain) {
  EXPECT_EQ(Clean("https://www.Acme.com/about?x=1#team"), "acme.com");
  EXPECT_EQ(Clean("WWW.LAKESIDE-MEDICAL.COM"), "lakeside-medical.com");
  EXPECT_EQ(Clean("  http://user:pw@shop.example.co.uk:8080/path  "), "example.co.uk");
  EXPECT_EQ(Clean("//www2.initech.com."), "initech.com");
  EXPECT_EQ(Clean("acme.com"), "acme.com");
  EXPECT_EQ(Clean("blog.github.io"), "blog.github.io");  // github.io is a public suffix
}

TEST(WebsiteRuleTest, KeepsTheHostOrWritesElsewhere) {
  EXPECT_EQ(Clean("https://shop.example.co.uk/", "  - website: { keep: host }\n"),
            "shop.example.co.uk");
  Record r = ApplyRules("  - website: { field: url, to: domain }\n",
                        {{"url", "https://www.acme.de/impressum"}});
  EXPECT_EQ(TextOf(r, "url"), "https://www.acme.de/impressum");
  EXPECT_EQ(TextOf(r, "domain"), "acme.de");
}

TEST(WebsiteRuleTest, InternationalDomainsGoToAscii) {
  EXPECT_EQ(Clean("https://www.bücher.de/"), "xn--bcher-kva.de");
  EXPECT_EQ(Clean("http://müller-gmbh.at/kontakt"), "xn--mller-gmbh-9db.at");
}

TEST(WebsiteRuleTest, NoWebsiteIsFlaggedNeverCleared) {
  for (const char* bad : {"n/a", "not a website", "localhost", "co.uk", "http://", "-acme-.com"}) {
    Record r = ApplyRules("  - website: {}\n", {{"website", bad}});
    EXPECT_EQ(TextOf(r, "website"), bad) << bad;
    EXPECT_EQ(FlagMessages(r, "website.invalid").size(), 1u) << bad;
  }
  Record empty = ApplyRules("  - website: {}\n", {{"website", ""}});
  EXPECT_TRUE(FlagMessages(empty, "website.invalid").empty());
}

TEST(WebsiteRuleTest, OptionsAreChecked) {
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - website: { keep: path }\n"),
                               "expected one of domain,host"));
  EXPECT_TRUE(AnyErrorMentions(ConfigErrors("version: 1\nrules:\n  - website: { strip: true }\n"),
                               "unknown key \"strip\""));
}

}  // namespace
}  // namespace pdc
