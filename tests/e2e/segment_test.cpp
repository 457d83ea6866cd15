// End-to-end: the segment plugin (plugins/segment/segment.py, a command plugin) puts prospects
// on a static list; against the emulator in v4 and v5, the run reads the list's members first,
// sends only real membership changes (v4 `list_<id>=1|0` in the batch update, v5 the
// list-membership object), and `undo` puts the list back as it was.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "tests/e2e/process.h"
#include "tests/emulator/test_client.h"

namespace pdc::e2e {
namespace {

namespace json = boost::json;
using emulator::testing::EmulatorProcess;
using emulator::testing::HttpClient;

constexpr const char* kUnit = EmulatorProcess::kDefaultUnit;  // the unit the emulator starts with
constexpr const char* kList = "1201";
const std::string kSamples = PDC_SOURCE_DIR "/samples/prospects.csv";
const std::string kPlugin = PDC_SOURCE_DIR "/plugins/segment/segment.py";

const emulator::testing::HeaderList& Auth() {
  static const emulator::testing::HeaderList headers = {
      {"Authorization", "Bearer tok"},
      {"Pardot-Business-Unit-Id", kUnit},
      {"Content-Type", "application/x-www-form-urlencoded"}};
  return headers;
}

// The ids of the prospects on the list now, read through the v4 API.
std::set<std::string> Members(const EmulatorProcess& emulator) {
  std::set<std::string> ids;
  long long after = 0;
  for (;;) {
    const auto answer =
        HttpClient(emulator.url())
            .Get(
                "/api/prospect/version/4/do/query?format=json&output=bulk"
                "&fields=id&sort_by=id&sort_order=ascending&limit=200&list_id=" +
                    std::string(kList) + "&id_greater_than=" + std::to_string(after),
                Auth());
    const json::value doc = json::parse(answer.body);
    const json::value& result = doc.at("result");  // null when no prospect matches
    const json::value* found =
        result.is_object() ? result.as_object().if_contains("prospect") : nullptr;
    if (found == nullptr || found->is_null()) return ids;
    const json::array page = found->is_array() ? found->as_array() : json::array{*found};
    for (const auto& p : page) {
      const auto& id = p.at("id");
      after = id.is_int64() ? id.as_int64() : std::stoll(std::string(id.as_string()));
      ids.insert(std::to_string(after));
    }
    if (page.size() < 200) return ids;
  }
}

void SetMember(const EmulatorProcess& emulator, const std::string& id, bool member) {
  const auto answer =
      HttpClient(emulator.url())
          .Post("/api/prospect/version/4/do/update/id/" + id,
                "format=json&list_" + std::string(kList) + "=" + (member ? "1" : "0"), Auth());
  ASSERT_EQ(answer.status, 200) << answer.body;
}

// prospect id -> country, as the emulator holds them.
std::map<std::string, std::string> Countries(const EmulatorProcess& emulator) {
  std::map<std::string, std::string> countries;
  const json::value doc = json::parse(HttpClient(emulator.url()).Get("/_emulator/state", {}).body);
  for (const auto& p : doc.at("units").at(0).at("prospects").as_array()) {
    const auto* country = p.at("values").as_object().if_contains("country");
    countries[std::to_string(p.at("id").as_int64())] =
        country && country->is_string() ? std::string(country->as_string()) : "";
  }
  return countries;
}

class SegmentTest : public ::testing::TestWithParam<int> {
 protected:
  Output Clean(const std::string& args) { return Shell(CleanBinary() + " " + args, dir_); }
  std::string Config(const EmulatorProcess& emulator, const std::string& rule) const {
    return "version: 1\nplugins:\n  - command: [python3, " + kPlugin +
           "]\nsource:\n  pardot:\n    api_version: " + std::to_string(GetParam()) +
           "\n    base_url: \"" + emulator.url() + "\"\n    business_unit_id: " + kUnit +
           "\n    auth: { access_token: tok }\n    lists: [" + kList + "]\nrules:\n" + rule;
  }
  TempDir dir_;
};

TEST_P(SegmentTest, PutsProspectsOnAListSendsOnlyChangesAndUndoRestoresTheList) {
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", kSamples});
  const auto countries = Countries(emulator);
  std::set<std::string> wanted;  // Germans: the list after the run (case ignored)
  for (const auto& [id, country] : countries) {
    if (country == "DE" || country == "de" || country == "Germany" || country == "germany") {
      wanted.insert(id);
    }
  }
  ASSERT_GT(wanted.size(), 20u);
  // Before the run: two Germans are members already, and two others who will be taken off.
  std::set<std::string> seeded;
  for (const auto& [id, country] : countries) {
    const bool german = wanted.count(id) > 0;
    if ((german && seeded.size() < 2) || (!german && seeded.size() >= 2 && seeded.size() < 4)) {
      SetMember(emulator, id, true);
      seeded.insert(id);
    }
  }
  ASSERT_EQ(Members(emulator), seeded);
  WriteFile(dir_ / "c.yaml",
            Config(emulator, std::string("  - segment: { list: ") + kList +
                                 ", field: country, in: [de, Germany], remove_others: true }\n"));

  // The dry run reports exactly the membership changes, and writes nothing.
  const Output dry = Clean("run c.yaml --report dry.json -q");
  ASSERT_EQ(dry.code, 0) << dry.err;
  std::map<std::string, std::string> reported;  // id -> "1" (added) or "" (taken off)
  const json::value report = json::parse(ReadFile(dir_ / "dry.json"));
  for (const auto& c : report.at("changes").as_array()) {
    ASSERT_EQ(c.at("field").as_string(), std::string("list_") + kList);
    reported[std::string(c.at("id").as_string())] =
        c.at("after").is_string() ? std::string(c.at("after").as_string()) : "";
  }
  std::map<std::string, std::string> expected;
  for (const auto& id : wanted) {
    if (!seeded.count(id)) expected[id] = "1";
  }
  for (const auto& id : seeded) {
    if (!wanted.count(id)) expected[id] = "";
  }
  EXPECT_EQ(reported, expected);
  EXPECT_EQ(Members(emulator), seeded);

  HttpClient(emulator.url()).Post("/_emulator/stats/reset", "", {});
  const Output applied = Clean("run c.yaml --apply --json -q");
  ASSERT_EQ(applied.code, 0) << applied.err;
  const json::value summary = json::parse(applied.out);
  EXPECT_EQ(summary.at("writes_confirmed").as_int64(), static_cast<long long>(expected.size()));
  // Requests: in v4 the memberships ride in the batch updates; v5 adds each one with a POST and
  // takes each one off with a look-up and a DELETE.
  const json::value stats =
      json::parse(HttpClient(emulator.url()).Get("/_emulator/stats", {}).body);
  const auto& by = stats.at("by_endpoint").as_object();
  auto count = [&](const char* endpoint) {
    return by.contains(endpoint) ? by.at(endpoint).as_int64() : 0;
  };
  long long added = 0;
  for (const auto& [id, after] : expected) added += after == "1" ? 1 : 0;
  const long long removed = static_cast<long long>(expected.size()) - added;
  if (GetParam() == 4) {
    EXPECT_EQ(count("v4 prospect batchUpdate"),
              static_cast<long long>((expected.size() + 49) / 50));
  } else {
    EXPECT_EQ(count("v5 POST list-memberships"), added);
    EXPECT_EQ(count("v5 DELETE list-memberships/{id}"), removed);
    EXPECT_EQ(count("v5 GET list-memberships"), 1 + removed);  // the members, the look-ups
  }
  EXPECT_EQ(Members(emulator), wanted);
  // The emulator's write log names list_1201 once for each prospect that changed, and nothing
  // for those already right.
  const json::value log = json::parse(HttpClient(emulator.url()).Get("/_emulator/writes", {}).body);
  std::set<std::string> written;
  for (const auto& [id, writes] : log.at("prospects").as_object()) {
    ASSERT_EQ(writes.as_array().size(), 1u) << id;
    EXPECT_EQ(json::serialize(writes.as_array()[0]), std::string("[\"list_") + kList + "\"]");
    written.insert(std::string(id));
  }
  std::set<std::string> changed;
  for (const auto& [id, after] : expected) changed.insert(id);
  EXPECT_EQ(written, changed);

  // A second run finds nothing to do.
  const Output again = Clean("run c.yaml --apply --json -q");
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(json::parse(again.out).at("writes_planned").as_int64(), 0);

  const Output undone =
      Clean("undo " + std::string(summary.at("run_id").as_string()) + " --apply --json -q");
  ASSERT_EQ(undone.code, 0) << undone.err;
  EXPECT_EQ(Members(emulator), seeded);
}

INSTANTIATE_TEST_SUITE_P(Versions, SegmentTest, ::testing::Values(4, 5),
                         [](const ::testing::TestParamInfo<int>& p) {
                           return "V" + std::to_string(p.param);
                         });

TEST(SegmentPluginTest, AFileRunSetsTheListFieldAndExplainsBadOptions) {
  TempDir dir;
  WriteFile(dir / "in.csv", "id,country,score\n1,DE,10\n2,FR,150\n3,de,\n");
  WriteFile(dir / "c.yaml", "version: 1\nplugins:\n  - command: [python3, " + kPlugin +
                                "]\nrules:\n"
                                "  - segment: { list: 7, field: country, in: [DE] }\n"
                                "  - segment: { list: 8, field: score, at_least: \"100\" }\n");
  const Output ok = Shell(CleanBinary() + " run c.yaml --input in.csv --output out.csv -q", dir);
  ASSERT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(ReadFile(dir / "out.csv"),
            "id,country,score,list_7,list_8\n1,DE,10,1,\n2,FR,150,,1\n3,de,,1,\n");

  WriteFile(dir / "bad.yaml", "version: 1\nplugins:\n  - command: [python3, " + kPlugin +
                                  "]\nrules:\n"
                                  "  - segment: { list: 7, field: country, in: [DE], "
                                  "matches: \"^F\" }\n");
  const Output bad = Shell(
      CleanBinary() + " run bad.yaml --input in.csv --output bad.csv --report r.json -q", dir);
  EXPECT_EQ(bad.code, 0) << bad.err;
  const json::value report = json::parse(ReadFile(dir / "r.json"));
  EXPECT_NE(json::serialize(report).find("give exactly one of in, matches or at_least"),
            std::string::npos);
}

}  // namespace
}  // namespace pdc::e2e
