// End-to-end: the HTML report of a dry run whose prospects carry markup, opened in headless
// Chromium: the page's own script renders the change table, and the markup stays text.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "tests/e2e/process.h"

namespace pdc::e2e {
namespace {

const char* kConfig = R"(version: 1
rules:
  - text: { fields: [first_name, last_name, company] }
  - email: {}
)";

// Chromium runs headless without its sandbox (tests may run as root), with a profile of its own
// so that parallel tests do not share one, without /dev/shm (small in containers), and is killed
// if it hangs.
std::string Chromium(const TempDir& dir, const std::string& args) {
  return "timeout -k 5 90 chromium --headless --no-sandbox --disable-gpu "
         "--disable-dev-shm-usage --no-first-run --user-data-dir='" +
         (dir / "chromium-profile") + "' " + args;
}

std::size_t Count(const std::string& text, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The change table's rows, as Chromium's DOM after the page's script ran.
std::string TableRows(const std::string& page) {
  const auto body = page.find("<tbody id=\"changes-body\">");
  if (body == std::string::npos) return "";
  return page.substr(body, page.find("</tbody>", body) - body);
}

TEST(HtmlReportBrowserTest, ChromiumRendersTheChangesAndInjectedMarkupStaysText) {
  TempDir dir;
  WriteFile(dir / "c.yaml", kConfig);
  // Two prospects carry markup; 150 more each get one change, for a second page of the table.
  std::string csv =
      "id,first_name,last_name,email,company\n"
      "1,\"  <script>document.title='pwned'</script> \",Lee,ANN@LEE.IO,Acme\n"
      "2,Bo,\"  Ng \",bo@ng.io,\" \"\"><img src=x onerror=\"\"document.title='pwned'\"\"> \"\n";
  for (int id = 3; id < 153; ++id) {
    csv += std::to_string(id) + ",Al,\"  Ng \",al" + std::to_string(id) + "@ng.io,Ng Ltd\n";
  }
  WriteFile(dir / "in.csv", csv);
  const Output run = Shell(CleanBinary() + " run c.yaml --input in.csv --report r.html", dir);
  ASSERT_EQ(run.code, 0) << run.err;

  // scripts/setup installs Chromium, so a missing browser is a failure, not a reason to skip.
  ASSERT_EQ(Shell("command -v chromium", dir).code, 0)
      << "chromium is not on PATH: run scripts/setup";
  const std::string url = "file://" + (dir / "r.html");
  const Output dom = Shell(Chromium(dir, "--dump-dom '" + url + "'"), dir);
  ASSERT_EQ(dom.code, 0) << dom.err;
  const std::string& page = dom.out;

  // The page's script ran: the status line counts the changes and the table shows the first 100.
  EXPECT_NE(page.find("1\u2013100 of 154 matching changes (154 in all), page 1 of 2"),
            std::string::npos)
      << page.substr(0, 4000);
  const std::string rows = TableRows(page);
  EXPECT_EQ(Count(rows, "<tr>"), 100u) << rows;
  // The injected markup is there as text, and did nothing.
  EXPECT_NE(rows.find("  &lt;script&gt;document.title='pwned'&lt;/script&gt; "), std::string::npos)
      << rows;
  EXPECT_NE(rows.find("\"&gt;&lt;img src=x onerror=\"document.title='pwned'\"&gt;"),
            std::string::npos)
      << rows;
  EXPECT_EQ(page.find("pwned</title>"), std::string::npos);
  EXPECT_NE(page.find("<title>pardot-clean report "), std::string::npos);
  EXPECT_EQ(Count(page, "<img"), 0u);
  EXPECT_EQ(Count(page, "<script"), 2u) << "only the page's own two script blocks";

  // The run fed every record to the report: fill rates count all 152 prospects.
  EXPECT_NE(page.find("<td>last_name</td><td>152 (100.0%)</td><td>152 (100.0%)</td><td>0</td>"),
            std::string::npos);

  // Searching (any column, any case) and paging, preset through the URL's fragment.
  const Output searched = Shell(Chromium(dir, "--dump-dom '" + url + "#search=PWNED'"), dir);
  ASSERT_EQ(searched.code, 0) << searched.err;
  EXPECT_NE(searched.out.find("1\u20132 of 2 matching changes (154 in all), page 1 of 1"),
            std::string::npos);
  EXPECT_EQ(Count(TableRows(searched.out), "<tr>"), 2u);
  const Output second = Shell(Chromium(dir, "--dump-dom '" + url + "#page=2'"), dir);
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_NE(second.out.find("101\u2013154 of 154 matching changes (154 in all), page 2 of 2"),
            std::string::npos);
  EXPECT_EQ(Count(TableRows(second.out), "<tr>"), 54u);

  const std::filesystem::path artifacts = PDC_BINARY_DIR "/test-artifacts";
  std::filesystem::create_directories(artifacts);
  const std::string png = (artifacts / "html-report.png").string();
  std::filesystem::remove(png);
  const Output shot =
      Shell(Chromium(dir, "--screenshot='" + png + "' --window-size=1280,1600 '" + url + "'"), dir);
  ASSERT_EQ(shot.code, 0) << shot.err;
  ASSERT_TRUE(std::filesystem::exists(png)) << shot.err;
  EXPECT_GT(std::filesystem::file_size(png), 10000u);
  EXPECT_EQ(ReadFile(png).substr(0, 8), "\x89PNG\r\n\x1a\n");
  std::cout << "screenshot of the report: " << png << "\n";
}

}  // namespace
}  // namespace pdc::e2e
