// End-to-end dedupe against the Pardot emulator in a shared-email (AMPSEA) business unit: what a
// dry run reports, what an applied run writes (through the journal), and that `undo` restores
// the survivors and the losers.
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
using pdc::OpState;

constexpr const char* kUnit = EmulatorProcess::kDefaultUnit;  // the unit the emulator starts with

// Two people on one mailbox synced to different CRM contacts (kept apart); one person twice on
// another mailbox without CRM ids (merged), the newer copy opted out; a bystander.
constexpr const char* kProspects =
    "id,email,first_name,last_name,company,crm_contact_fid,opted_out,is_do_not_email,score,"
    "created_at,duplicate_of\n"
    "101,family@example.com,Ann,Lee,Acme,0035e000001AAAAAA1,false,false,5,2020-01-01 10:00:00,\n"
    "102,family@example.com,Ann,Lee,Acme,0035e000001BBBBBB2,false,false,7,2020-02-01 10:00:00,\n"
    "103,bob.stone@widgets.io,Bob,Stone,Widgets,,true,false,50,2022-03-01 10:00:00,\n"
    "104,Bob.Stone@widgets.io,Robert,Stone,Widgets,,false,false,20,2019-05-01 10:00:00,\n"
    "105,zed@else.org,Zed,Other,Else,,false,false,1,2021-01-01 10:00:00,\n";

std::string Config(const EmulatorProcess& emulator, int version, const std::string& extra = "") {
  return "version: 1\nsource:\n  pardot:\n    api_version: " + std::to_string(version) +
         "\n    base_url: \"" + emulator.url() + "\"\n    business_unit_id: " + kUnit +
         "\n    auth: { access_token: tok }\n"
         "rules:\n  - email: { key_to: email_key }\n"
         "dedupe:\n  shared_email: keep_distinct_crm\n"
         "  survivor: { order: [crm_synced, oldest_created] }\n  fields: { score: max }\n" +
         extra;
}

// Ids of the prospects in the recycle bin.
std::set<std::string> Deleted(const EmulatorProcess& emulator) {
  std::set<std::string> ids;
  HttpClient client(emulator.url());
  const json::value doc = json::parse(client.Get("/_emulator/state", {}).body);
  for (const auto& p : doc.at("units").at(0).at("prospects").as_array()) {
    if (p.at("deleted").as_bool()) ids.insert(std::to_string(p.at("id").as_int64()));
  }
  return ids;
}

// prospect id -> field -> value, as the emulator holds them now.
std::map<std::string, std::map<std::string, std::string>> State(const EmulatorProcess& emulator) {
  std::map<std::string, std::map<std::string, std::string>> state;
  HttpClient client(emulator.url());
  const json::value doc = json::parse(client.Get("/_emulator/state", {}).body);
  for (const auto& p : doc.at("units").at(0).at("prospects").as_array()) {
    auto& fields = state[std::to_string(p.at("id").as_int64())];
    for (const auto& [k, v] : p.at("values").as_object()) {
      // updated_at moves with every write; an empty value is the same as none.
      if (v.is_string() && k != "updated_at" && !v.as_string().empty()) {
        fields[std::string(k)] = std::string(v.as_string());
      }
    }
  }
  return state;
}

std::string Field(const std::map<std::string, std::map<std::string, std::string>>& state,
                  const std::string& id, const std::string& field) {
  const auto& fields = state.at(id);
  const auto it = fields.find(field);
  return it == fields.end() ? "" : it->second;
}

class DedupeRunTest : public ::testing::TestWithParam<int> {
 protected:
  Output Clean(const std::string& args) { return Shell(CleanBinary() + " " + args, dir_); }
  TempDir dir_;
};

TEST_P(DedupeRunTest, SharedEmailsUnderKeepDistinctCrmThenUndo) {
  const int version = GetParam();
  WriteFile(dir_ / "prospects.csv", kProspects);
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", dir_ / "prospects.csv"});
  WriteFile(dir_ / "c.yaml", Config(emulator, version));
  const auto before = State(emulator);

  const Output dry = Clean("run c.yaml --report dry.json --json -q");
  ASSERT_EQ(dry.code, 0) << dry.err;
  if (version == 5) {
    // The rule's key is no field of this account: v5 leaves it out of the pull, and says so.
    EXPECT_NE(dry.err.find("no field email_key"), std::string::npos) << dry.err;
  }
  EXPECT_EQ(State(emulator), before);
  const json::value report = json::parse(ReadFile(dir_ / "dry.json"));
  const auto& clusters = report.at("clusters").as_array();
  ASSERT_EQ(clusters.size(), 1u) << json::serialize(clusters);
  const auto& cluster = clusters.at(0);
  EXPECT_EQ(cluster.at("id").as_string(), "104");  // the earliest created
  EXPECT_EQ(cluster.at("survivor").as_string(), "104");
  EXPECT_EQ(cluster.at("losers").at(0).as_string(), "103");
  EXPECT_EQ(cluster.at("action").as_string(), "merge");
  EXPECT_GE(report.at("dedupe").at("vetoed_pairs").as_int64(), 1)
      << "101 and 102 share a mailbox but are different CRM contacts";

  const Output applied = Clean("run c.yaml --apply --json -q --report apply.json");
  ASSERT_EQ(applied.code, 0) << applied.err;
  const json::value summary = json::parse(applied.out);
  const std::string run_id(summary.at("run_id").as_string());
  EXPECT_EQ(summary.at("writes_failed").as_int64(), 0);
  const auto after = State(emulator);
  // The survivor: the loser's higher score and its opt-out (v3/v4 cannot write opted_out, so the
  // opt-out arrives as do-not-email there).
  EXPECT_EQ(Field(after, "104", "score"), "50");
  if (version == 5) {
    EXPECT_EQ(Field(after, "104", "opted_out"), "true");
  } else {
    EXPECT_EQ(Field(after, "104", "is_do_not_email"), "true");
  }
  EXPECT_EQ(Field(after, "103", "duplicate_of"), "104");
  EXPECT_EQ(Field(after, "103", "opted_out"), "true");  // a loser keeps its own opt-out
  for (const char* id : {"101", "102", "105"}) {
    EXPECT_EQ(Field(after, id, "duplicate_of"), "") << id;
    EXPECT_EQ(Field(after, id, "score"), Field(before, id, "score")) << id;
  }

  const Output undone = Clean("undo " + run_id + " --apply --json -q");
  ASSERT_EQ(undone.code, 0) << undone.err;
  EXPECT_EQ(State(emulator), before);
}

TEST_P(DedupeRunTest, LosersDeletedOnlyWhenConfiguredAndUndoBringsThemBack) {
  const int version = GetParam();
  WriteFile(dir_ / "prospects.csv", kProspects);
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", dir_ / "prospects.csv"});
  WriteFile(dir_ / "c.yaml", Config(emulator, version, "  losers: delete\n"));
  const auto before = State(emulator);

  const Output applied = Clean("run c.yaml --apply --json -q --report apply.json");
  ASSERT_EQ(applied.code, 0) << applied.err;
  const json::value summary = json::parse(applied.out);
  EXPECT_EQ(summary.at("writes_deleted").as_int64(), 1);
  EXPECT_EQ(Deleted(emulator), std::set<std::string>{"103"});
  EXPECT_EQ(Field(State(emulator), "104", "score"), "50");
  const json::value report = json::parse(ReadFile(dir_ / "apply.json"));
  EXPECT_EQ(report.at("clusters").at(0).at("loser_action").as_string(), "delete");

  const Output undone =
      Clean("undo " + std::string(summary.at("run_id").as_string()) + " --apply --json -q");
  ASSERT_EQ(undone.code, 0) << undone.err;
  EXPECT_TRUE(Deleted(emulator).empty());
  EXPECT_EQ(State(emulator), before);
}

// Ids of the prospects on a static list.
std::set<std::string> OnList(const EmulatorProcess& emulator, long long list) {
  std::set<std::string> ids;
  HttpClient client(emulator.url());
  const json::value doc = json::parse(client.Get("/_emulator/state", {}).body);
  for (const auto& p : doc.at("units").at(0).at("prospects").as_array()) {
    for (const auto& m : p.at("lists").as_array()) {
      if (m.at("list_id").as_int64() == list) ids.insert(std::to_string(p.at("id").as_int64()));
    }
  }
  return ids;
}

TEST_P(DedupeRunTest, LosersGoOnTheFlagListAndUndoTakesThemOff) {
  const int version = GetParam();
  WriteFile(dir_ / "prospects.csv", kProspects);
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", dir_ / "prospects.csv"});
  WriteFile(dir_ / "c.yaml", Config(emulator, version,
                                    "  losers: { action: flag, field: duplicate_of, list: 77 }\n"));
  const auto before = State(emulator);

  const Output applied = Clean("run c.yaml --apply --json -q");
  ASSERT_EQ(applied.code, 0) << applied.err;
  const json::value summary = json::parse(applied.out);
  EXPECT_EQ(summary.at("writes_failed").as_int64(), 0);
  EXPECT_EQ(OnList(emulator, 77), std::set<std::string>{"103"});
  EXPECT_EQ(Field(State(emulator), "103", "duplicate_of"), "104");

  const Output undone =
      Clean("undo " + std::string(summary.at("run_id").as_string()) + " --apply --json -q");
  ASSERT_EQ(undone.code, 0) << undone.err;
  EXPECT_TRUE(OnList(emulator, 77).empty());
  EXPECT_EQ(State(emulator), before);
}

long long Queries(const EmulatorProcess& emulator) {
  HttpClient client(emulator.url());
  const json::value stats = json::parse(client.Get("/_emulator/stats", {}).body);
  const auto* n = stats.at("by_endpoint").as_object().if_contains("v4 prospect query");
  return n ? n->as_int64() : 0;
}

// A dedupe run plans, and journals, every write before it sends one: stopped by the daily limit
// while sending, `resume` only sends what is left, without pulling again; stopped while pulling,
// it starts over (clusters need every record).
TEST(DedupeResumeTest, StoppedWhileSendingResumesWithoutPulling) {
  TempDir dir;
  ASSERT_EQ(Shell(GenerateBinary() + " --count 4000 --seed 5 --output p.csv", dir).code, 0);
  // 21 pages to pull, then 9 of the writes.
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", dir / "p.csv",
                            "--custom-field", "duplicate_of", "--daily-limit", "30"});
  WriteFile(dir / "c.yaml", Config(emulator, 4));
  const Output stopped = Shell(CleanBinary() + " run c.yaml --apply --json -q", dir);
  ASSERT_EQ(stopped.code, 3) << stopped.err;
  const std::string run_id(json::parse(stopped.out).at("run_id").as_string());
  auto journal = Journal::Open(dir / "pardot-clean.db");
  ASSERT_TRUE(journal.ok());
  const auto planned = (*journal)->Operations(run_id);
  ASSERT_TRUE(planned.ok());
  EXPECT_GT(planned->size(), 9u * 50) << "every operation is journaled before the limit hit";

  HttpClient(emulator.url()).Post("/_emulator/day", "", {});
  HttpClient(emulator.url()).Post("/_emulator/stats/reset", "", {});
  const Output resumed = Shell(CleanBinary() + " resume " + run_id + " --json -q", dir);
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_EQ(Queries(emulator), 0) << "nothing pulled again";
  const auto ops = (*journal)->Operations(run_id);
  ASSERT_TRUE(ops.ok());
  EXPECT_EQ(ops->size(), planned->size()) << "nothing planned twice";
  for (const auto& op : *ops) {
    EXPECT_TRUE(op.state == OpState::kConfirmed || op.state == OpState::kFailed) << op.op_id;
  }
  EXPECT_EQ((*(*journal)->FindRun(run_id))->state, "done");
}

TEST(DedupeResumeTest, StoppedWhilePullingStartsOver) {
  TempDir dir;
  ASSERT_EQ(Shell(GenerateBinary() + " --count 4000 --seed 5 --output p.csv", dir).code, 0);
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", dir / "p.csv",
                            "--custom-field", "duplicate_of", "--daily-limit", "40"});
  WriteFile(dir / "c.yaml", Config(emulator, 4));
  // Someone else spent most of today's budget: the run stops during its pull of 21 pages.
  HttpClient client(emulator.url());
  for (int i = 0; i < 30; ++i) {
    client.Get("/api/prospect/version/4/do/query?format=json&limit=1",
               {{"Authorization", "Bearer tok"}, {"Pardot-Business-Unit-Id", kUnit}});
  }
  const Output stopped = Shell(CleanBinary() + " run c.yaml --apply --json -q", dir);
  ASSERT_EQ(stopped.code, 3) << stopped.err;
  const std::string run_id(json::parse(stopped.out).at("run_id").as_string());
  auto journal = Journal::Open(dir / "pardot-clean.db");
  ASSERT_TRUE(journal.ok());
  EXPECT_TRUE((*journal)->Operations(run_id)->empty())
      << "nothing planned from part of the records";

  // The next days: the pull starts over and fits; the writes take what is left, day after day.
  client.Post("/_emulator/stats/reset", "", {});
  Output resumed;
  for (int day = 0; day < 10; ++day) {
    client.Post("/_emulator/day", "", {});
    resumed = Shell(CleanBinary() + " resume " + run_id + " --json -q", dir);
    if (resumed.code != 3) break;
  }
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_EQ(Queries(emulator), 4000 / 200 + 1) << "one whole pull, from the start";
  EXPECT_EQ((*(*journal)->FindRun(run_id))->state, "done");
}

TEST(DedupeConfigTest, ValidateReportsEveryMistakeOfTheSectionAtOnce) {
  TempDir dir;
  WriteFile(dir / "bad.yaml",
            "version: 1\nrules:\n  - email: {}\ndedupe:\n  block: [emial_key]\n  match:\n"
            "    - [frist_name, last_name: 2]\n  fields: { opted_out: max }\n  losers: remove\n");
  const Output checked = Shell(CleanBinary() + " validate bad.yaml", dir);
  EXPECT_EQ(checked.code, 2);
  for (const char* expected :
       {"bad.yaml:5:11: dedupe.block: unknown blocking pass \"emial_key\" (did you mean",
        "bad.yaml:7:8: dedupe.match: unknown field \"frist_name\"",
        "bad.yaml:7:31: dedupe.match: the threshold of last_name",
        "bad.yaml:8:24: dedupe.fields.opted_out:", "bad.yaml:9:11: dedupe.losers:", "5 errors"}) {
    EXPECT_NE(checked.err.find(expected), std::string::npos) << expected << "\n" << checked.err;
  }
}

INSTANTIATE_TEST_SUITE_P(Versions, DedupeRunTest, ::testing::Values(4, 5),
                         [](const ::testing::TestParamInfo<int>& p) {
                           return "V" + std::to_string(p.param);
                         });

}  // namespace
}  // namespace pdc::e2e
