// End-to-end safety of Pardot runs against the emulator: secrets never leak, tokens are
// refreshed once when they expire mid-run, a refused refresh stops cleanly, and a run killed
// (SIGKILL) at any point of its push resumes with no write lost or doubled.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <set>
#include <thread>

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

std::string Config(const EmulatorProcess& emulator, const std::string& auth, int version = 4) {
  return "version: 1\nsource:\n  pardot:\n    api_version: " + std::to_string(version) +
         "\n    base_url: \"" + emulator.url() + "\"\n    business_unit_id: " + kUnit +
         "\n    auth: " + auth +
         "\n    edition: growth\n"
         "rules:\n"
         "  - text: { fields: [first_name, last_name, company, job_title, city, country] }\n"
         "  - name_case: { fields: [first_name, last_name] }\n"
         "  - email: {}\n";
}

std::string RefreshAuth(const EmulatorProcess& emulator, const std::string& refresh_token) {
  return "{ refresh: { token_url: \"" + emulator.url() +
         "/services/oauth2/token\", client_id: cid, client_secret: very-secret-client, "
         "refresh_token: " +
         refresh_token + " } }";
}

json::value Get(const EmulatorProcess& emulator, const std::string& path) {
  return json::parse(HttpClient(emulator.url()).Get(path, {}).body);
}

long long Count(const json::value& stats, const std::string& endpoint) {
  const auto* n = stats.at("by_endpoint").as_object().if_contains(endpoint);
  return n ? n->as_int64() : 0;
}

// prospect id -> field -> value, without the timestamps a write moves.
std::map<long long, std::map<std::string, std::string>> State(const EmulatorProcess& emulator) {
  std::map<long long, std::map<std::string, std::string>> state;
  const json::value doc = Get(emulator, "/_emulator/state");
  for (const auto& p : doc.at("units").at(0).at("prospects").as_array()) {
    auto& fields = state[p.at("id").as_int64()];
    for (const auto& [k, v] : p.at("values").as_object()) {
      if (k != "updated_at" && v.is_string()) fields[std::string(k)] = std::string(v.as_string());
    }
  }
  return state;
}

// How many writes each prospect received, from the emulator's write log.
std::map<std::string, std::size_t> WritesPerProspect(const EmulatorProcess& emulator) {
  std::map<std::string, std::size_t> writes;
  const json::value log = Get(emulator, "/_emulator/writes");
  for (const auto& [id, list] : log.at("prospects").as_object()) {
    writes[std::string(id)] = list.as_array().size();
  }
  return writes;
}

TEST(PardotSafetyTest, SecretsNeverReachOutputReportsOrTheJournal) {
  TempDir dir;
  EmulatorProcess emulator({"--token", "tok-XYZZY-1234", "--ampsea", "--prospects", kSamples,
                            "--client-id", "cid", "--client-secret", "very-secret-client",
                            "--refresh-token", "refresh-QWERTY-5678"});
  // A stale token forces a refresh, so every secret is used at least once.
  WriteFile(dir / "c.yaml",
            Config(emulator, "{ access_token: stale-ASDFG-0000, refresh: { token_url: \"" +
                                 emulator.url() +
                                 "/services/oauth2/token\", client_id: cid, client_secret: "
                                 "very-secret-client, refresh_token: refresh-QWERTY-5678 } }"));
  std::string everything;
  for (const std::string args :
       {"plan c.yaml", "run c.yaml --report dry.json --report dry.csv",
        "run c.yaml --apply --report apply.json --json", "runs", "runs --json"}) {
    const Output r = Shell(CleanBinary() + " " + args, dir);
    ASSERT_TRUE(r.code == 0) << args << ": " << r.err;
    everything += r.out + r.err;
  }
  const auto runs = (*Journal::Open(dir / "pardot-clean.db"))->Runs();
  const Output undo =
      Shell(CleanBinary() + " undo " + (*runs)[1].run_id + " --apply --report undo.json", dir);
  ASSERT_EQ(undo.code, 0) << undo.err;
  everything += undo.out + undo.err;
  for (const char* file : {"dry.json", "dry.csv", "apply.json", "undo.json", "pardot-clean.db",
                           "pardot-clean.db-wal"}) {
    everything += ReadFile(dir / file);
  }
  ASSERT_GT(everything.size(), 10000u);
  for (const char* secret : {"XYZZY", "QWERTY", "ASDFG", "very-secret-client"}) {
    EXPECT_EQ(everything.find(secret), std::string::npos) << secret;
  }
  // The emulator saw the access token: the search above would have found a leak.
  EXPECT_GE(Count(Get(emulator, "/_emulator/stats"), "oauth token"), 1);
}

TEST(PardotSafetyTest, ATokenExpiringMidRunIsRefreshedOnceAndTheRunGoesOn) {
  TempDir dir;
  EmulatorProcess emulator({"--ampsea", "--prospects", kSamples, "--client-id", "cid",
                            "--client-secret", "very-secret-client", "--refresh-token", "good",
                            "--latency-ms", "100"});
  WriteFile(dir / "c.yaml", Config(emulator, RefreshAuth(emulator, "good")));
  Output run;
  std::thread runner([&] { run = Shell(CleanBinary() + " run c.yaml --apply --json -q", dir); });
  // Once the run has its token and is pulling with it (however slowly this machine starts it),
  // the token expires.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    const json::value stats = Get(emulator, "/_emulator/stats");
    if (Count(stats, "oauth token") >= 1 && Count(stats, "v4 prospect query") >= 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  HttpClient(emulator.url()).Post("/_emulator/tokens/expire", "", {});
  runner.join();
  ASSERT_EQ(run.code, 0) << run.err;
  const json::value summary = json::parse(run.out);
  EXPECT_GT(summary.at("writes_confirmed").as_int64(), 100);
  EXPECT_EQ(summary.at("writes_unknown").as_int64(), 0);
  // One grant at the start (no access token configured), one after the expiry.
  EXPECT_EQ(Count(Get(emulator, "/_emulator/stats"), "oauth token"), 2);
}

TEST(PardotSafetyTest, ARefusedRefreshExitsFourAndWritesNothing) {
  TempDir dir;
  EmulatorProcess emulator({"--ampsea", "--prospects", kSamples, "--client-id", "cid",
                            "--client-secret", "very-secret-client", "--refresh-token", "good"});
  WriteFile(dir / "c.yaml", Config(emulator, RefreshAuth(emulator, "revoked")));
  const Output r = Shell(CleanBinary() + " run c.yaml --apply", dir);
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_NE(r.err.find("invalid_grant"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("revoked"), std::string::npos);  // the refresh token itself is not shown
  EXPECT_EQ(Count(Get(emulator, "/_emulator/stats"), "v4 prospect batchUpdate"), 0);
}

TEST(PardotSafetyTest, InjectedConcurrencyErrorsNeverPushPastFiveInFlight) {
  TempDir dir;
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", kSamples, "--p-66", "0.10",
                            "--latency-ms", "20", "--seed", "11"});
  WriteFile(dir / "c.yaml", Config(emulator, "{ access_token: tok }"));
  const Output r = Shell(CleanBinary() + " run c.yaml --apply --json -q", dir);
  ASSERT_EQ(r.code, 0) << r.err;
  const json::value stats = Get(emulator, "/_emulator/stats");
  EXPECT_LE(stats.at("max_in_flight").as_int64(), 5);
  EXPECT_GT(json::parse(r.out).at("writes_confirmed").as_int64(), 100);
}

TEST(PardotSafetyTest, KilledAtAnyPointOfThePushResumesWithNoWriteLostOrDoubled) {
  // 3,000 prospects at 100 ms a request. Each run is killed when the emulator has counted so many
  // requests of a kind: in the pull, after the first write, and well into the writes.
  TempDir data;
  ASSERT_EQ(Shell(GenerateBinary() + " --count 3000 --seed 21 --output p.csv", data).code, 0);
  const std::string prospects = data / "p.csv";
  // The expected end state: the same job, uninterrupted, on a second emulator.
  TempDir reference_dir;
  EmulatorProcess reference({"--token", "tok", "--ampsea", "--prospects", prospects});
  WriteFile(reference_dir / "c.yaml", Config(reference, "{ access_token: tok }"));
  ASSERT_EQ(Shell(CleanBinary() + " run c.yaml --apply -q", reference_dir).code, 0);
  const auto expected = State(reference);
  const long long reference_writes =
      Count(Get(reference, "/_emulator/stats"), "v4 prospect batchUpdate");
  ASSERT_GT(reference_writes, 12) << "too few writes to kill the run among them";

  const std::pair<const char*, long long> points[] = {
      {"v4 prospect query", 2}, {"v4 prospect batchUpdate", 1}, {"v4 prospect batchUpdate", 6}};
  for (const auto& [endpoint, count] : points) {
    SCOPED_TRACE(std::string(endpoint) + " " + std::to_string(count));
    TempDir dir;
    EmulatorProcess emulator(
        {"--token", "tok", "--ampsea", "--prospects", prospects, "--latency-ms", "100"});
    WriteFile(dir / "c.yaml", Config(emulator, "{ access_token: tok }"));
    Output killed;
    std::thread runner([&] {
      killed = Shell(
          "{ " + CleanBinary() + " run c.yaml --apply -q & echo $! > run.pid; wait $!; }", dir);
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline &&
           Count(Get(emulator, "/_emulator/stats"), endpoint) < count) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const pid_t pid = static_cast<pid_t>(std::stol(ReadFile(dir / "run.pid")));
    ::kill(pid, SIGKILL);
    runner.join();
    ASSERT_EQ(killed.code, 137) << "the run ended before it was killed: " << killed.err;
    auto journal = Journal::Open(dir / "pardot-clean.db");
    ASSERT_TRUE(journal.ok());
    auto runs = (*journal)->Runs();
    ASSERT_EQ(runs->size(), 1u);
    const std::string run_id = (*runs)[0].run_id;
    journal->reset();
    const Output resumed = Shell(CleanBinary() + " resume " + run_id + " -q", dir);
    ASSERT_EQ(resumed.code, 0) << resumed.err;
    EXPECT_EQ(State(emulator), expected);
    for (const auto& [id, n] : WritesPerProspect(emulator)) EXPECT_EQ(n, 1u) << "prospect " << id;
    EXPECT_EQ(WritesPerProspect(emulator).size(), WritesPerProspect(reference).size());
  }
}

}  // namespace
}  // namespace pdc::e2e
