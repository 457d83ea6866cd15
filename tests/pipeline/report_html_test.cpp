#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "pipeline/html_text.h"
#include "pipeline/report.h"
#include "tests/pipeline/file_fixture.h"

namespace pdc {
namespace {

namespace json = boost::json;

TEST(HtmlTextTest, EscapesMarkupAndQuotes) {
  std::string out;
  AppendHtmlText(out, "a<b>&\"c\"'d'");
  EXPECT_EQ(out, "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  out.clear();
  AppendHtmlText(out, "Jos\xC3\xA9 plain");
  EXPECT_EQ(out, "Jos\xC3\xA9 plain");
}

TEST(HtmlTextTest, ScriptJsonCannotCloseTheBlockAndReadsBackUnchanged) {
  const std::string value = "</script><!-- a & b \xE2\x80\xA8 \xE2\x80\xA9 \"q\" \\ \xE2\x82\xAC";
  std::string out;
  AppendScriptJsonString(out, value);
  EXPECT_EQ(out.find('<'), std::string::npos) << out;
  EXPECT_EQ(out.find('>'), std::string::npos) << out;
  EXPECT_EQ(out.find('&'), std::string::npos) << out;
  EXPECT_EQ(out.find("\xE2\x80\xA8"), std::string::npos) << out;
  EXPECT_EQ(out.find("\xE2\x80\xA9"), std::string::npos) << out;
  EXPECT_NE(out.find("\\u003c/script\\u003e"), std::string::npos) << out;
  EXPECT_NE(out.find("\xE2\x82\xAC"), std::string::npos) << "other characters stay as they are";
  EXPECT_EQ(json::parse(out).as_string(), value);
}

class HtmlReportTest : public FileFixture {
 protected:
  static std::size_t Count(const std::string& text, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
  }
};

TEST_F(HtmlReportTest, EscapesEveryValueAndEmbedsTheChangesAsJson) {
  RunInfo info;
  info.run_id = "run-1";
  info.mode = "dry_run";
  info.config_path = "c<1>.yaml";
  info.source = "file:in.csv";
  info.rules.push_back({"text@1", {"c.yaml", 3, 5}, nullptr});
  auto report = OpenReport(Path("r.html"), info);
  ASSERT_TRUE(report.ok()) << report.status().message();

  const FieldId name = InternField("first_name");
  const FieldId email = InternField("email");
  const std::string evil = "</script><script>document.title='pwned'</script>";
  Record record(2);
  record.set_id("<b>7</b>");
  record.Load(name, Value::Text("\"><img src=x onerror=alert(1)>"));
  record.Load(email, Value::Null());
  ASSERT_TRUE(record.Set(name, Value::Text(evil), 0));
  ASSERT_TRUE(record.Set(email, Value::Text("a@b.c"), 0));
  Record unchanged(3);
  unchanged.set_id("8");
  unchanged.Load(name, Value::Text("Ann"));
  unchanged.Load(email, Value::Text(""));

  const RuleIndex rules[] = {0};
  (*report)->Seen(record);
  (*report)->Change(record, name, rules);
  (*report)->Change(record, email, rules);
  (*report)->Seen(unchanged);
  (*report)->Rejected({4, "unterminated quoted field", "<img src=y>"});
  RunSummary summary;
  summary.records_in = 2;
  summary.field_changes = 2;
  summary.rule_changes = {2};
  ASSERT_TRUE((*report)->Finish(summary).ok());

  const std::string page = Slurp(Path("r.html"));
  EXPECT_NE(page.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
            std::string::npos);
  // Only the page's own markup: two script blocks, no element from the data.
  EXPECT_EQ(Count(page, "<script"), 2u);
  EXPECT_EQ(Count(page, "</script>"), 2u);
  EXPECT_EQ(Count(page, "<img"), 0u);
  EXPECT_EQ(Count(page, "<b>"), 0u);
  EXPECT_EQ(page.find("http://"), page.find("http://www.w3.org/2000/svg"))
      << "the only URL is the SVG namespace";
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_NE(page.find("c&lt;1&gt;.yaml"), std::string::npos);
  EXPECT_NE(page.find("&lt;img src=y&gt;"), std::string::npos) << "the rejected row's excerpt";
  EXPECT_NE(page.find("<svg"), std::string::npos);
  EXPECT_NE(page.find("File run: no Pardot API requests."), std::string::npos);

  // Fill rates: email was empty in both records before, and is filled in one after.
  EXPECT_NE(page.find("<td>email</td><td>0 (0.0%)</td><td>1 (50.0%)</td><td>+1</td>"),
            std::string::npos);
  EXPECT_NE(page.find("<td>first_name</td><td>2 (100.0%)</td><td>2 (100.0%)</td><td>0</td>"),
            std::string::npos);

  const std::string open = "<script type=\"application/json\" id=\"changes\">";
  const auto start = page.find(open);
  ASSERT_NE(start, std::string::npos);
  const auto end = page.find("</script>", start);
  const json::array rows =
      json::parse(page.substr(start + open.size(), end - start - open.size())).as_array();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].as_array()[0].as_string(), "<b>7</b>");
  EXPECT_EQ(rows[0].as_array()[1].as_string(), "first_name");
  EXPECT_EQ(rows[0].as_array()[2].as_string(), "\"><img src=x onerror=alert(1)>");
  EXPECT_EQ(rows[0].as_array()[3].as_string(), evil);
  EXPECT_EQ(rows[0].as_array()[4].as_string(), "text@1");
  EXPECT_TRUE(rows[1].as_array()[2].is_null());
}

TEST_F(HtmlReportTest, ClustersSkippedBlocksAndApiUsageAreEscaped) {
  RunInfo info;
  info.mode = "apply";
  info.source = "pardot:acme";
  auto report = OpenReport(Path("r.html"), info);
  ASSERT_TRUE(report.ok());
  ClusterReport cluster;
  cluster.id = "1";
  cluster.action = "merge";
  cluster.members = {"1", "<i>2</i>"};
  cluster.survivor = "1";
  cluster.decided_by = "most_recent_activity";
  cluster.losers = {"<i>2</i>"};
  cluster.loser_action = "flag";
  cluster.pairs.push_back({"1", "<i>2</i>", "email", {"email_key"}});
  cluster.values.push_back({"company", Value::Text("A&B <Ltd>"), "<i>2</i>", "longest", true});
  (*report)->Cluster(cluster);
  DedupeTotals totals;
  totals.clusters = 1;
  totals.passes.push_back({"email_key", 1, 1, 2, 1});
  totals.skipped_blocks.push_back({"email_key", "<u>k</u>", "", "shared_key", 600});
  (*report)->Dedupe(totals);
  (*report)->RejectedByPardot("9", "Invalid <email>");
  RunSummary summary;
  summary.api.requests = 250;
  summary.api.budget_remaining = 750;
  summary.api.by_endpoint["GET prospect/query"] = 250;
  ASSERT_TRUE((*report)->Finish(summary).ok());

  const std::string page = Slurp(Path("r.html"));
  EXPECT_EQ(Count(page, "<i>"), 0u);
  EXPECT_EQ(Count(page, "<u>"), 0u);
  EXPECT_NE(page.find("<dt>members</dt><dd>1, &lt;i&gt;2&lt;/i&gt;</dd>"), std::string::npos);
  EXPECT_NE(page.find("<dt>chosen by</dt><dd>most_recent_activity</dd>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"v\">A&amp;B &lt;Ltd&gt;</td><td>&lt;i&gt;2&lt;/i&gt;</td>"
                      "<td>longest</td><td>yes</td>"),
            std::string::npos);
  EXPECT_NE(page.find("<td class=\"v\">&lt;u&gt;k&lt;/u&gt;</td>"), std::string::npos);
  EXPECT_NE(page.find("<td>Pardot</td><td>9</td><td>Invalid &lt;email&gt;</td>"),
            std::string::npos);
  EXPECT_NE(page.find("750 left today; this run used 25.0% of what it had"), std::string::npos);
  EXPECT_EQ(page.find("File run"), std::string::npos);
  EXPECT_NE(page.find("No prospects were read."), std::string::npos);
}

TEST_F(HtmlReportTest, AnEmptyRunStillMakesAWholePage) {
  RunInfo info;
  info.mode = "dry_run";
  auto report = OpenReport(Path("r.html"), info);
  ASSERT_TRUE(report.ok());
  ASSERT_TRUE((*report)->Finish(RunSummary{}).ok());
  const std::string page = Slurp(Path("r.html"));
  EXPECT_NE(page.find("id=\"changes\">[]</script>"), std::string::npos);
  EXPECT_NE(page.find("</html>"), std::string::npos);
}

TEST_F(HtmlReportTest, TheExtensionPicksTheFormat) {
  auto report = OpenReport(Path("r.txt"), RunInfo{});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find(".html"), std::string::npos);
}

}  // namespace
}  // namespace pdc
