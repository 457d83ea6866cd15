// End-to-end tests of the HTTP server over loopback, against the real pardot-emulator binary:
// concurrency and the in-flight limit, keep-alive, many connections, faults as a client sees
// them and their determinism, loading prospects, shutting down.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <boost/json.hpp>
#include <fstream>
#include <latch>
#include <set>
#include <thread>

#include "pipeline/record_io.h"
#include "tests/emulator/test_client.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;
using testing::EmulatorProcess;
using testing::HeaderList;
using testing::HttpAnswer;
using testing::HttpClient;

constexpr const char* kUnit = EmulatorProcess::kDefaultUnit;
constexpr const char* kV5 = "/api/v5/objects/prospects?fields=id";

HeaderList Auth(const std::string& unit = kUnit) {
  return {{"Authorization", "Bearer T"}, {"Pardot-Business-Unit-Id", unit}};
}

json::value Parse(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  return ec ? json::value() : v;
}

json::value Stats(HttpClient& client) { return Parse(client.Get("/_emulator/stats").body); }

// The stats once no request is in flight. A slot is freed just after the answer is written, so a
// client may read its answer a moment before that.
json::value IdleStats(HttpClient& client) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  json::value stats = Stats(client);
  while (stats.at("units").at(kUnit).at("in_flight") != 0 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    stats = Stats(client);
  }
  return stats;
}

TEST(ServerTest, SixthConcurrentRequestGets66) {
  EmulatorProcess emulator({"--token", "T", "--latency-ms", "300"});
  constexpr int kClients = 6;
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(std::make_unique<HttpClient>(emulator.url()));
    clients.back()->Get("/_emulator/health");  // connect before the race
  }
  std::vector<HttpAnswer> answers(kClients);
  std::latch start(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      answers[i] = clients[i]->Get(kV5, Auth());
    });
  }
  for (auto& t : threads) t.join();
  int rejected = 0;
  for (const auto& a : answers) {
    ASSERT_TRUE(a.ok()) << a.error_text;
    if (a.status == 429) {
      ++rejected;
      EXPECT_EQ(Parse(a.body).at("code"), 66);
    }
  }
  EXPECT_EQ(rejected, 1);
  HttpClient admin(emulator.url());
  const json::value stats = IdleStats(admin);
  EXPECT_EQ(stats.at("units").at(kUnit).at("max_in_flight"), 5);
  EXPECT_EQ(stats.at("max_in_flight"), 5);
  EXPECT_EQ(stats.at("errors").at("66"), 1);
  EXPECT_EQ(stats.at("units").at(kUnit).at("in_flight"), 0);
}

TEST(ServerTest, ConsecutiveRequestsReuseTheConnection) {
  EmulatorProcess emulator({"--token", "T"});
  HttpClient client(emulator.url());
  EXPECT_EQ(client.Get(kV5, Auth()).new_connections, 1);
  for (int i = 0; i < 5; ++i) {
    const HttpAnswer a =
        i % 2 == 0 ? client.Get(kV5, Auth())
                   : client.Post("/api/prospect/version/3/do/query", "format=json&limit=1", Auth());
    ASSERT_TRUE(a.ok()) << a.error_text;
    EXPECT_EQ(a.new_connections, 0) << "request " << i;
  }
  // The server honours "Connection: close", and the next request reconnects.
  HeaderList closing = Auth();
  closing.emplace_back("Connection", "close");
  EXPECT_EQ(client.Get(kV5, closing).Header("connection"), "close");
  EXPECT_EQ(client.Get(kV5, Auth()).new_connections, 1);
}

TEST(ServerTest, ServesFiftyParallelConnections) {
  EmulatorProcess emulator({"--latency-ms", "100"});
  constexpr int kClients = 50;
  std::vector<HttpAnswer> answers(kClients);
  std::latch start(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      HttpClient client(emulator.url());
      start.arrive_and_wait();
      answers[i] = client.Post("/services/oauth2/token",
                               "grant_type=refresh_token&client_id=pardot-emulator-client-id"
                               "&client_secret=pardot-emulator-client-secret"
                               "&refresh_token=pardot-emulator-refresh-token");
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> tokens;
  for (const auto& a : answers) {
    ASSERT_TRUE(a.ok()) << a.error_text;
    ASSERT_EQ(a.status, 200) << a.body;
    tokens.insert(std::string(Parse(a.body).at("access_token").as_string()));
  }
  EXPECT_EQ(tokens.size(), 50u);
  HttpClient admin(emulator.url());
  EXPECT_EQ(Stats(admin).at("by_endpoint").at("oauth token"), 50);
}

// What a client sees of one request, in a word.
std::string Outcome(const HttpAnswer& a) {
  if (!a.ok()) return "transport";
  if (a.status >= 500) return "5xx";
  if (a.status == 429) return "66";
  return Parse(a.body).is_object() ? "answer" : "malformed";
}

std::vector<std::string> Outcomes(const std::string& url, int n) {
  std::vector<std::string> out;
  HttpClient client(url);
  for (int i = 0; i < n; ++i) out.push_back(Outcome(client.Get(kV5, Auth())));
  return out;
}

TEST(ServerTest, FaultsAreDeterministicUnderASeed) {
  const std::vector<std::string> faults = {"--token",       "T",    "--p-66",    "0.15",
                                           "--p-5xx",       "0.15", "--p-reset", "0.1",
                                           "--p-malformed", "0.15"};
  auto with_seed = [&](const char* seed) {
    std::vector<std::string> args = faults;
    args.insert(args.end(), {"--seed", seed});
    return args;
  };
  EmulatorProcess first(with_seed("42"));
  const std::vector<std::string> run1 = Outcomes(first.url(), 50);
  EmulatorProcess second(with_seed("42"));
  EXPECT_EQ(Outcomes(second.url(), 50), run1);
  EmulatorProcess other(with_seed("43"));
  EXPECT_NE(Outcomes(other.url(), 50), run1);

  // Every kind of fault shows up in 50 requests at these rates.
  const std::set<std::string> seen(run1.begin(), run1.end());
  EXPECT_EQ(seen, (std::set<std::string>{"answer", "5xx", "66", "transport", "malformed"}));

  // Replacing the settings at run time restarts the sequence.
  HttpClient admin(first.url());
  ASSERT_EQ(admin
                .Post("/_emulator/faults",
                      R"({"p_66":0.15,"p_5xx":0.15,"p_reset":0.1,"p_malformed":0.15,"seed":42})")
                .status,
            200);
  EXPECT_EQ(Outcomes(first.url(), 50), run1);
}

TEST(ServerTest, ClientSeesResetsMalformedAndSlowBodies) {
  EmulatorProcess emulator({"--token", "T"});
  HttpClient client(emulator.url());
  HttpClient admin(emulator.url());

  admin.Post("/_emulator/faults", R"({"p_reset":1})");
  const HttpAnswer reset = client.Get(kV5, Auth());
  EXPECT_FALSE(reset.ok());
  EXPECT_TRUE(reset.error == CURLE_RECV_ERROR || reset.error == CURLE_GOT_NOTHING)
      << reset.error_text;

  admin.Post("/_emulator/faults", R"({"p_malformed":1})");
  const HttpAnswer malformed = client.Get(kV5, Auth());
  ASSERT_TRUE(malformed.ok()) << malformed.error_text;
  EXPECT_FALSE(malformed.body.empty());
  EXPECT_FALSE(Parse(malformed.body).is_object()) << malformed.body;

  admin.Post("/_emulator/faults", R"({"p_5xx":1})");
  const HttpAnswer server_error = client.Get(kV5, Auth());
  EXPECT_GE(server_error.status, 500);
  EXPECT_LE(server_error.status, 504);

  admin.Post("/_emulator/faults", R"({"p_slow":1,"slow_body_ms":300})");
  const auto started = std::chrono::steady_clock::now();
  const HttpAnswer slow = client.Get(kV5, Auth());
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(250));
  ASSERT_TRUE(slow.ok()) << slow.error_text;
  EXPECT_TRUE(Parse(slow.body).is_object()) << slow.body;

  const json::value stats = IdleStats(admin);
  EXPECT_EQ(stats.at("faults").at("reset"), 1);
  EXPECT_EQ(stats.at("faults").at("malformed"), 1);
  EXPECT_EQ(stats.at("faults").at("5xx"), 1);
  EXPECT_EQ(stats.at("faults").at("slow"), 1);
  EXPECT_EQ(stats.at("units").at(kUnit).at("in_flight"), 0);
}

TEST(ServerTest, LoadsTheSampleProspects) {
  const std::string csv = std::string(PDC_SOURCE_DIR) + "/samples/prospects.csv";
  EmulatorProcess emulator({"--prospects", csv});
  HttpClient client(emulator.url());
  const json::value state = Parse(client.Get("/_emulator/state").body);
  const auto& prospects = state.at("units").at(0).at("prospects").as_array();

  auto reader = OpenReader(csv, FileFormat::kCsv);
  ASSERT_TRUE(reader.ok());
  std::vector<Record> records;
  std::vector<RejectedRow> rejected;
  while ((*reader)->Next(records, 4096, rejected)) {
  }
  ASSERT_EQ(records.size(), 1000u);
  ASSERT_EQ(prospects.size(), records.size());
  std::set<long long> expected, loaded;
  for (const auto& r : records) expected.insert(std::stoll(r.id()));
  for (const auto& p : prospects) loaded.insert(p.at("id").as_int64());
  EXPECT_EQ(loaded, expected);

  // Timestamps are stored as epoch seconds and shown again in the unit's zone.
  const Record& sample = records[5];
  const json::value* match = nullptr;
  for (const auto& p : prospects) {
    if (p.at("id").as_int64() == std::stoll(sample.id())) match = &p;
  }
  ASSERT_NE(match, nullptr);
  EXPECT_EQ(match->at("local").at("created_at"),
            sample.Get(InternField("created_at")).text().c_str());
  EXPECT_EQ(match->at("values").at("email"), sample.Get(InternField("email")).text().c_str());
}

TEST(ServerTest, UnitsFromYaml) {
  const std::string dir = ::testing::TempDir();
  const std::string yaml = dir + "/emulator_units.yaml";
  const std::string jsonl = dir + "/emulator_units.jsonl";
  std::ofstream(jsonl) << R"({"id":7,"email":"x@example.com","Tags":["a","b"]})"
                       << "\n";
  std::ofstream(yaml) << "units:\n"
                         "  - id: 0Uv000000000002AAA\n"
                         "    environment: demo\n"
                         "    ampsea: true\n"
                         "    edition: growth\n"
                         "    timezone: Europe/Berlin\n"
                         "    prospects: emulator_units.jsonl\n"
                         "  - id: 0Uv000000000003AAA\n"
                         "    daily_limit: 10\n";
  EmulatorProcess emulator({"--units", yaml, "--token", "T"});
  HttpClient client(emulator.url());
  const json::value state = Parse(client.Get("/_emulator/state").body);
  const auto& units = state.at("units").as_array();
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].at("environment"), "demo");
  EXPECT_EQ(units[0].at("ampsea"), true);
  EXPECT_EQ(units[0].at("daily_limit"), 25000);
  EXPECT_EQ(units[0].at("prospects").at(0).at("multi").at("Tags"), (json::array{"a", "b"}));
  EXPECT_EQ(units[1].at("daily_limit"), 10);

  HeaderList demo = Auth("0Uv000000000002AAA");
  demo.emplace_back("Host", "pi.demo.pardot.com");
  EXPECT_NE(client.Get(kV5, demo).status, 403);
  HeaderList production = Auth("0Uv000000000003AAA");
  production.emplace_back("Host", "pi.demo.pardot.com");
  const HttpAnswer wrong_host = client.Get(kV5, production);
  EXPECT_EQ(wrong_host.status, 403);
  EXPECT_EQ(Parse(wrong_host.body).at("code"), 201);
  EXPECT_EQ(Parse(client.Get("/_emulator/state?unit=0Uv000000000003AAA").body)
                .at("units")
                .as_array()
                .size(),
            1u);
}

TEST(ServerTest, LargeBodiesAreAccepted) {
  EmulatorProcess emulator({});
  HttpClient client(emulator.url());
  std::string lines;
  for (int i = 0; i < 3000; ++i) {
    lines += R"({"email":"person)" + std::to_string(i) + R"(@example.com","company":"Example"})";
    lines += "\n";
  }
  // Over 1 KB, so libcurl asks "Expect: 100-continue" first.
  const HttpAnswer added = client.Post("/_emulator/prospects", lines);
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(Parse(added.body).at("added"), 3000);
}

TEST(ServerTest, StopsCleanlyOnSigterm) {
  EmulatorProcess emulator({});
  HttpClient client(emulator.url());
  EXPECT_EQ(client.Get("/_emulator/health").status, 200);
  const int status = emulator.Stop();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(ServerTest, RejectsBadStartupArguments) {
  EXPECT_THROW(EmulatorProcess({"--business-unit", "0Uv1"}), std::runtime_error);
  EXPECT_THROW(EmulatorProcess({"--edition", "ultimate"}), std::runtime_error);
  EXPECT_THROW(EmulatorProcess({"--prospects", "/nonexistent.csv"}), std::runtime_error);
}

}  // namespace
}  // namespace pdc::emulator
