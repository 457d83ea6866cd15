// End-to-end: pardot-clean runs against the Pardot emulator over loopback, in versions 3, 4 and
// 5: dry run, apply, the request count, the daily limit and resume, token refresh, faults.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "pipeline/journal.h"
#include "tests/e2e/process.h"
#include "tests/emulator/test_client.h"

namespace pdc::e2e {
namespace {

namespace json = boost::json;
using emulator::testing::EmulatorProcess;
using emulator::testing::HttpClient;

constexpr const char* kUnit = EmulatorProcess::kDefaultUnit;  // the unit the emulator starts with
const std::string kSamples = PDC_SOURCE_DIR "/samples/prospects.csv";

std::string Config(const EmulatorProcess& emulator, int version, const std::string& auth,
                   const std::string& extra = "") {
  return "version: 1\nsource:\n  pardot:\n    api_version: " + std::to_string(version) +
         "\n    base_url: \"" + emulator.url() + "\"\n    business_unit_id: " + kUnit +
         "\n    auth: " + auth + "\n    edition: growth\n" + extra +
         "rules:\n"
         "  - text: { fields: [first_name, last_name, company, job_title, city, country] }\n"
         "  - name_case: { fields: [first_name, last_name] }\n"
         "  - email: {}\n";
}

json::value Get(const EmulatorProcess& emulator, const std::string& path) {
  HttpClient client(emulator.url());
  return json::parse(client.Get(path, {}).body);
}

// prospect id -> field -> value, as the emulator holds them now.
std::map<std::string, std::map<std::string, std::string>> State(const EmulatorProcess& emulator) {
  std::map<std::string, std::map<std::string, std::string>> state;
  const json::value doc = Get(emulator, "/_emulator/state");
  for (const auto& p : doc.at("units").at(0).at("prospects").as_array()) {
    auto& fields = state[std::to_string(p.at("id").as_int64())];
    for (const auto& [k, v] : p.at("values").as_object()) {
      // updated_at moves with every write; the values are what a run is judged by.
      if (v.is_string() && k != "updated_at") fields[std::string(k)] = std::string(v.as_string());
    }
  }
  return state;
}

long long Count(const json::value& stats, const std::string& endpoint) {
  const auto& by = stats.at("by_endpoint").as_object();
  const auto* n = by.if_contains(endpoint);
  return n ? n->as_int64() : 0;
}

class PardotRunTest : public ::testing::Test {
 protected:
  Output Clean(const std::string& args) { return Shell(CleanBinary() + " " + args, dir_); }
  json::value RunJson(const std::string& args) {
    const Output r = Clean(args + " --json -q");
    last_code_ = r.code;
    last_err_ = r.err;
    return json::parse(r.out);
  }
  TempDir dir_;
  int last_code_ = -1;
  std::string last_err_;
};

TEST_F(PardotRunTest, V4DryRunChangesNothingApplyWritesOnlyChangesAtTheMinimumCost) {
  EmulatorProcess emulator(
      {"--token", "tok", "--ampsea", "--prospects", kSamples, "--latency-ms", "20"});
  WriteFile(dir_ / "c.yaml", Config(emulator, 4, "{ access_token: tok }"));
  const auto before = State(emulator);

  json::value dry = RunJson("run c.yaml --report dry.json");
  ASSERT_EQ(last_code_, 0) << last_err_;
  EXPECT_EQ(dry.at("records_in").as_int64(), 1000);
  const long long changed = dry.at("records_changed").as_int64();
  EXPECT_GT(changed, 100);
  EXPECT_EQ(State(emulator), before);  // a dry run writes nothing

  HttpClient(emulator.url()).Post("/_emulator/stats/reset", "", {});
  json::value applied = RunJson("run c.yaml --apply --report apply.json");
  ASSERT_EQ(last_code_, 0) << last_err_;
  EXPECT_EQ(applied.at("writes_planned").as_int64(), changed);
  const long long refused = applied.at("writes_failed").as_int64();
  EXPECT_EQ(applied.at("writes_confirmed").as_int64() + refused, changed);
  const json::value stats = Get(emulator, "/_emulator/stats");
  // Minimum: every page (the last one short) plus one batch per 50 changed prospects.
  EXPECT_EQ(Count(stats, "v4 prospect query"), 1000 / 200 + 1);
  EXPECT_EQ(Count(stats, "v4 prospect batchUpdate"), (changed + 49) / 50);
  EXPECT_LE(stats.at("max_in_flight").as_int64(), 5);

  // What the report said would change is what changed, field by field.
  const json::value report = json::parse(ReadFile(dir_ / "dry.json"));
  const auto after = State(emulator);
  std::size_t checked = 0;
  std::set<std::string> refused_ids;
  const json::value applied_report = json::parse(ReadFile(dir_ / "apply.json"));
  for (const auto& r : applied_report.at("rejected").as_array()) {
    refused_ids.insert(std::string(r.at("id").as_string()));
  }
  for (const auto& c : report.at("changes").as_array()) {
    const std::string id(c.at("id").as_string());
    if (refused_ids.count(id) || !c.at("after").is_string()) continue;
    const std::string field(c.at("field").as_string());
    EXPECT_EQ(after.at(id).count(field) ? after.at(id).at(field) : "", c.at("after").as_string())
        << id << " " << field;
    ++checked;
  }
  EXPECT_GT(checked, 100u);

  // Only changed fields were sent: the emulator's write log names exactly the report's fields.
  std::map<std::string, std::set<std::string>> reported;
  for (const auto& c : report.at("changes").as_array()) {
    reported[std::string(c.at("id").as_string())].insert(std::string(c.at("field").as_string()));
  }
  const json::value log = Get(emulator, "/_emulator/writes");
  EXPECT_EQ(log.at("prospects").as_object().size() + refused_ids.size(), reported.size());
  for (const auto& [id, writes] : log.at("prospects").as_object()) {
    ASSERT_EQ(writes.as_array().size(), 1u) << id;
    std::set<std::string> sent;
    for (const auto& f : writes.at(0).as_array()) sent.insert(std::string(f.as_string()));
    EXPECT_EQ(sent, reported[std::string(id)]) << id;
  }

  json::value again = RunJson("run c.yaml");
  ASSERT_EQ(last_code_, 0);
  EXPECT_EQ(again.at("records_changed").as_int64(), refused);  // only what Pardot refused
}

// Rules that derive fields Pardot does not have (a company's legal form, a title's seniority)
// show them in the report, and never send them: in v4 Pardot does not return them, in v5 the
// pull does not ask for them. The report carries the request and write totals.
TEST_F(PardotRunTest, DerivedFieldsStayOutOfUpdates) {
  for (const int version : {4, 5}) {
    EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", kSamples});
    std::string config = Config(emulator, version, "{ access_token: tok }");
    config += "  - company: {}\n  - job_title: {}\n";
    WriteFile(dir_ / "c.yaml", config);
    json::value applied = RunJson("run c.yaml --apply --report apply.json");
    ASSERT_EQ(last_code_, 0) << "v" << version << ": " << last_err_;
    const json::value report = json::parse(ReadFile(dir_ / "apply.json"));
    std::set<std::string> changed_fields;
    for (const auto& c : report.at("changes").as_array()) {
      changed_fields.insert(std::string(c.at("field").as_string()));
    }
    EXPECT_TRUE(changed_fields.count("legal_form")) << version;
    EXPECT_TRUE(changed_fields.count("seniority")) << version;
    EXPECT_GT(report.at("writes").at("not_in_pardot_skipped").as_int64(), 100) << version;
    EXPECT_GT(report.at("writes").at("confirmed").as_int64(), 100) << version;
    EXPECT_GT(report.at("api").at("requests").as_int64(), 2) << version;
    EXPECT_FALSE(report.at("api").at("by_endpoint").as_object().empty()) << version;
    const json::value log = Get(emulator, "/_emulator/writes");
    std::size_t writes = 0;
    for (const auto& [id, per_prospect] : log.at("prospects").as_object()) {
      for (const auto& write : per_prospect.as_array()) {
        for (const auto& f : write.as_array()) {
          const std::string field(f.as_string());
          EXPECT_TRUE(field != "legal_form" && field != "seniority" && field != "function" &&
                      field.find("__c") == std::string::npos)
              << "v" << version << " sent " << field << " for " << id;
          ++writes;
        }
      }
    }
    EXPECT_GT(writes, 100u) << version;
  }
}

TEST_F(PardotRunTest, ParallelPullsShareTheFiveSlotsAndResumeRangeByRange) {
  ASSERT_EQ(Shell(GenerateBinary() + " --count 6000 --seed 8 --output p.csv", dir_).code, 0);
  const std::string data = dir_ / "p.csv";
  EmulatorProcess reference({"--token", "tok", "--ampsea", "--prospects", data});
  WriteFile(dir_ / "ref.yaml", Config(reference, 4, "{ access_token: tok }"));
  ASSERT_EQ(Clean("run ref.yaml --apply -q --journal ref.db").code, 0);

  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", data, "--p-66", "0.10",
                            "--seed", "4", "--latency-ms", "10", "--daily-limit", "45"});
  WriteFile(dir_ / "c.yaml",
            Config(emulator, 4, "{ access_token: tok }", "    parallel_pulls: 4\n"));
  json::value stopped = RunJson("run c.yaml --apply");
  ASSERT_EQ(last_code_, 3) << last_err_;
  HttpClient(emulator.url()).Post("/_emulator/day", "", {});
  const std::string run_id(stopped.at("run_id").as_string());
  Output resumed = Clean("resume " + run_id + " -q");
  for (int day = 0; day < 5 && resumed.code == 3; ++day) {  // a small budget may take days
    HttpClient(emulator.url()).Post("/_emulator/day", "", {});
    resumed = Clean("resume " + run_id + " -q");
  }
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_LE(Get(emulator, "/_emulator/stats").at("max_in_flight").as_int64(), 5);
  // Same end state as the uninterrupted run, and no prospect written twice.
  EXPECT_EQ(State(emulator), State(reference));
  const json::value log = Get(emulator, "/_emulator/writes");
  EXPECT_GT(log.at("prospects").as_object().size(), 1000u);
  for (const auto& [id, writes] : log.at("prospects").as_object()) {
    EXPECT_EQ(writes.as_array().size(), 1u) << id;
  }
}

TEST_F(PardotRunTest, V3AndV5DryRunsWriteNothingAndApplySendsOnlyTheChanges) {
  for (int version : {3, 5}) {
    SCOPED_TRACE(version);
    std::vector<std::string> args = {"--token", "tok", "--prospects", kSamples};
    if (version == 5) args.push_back("--ampsea");
    EmulatorProcess emulator(args);
    WriteFile(dir_ / "c.yaml", Config(emulator, version, "{ access_token: tok }"));
    const auto before = State(emulator);
    const std::string journal = " --journal j" + std::to_string(version) + ".db";
    RunJson("run c.yaml --report dry" + std::to_string(version) + ".json" + journal);
    ASSERT_EQ(last_code_, 0) << last_err_;
    EXPECT_EQ(State(emulator), before);
    EXPECT_EQ(Get(emulator, "/_emulator/writes").at("total_writes").as_int64(), 0);
    json::value applied = RunJson("run c.yaml --apply" + journal);
    ASSERT_EQ(last_code_, 0) << last_err_;
    EXPECT_GT(applied.at("writes_confirmed").as_int64(), 100);
    // Each written prospect got exactly the fields the dry run reported, once.
    std::map<std::string, std::set<std::string>> reported;
    const json::value dry =
        json::parse(ReadFile(dir_ / ("dry" + std::to_string(version) + ".json")));
    for (const auto& c : dry.at("changes").as_array()) {
      reported[std::string(c.at("id").as_string())].insert(std::string(c.at("field").as_string()));
    }
    const json::value log = Get(emulator, "/_emulator/writes");
    EXPECT_EQ(log.at("total_writes").as_int64(), applied.at("writes_confirmed").as_int64());
    for (const auto& [id, writes] : log.at("prospects").as_object()) {
      ASSERT_EQ(writes.as_array().size(), 1u) << id;
      std::set<std::string> sent;
      for (const auto& f : writes.at(0).as_array()) sent.insert(std::string(f.as_string()));
      EXPECT_EQ(sent, reported[std::string(id)]) << id;
    }
    json::value again = RunJson("run c.yaml" + journal);
    ASSERT_EQ(last_code_, 0) << last_err_;
    EXPECT_EQ(again.at("records_changed").as_int64(), applied.at("writes_failed").as_int64());
    const json::value stats = Get(emulator, "/_emulator/stats");
    if (version == 5) {
      EXPECT_EQ(Count(stats, "v5 PATCH prospects/{id}"), applied.at("writes_planned").as_int64());
    }
  }
}

TEST_F(PardotRunTest, DailyLimitStopsWithExitThreeAndResumeCompletes) {
  const std::string big = dir_ / "p.csv";
  ASSERT_EQ(Shell(GenerateBinary() + " --count 4000 --seed 5 --output p.csv", dir_).code, 0);
  EmulatorProcess emulator(
      {"--token", "tok", "--ampsea", "--prospects", big, "--daily-limit", "30"});
  WriteFile(dir_ / "c.yaml", Config(emulator, 4, "{ access_token: tok }"));
  json::value stopped = RunJson("run c.yaml --apply");
  ASSERT_EQ(last_code_, 3) << last_err_;
  EXPECT_NE(last_err_.find("resume"), std::string::npos);
  const std::string run_id(stopped.at("run_id").as_string());

  const Output refused = Clean("resume " + run_id);  // still the same day
  EXPECT_EQ(refused.code, 3);
  HttpClient(emulator.url()).Post("/_emulator/day", "", {});
  const Output resumed = Clean("resume " + run_id + " --json -q");
  ASSERT_EQ(resumed.code, 0) << resumed.err;

  auto journal = Journal::Open(dir_ / "pardot-clean.db");
  ASSERT_TRUE(journal.ok());
  auto ops = (*journal)->Operations(run_id);
  ASSERT_TRUE(ops.ok());
  for (const auto& op : *ops) {
    EXPECT_TRUE(op.state == OpState::kConfirmed || op.state == OpState::kFailed) << op.op_id;
  }
  EXPECT_EQ((*(*journal)->FindRun(run_id))->state, "done");

  HttpClient(emulator.url()).Post("/_emulator/day", "", {});
  json::value check = RunJson("run c.yaml");
  ASSERT_EQ(last_code_, 0) << last_err_;
  long long failed = 0;
  for (const auto& op : *ops) failed += op.state == OpState::kFailed;
  EXPECT_EQ(check.at("records_changed").as_int64(), failed);
}

TEST_F(PardotRunTest, RefreshesAnExpiredTokenOnceAndFailsAuthWithExitFour) {
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", kSamples, "--client-id",
                            "cid", "--client-secret", "sec", "--refresh-token", "ref"});
  const std::string refresh = "{ access_token: stale, refresh: { token_url: \"" + emulator.url() +
                              "/services/oauth2/token\", client_id: cid, client_secret: sec, "
                              "refresh_token: ref } }";
  WriteFile(dir_ / "c.yaml", Config(emulator, 4, refresh));
  json::value run = RunJson("run c.yaml");
  ASSERT_EQ(last_code_, 0) << last_err_;
  EXPECT_EQ(Count(Get(emulator, "/_emulator/stats"), "oauth token"), 1);

  WriteFile(dir_ / "bad.yaml", Config(emulator, 4, "{ access_token: wrong }"));
  const Output bad = Clean("run bad.yaml");
  EXPECT_EQ(bad.code, 4) << bad.err;
  EXPECT_EQ(bad.err.find("wrong"), std::string::npos);  // the token is never printed
}

TEST_F(PardotRunTest, UndoRestoresWhatTheRunWroteAndLeavesLaterEditsAlone) {
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", kSamples});
  WriteFile(dir_ / "c.yaml", Config(emulator, 4, "{ access_token: tok }"));
  const auto before = State(emulator);
  json::value applied = RunJson("run c.yaml --apply --report apply.json");
  ASSERT_EQ(last_code_, 0) << last_err_;
  const std::string run_id(applied.at("run_id").as_string());
  // Someone edits a field the run wrote.
  json::value first;
  const json::value apply_report = json::parse(ReadFile(dir_ / "apply.json"));
  for (const auto& c : apply_report.at("changes").as_array()) {
    if (c.at("field").as_string() == "last_name") {
      first = c;
      break;
    }
  }
  ASSERT_TRUE(first.is_object());
  const std::string edited_id(first.at("id").as_string());
  const std::string edited_field(first.at("field").as_string());
  HttpClient client(emulator.url());
  const auto patched = client.Post("/api/prospect/version/4/do/update/id/" + edited_id,
                                   "format=json&" + edited_field + "=Edited",
                                   {{"Authorization", "Bearer tok"},
                                    {"Pardot-Business-Unit-Id", kUnit},
                                    {"Content-Type", "application/x-www-form-urlencoded"}});
  ASSERT_EQ(patched.status, 200) << patched.body;

  const Output dry = Clean("undo " + run_id + " --report undo.json");
  ASSERT_EQ(dry.code, 0) << dry.err;
  EXPECT_NE(dry.out.find("1 conflicts"), std::string::npos) << dry.out;
  const auto unchanged = State(emulator);
  EXPECT_EQ(unchanged.at(edited_id).at(edited_field), "Edited");  // a dry undo writes nothing

  const Output undone = Clean("undo " + run_id + " --apply --json -q --report undone.json");
  ASSERT_EQ(undone.code, 0) << undone.err;
  std::set<std::string> refused;  // prospects Pardot would not take the old values back for
  const json::value undone_report = json::parse(ReadFile(dir_ / "undone.json"));
  for (const auto& r : undone_report.at("rejected").as_array()) {
    const std::string reason(r.at("reason").as_string());
    if (reason.rfind("conflict", 0) != 0) refused.insert(std::string(r.at("id").as_string()));
  }
  const auto after = State(emulator);
  EXPECT_EQ(after.at(edited_id).at(edited_field), "Edited");  // the later edit survives
  std::size_t restored = 0;
  for (const auto& [id, fields] : before) {
    if (refused.count(id)) continue;
    for (const auto& [field, value] : fields) {
      if (field == "updated_at" || (id == edited_id && field == edited_field)) continue;
      const auto& now = after.at(id);
      EXPECT_EQ(now.count(field) ? now.at(field) : "", value) << id << " " << field;
      ++restored;
    }
  }
  EXPECT_GT(restored, 10000u);
  auto journal = Journal::Open(dir_ / "pardot-clean.db");
  auto runs = (*journal)->Runs();
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[1].kind, "undo");
  EXPECT_EQ((*runs)[1].undo_of, run_id);
}

TEST_F(PardotRunTest, ConfigurationMistakesExitTwo) {
  EmulatorProcess emulator({"--token", "tok"});
  std::string config = Config(emulator, 4, "{ access_token: tok }");
  config.replace(config.find(kUnit), 18, "0Uv0001");
  WriteFile(dir_ / "c.yaml", config);
  const Output r = Clean("run c.yaml");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("business_unit_id"), std::string::npos);
}

TEST_F(PardotRunTest, SurvivesInjectedFaults) {
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", kSamples, "--p-66", "0.15",
                            "--p-5xx", "0.05", "--seed", "3"});
  WriteFile(dir_ / "c.yaml", Config(emulator, 4, "{ access_token: tok }"));
  json::value applied = RunJson("run c.yaml --apply");
  ASSERT_EQ(last_code_, 0) << last_err_;
  EXPECT_GT(applied.at("writes_confirmed").as_int64(), 100);
  HttpClient(emulator.url())
      .Post("/_emulator/faults", "{}", {{"Content-Type", "application/json"}});
  json::value again = RunJson("run c.yaml");
  ASSERT_EQ(last_code_, 0) << last_err_;
  EXPECT_EQ(again.at("records_changed").as_int64(), applied.at("writes_failed").as_int64());
}

}  // namespace
}  // namespace pdc::e2e

namespace pdc::e2e {
namespace {

TEST(PlanCommandTest, EstimatesRequestsAgainstTheBudget) {
  TempDir dir;
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", kSamples});
  WriteFile(dir / "c.yaml", Config(emulator, 4, "{ access_token: tok }"));
  const Output plan = Shell(CleanBinary() + " plan c.yaml --json", dir);
  ASSERT_EQ(plan.code, 0) << plan.err;
  const json::value v = json::parse(plan.out);
  EXPECT_EQ(v.at("prospects").as_int64(), 1000);
  EXPECT_EQ(v.at("requests").at("pages").as_int64(), 6);
  EXPECT_EQ(v.at("budget_remaining").as_int64(), 25000 - 500 - 2);  // the plan's two requests
  // The estimate comes from the rules on a sample: close to what a dry run finds.
  const Output dry = Shell(CleanBinary() + " run c.yaml --json -q", dir);
  ASSERT_EQ(dry.code, 0) << dry.err;
  const double actual = static_cast<double>(json::parse(dry.out).at("records_changed").as_int64());
  const double estimated = static_cast<double>(v.at("estimated_changed").as_int64());
  EXPECT_NEAR(estimated, actual, actual * 0.5);
}

}  // namespace
}  // namespace pdc::e2e

namespace pdc::e2e {
namespace {

TEST(V5PullTest, RestartsAfterTheSequenceCapAndMissesNothing) {
  TempDir dir;
  // A cap of 300 records per token sequence: 1,000 prospects need three restarts.
  EmulatorProcess emulator(
      {"--token", "tok", "--ampsea", "--prospects", kSamples, "--v5-sequence-cap", "300"});
  std::string config = Config(emulator, 5, "{ access_token: tok }");
  WriteFile(dir / "c.yaml", config);
  const Output dry = Shell(CleanBinary() + " run c.yaml --json -q", dir);
  ASSERT_EQ(dry.code, 0) << dry.err;
  // Every prospect exactly once (the pull is a keyset on id, restarted above the highest id).
  EXPECT_EQ(json::parse(dry.out).at("records_in").as_int64(), 1000);
  const json::value stats = Get(emulator, "/_emulator/stats");
  EXPECT_GE(Count(stats, "v5 GET prospects"), 4);
  // An incremental pull: only prospects updated after a time.
  config.replace(config.find("    edition:"), 0, "    filter: { updated_after: \"2026-01-01\" }\n");
  WriteFile(dir / "recent.yaml", config);
  const Output recent = Shell(CleanBinary() + " run recent.yaml --json -q", dir);
  ASSERT_EQ(recent.code, 0) << recent.err;
  const long long n = json::parse(recent.out).at("records_in").as_int64();
  EXPECT_GT(n, 0);
  EXPECT_LT(n, 1000);
}

}  // namespace
}  // namespace pdc::e2e
