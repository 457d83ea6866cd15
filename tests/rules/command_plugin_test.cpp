// Command plugins against real processes: small Python plugins written for each case (a working
// one, one that crashes, hangs, answers malformed JSON or speaks another protocol).
#include "rules/command_plugin.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "rules/chain.h"

namespace pdc {
namespace {

// The plugin's behaviour per record comes from the record's `case` field: "crash" exits,
// "hang" sleeps, "garbage" answers malformed JSON, "refuse" answers an error for that record.
constexpr const char* kPlugin = R"PY(
import json, sys, time
PROTOCOL = int(sys.argv[1]) if len(sys.argv) > 1 else 1
for line in sys.stdin:
    msg = json.loads(line)
    if msg["type"] == "hello":
        print(json.dumps({"type": "hello", "protocol": PROTOCOL, "rules": [{
            "name": "segment", "version": 2, "summary": "puts prospects in lists",
            "options": [{"key": "lists", "type": "string_map", "required": True, "doc": "country -> list"},
                        {"key": "field", "type": "field", "default": "lists", "doc": "output"}]}]}),
              flush=True)
        continue
    out = []
    for r in msg["records"]:
        case = r["fields"].get("case")
        if case == "crash":
            sys.exit(3)
        if case == "hang":
            time.sleep(30)
        if case == "garbage":
            print("{not json", flush=True)
            break
        if case == "refuse":
            out.append({"key": r["key"], "error": "no country for " + r["id"]})
            continue
        lists = msg["options"]["lists"]
        country = r["fields"].get("country") or ""
        out.append({"key": r["key"], "set": {msg["options"]["field"]: lists.get(country)}})
    else:
        print(json.dumps({"type": "result", "id": msg["id"], "records": out}), flush=True)
)PY";

class CommandPluginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("pdc-command-plugin-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "segment.py") << kPlugin;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CommandPluginSettings Settings(std::vector<std::string> extra = {}) {
    CommandPluginSettings s;
    s.argv = {"python3", (dir_ / "segment.py").string()};
    s.argv.insert(s.argv.end(), extra.begin(), extra.end());
    s.timeout = std::chrono::milliseconds(3000);
    s.max_processes = 2;
    return s;
  }

  // A rule chain holding the plugin's rule with lists {US: "12", FR: "14"}.
  std::unique_ptr<RuleChain> Chain(const std::shared_ptr<CommandPlugin>& plugin) {
    Options options("segment", {});
    OptionValue lists;
    lists.type = OptionType::kStringMap;
    lists.present = true;
    lists.map = {{"US", "12"}, {"FR", "14"}};
    options.Put("lists", lists);
    OptionValue field;
    field.type = OptionType::kField;
    field.present = true;
    field.text = "lists";
    options.Put("field", field);
    auto chain = std::make_unique<RuleChain>();
    auto rule = plugin->MakeRule(plugin->rules().at(0), options);
    chain->Register(*rule, RuleInfo{"segment@2", {}, nullptr});
    chain->Append(std::move(rule));
    return chain;
  }

  static std::vector<Record> Records(const std::vector<std::pair<std::string, std::string>>& rows) {
    std::vector<Record> out;
    for (const auto& [country, kase] : rows) {
      Record r;
      r.set_id(std::to_string(1000 + out.size()));
      r.Load(InternField("country"), Value::Text(country));
      r.Load(InternField("case"), Value::Text(kase));
      out.push_back(std::move(r));
    }
    return out;
  }

  static std::string Failure(const Record& r) { return r.log() ? r.log()->failure : ""; }

  std::filesystem::path dir_;
};

TEST_F(CommandPluginTest, DescribesItsRulesAndSetsFieldsBatchByBatch) {
  auto plugin = CommandPlugin::Start(Settings());
  ASSERT_TRUE(plugin.ok()) << plugin.status().message();
  ASSERT_EQ((*plugin)->rules().size(), 1u);
  const PluginRuleDescription& rule = (*plugin)->rules()[0];
  EXPECT_EQ(rule.name, "segment");
  EXPECT_EQ(rule.version, 2);
  ASSERT_EQ(rule.options.size(), 2u);
  EXPECT_EQ(rule.options[0].key, "lists");
  EXPECT_EQ(rule.options[0].type, OptionType::kStringMap);
  EXPECT_TRUE(rule.options[0].required);
  EXPECT_EQ(rule.options[1].default_value, "lists");

  const auto chain = Chain(*plugin);
  auto records = Records({{"US", ""}, {"FR", ""}, {"DE", ""}, {"US", "refuse"}});
  chain->ApplyBatch(records);
  EXPECT_EQ(records[0].Get(InternField("lists")).text(), "12");
  EXPECT_EQ(records[1].Get(InternField("lists")).text(), "14");
  EXPECT_EQ(records[2].Get(InternField("lists")).kind(), Value::Kind::kNull);
  EXPECT_EQ(Failure(records[0]), "");
  EXPECT_NE(Failure(records[3]).find("no country for 1003"), std::string::npos) << Failure(records[3]);
  EXPECT_EQ(records[3].Find(InternField("lists")), nullptr) << "a failed record is left as read";
  // The same process answers the next batch.
  auto more = Records({{"FR", ""}});
  chain->ApplyBatch(more);
  EXPECT_EQ(more[0].Get(InternField("lists")).text(), "14");
  EXPECT_EQ((*plugin)->processes_started(), 1u);
}

TEST_F(CommandPluginTest, ACrashFailsOnlyTheBatchItHeldAndTheNextBatchGetsANewProcess) {
  auto plugin = CommandPlugin::Start(Settings());
  ASSERT_TRUE(plugin.ok()) << plugin.status().message();
  const auto chain = Chain(*plugin);
  auto held = Records({{"US", ""}, {"US", "crash"}});
  chain->ApplyBatch(held);
  for (const Record& r : held) {
    EXPECT_NE(Failure(r).find("exited with status 3 while holding this record"), std::string::npos)
        << Failure(r);
    EXPECT_NE(Failure(r).find("segment@2"), std::string::npos);
    EXPECT_EQ(r.Find(InternField("lists")), nullptr);
  }
  auto next = Records({{"US", ""}});
  chain->ApplyBatch(next);
  EXPECT_EQ(next[0].Get(InternField("lists")).text(), "12");
  EXPECT_EQ((*plugin)->processes_started(), 2u);
}

TEST_F(CommandPluginTest, AHangIsStoppedAtTheTimeout) {
  CommandPluginSettings settings = Settings();
  // Long enough for a new process's hello on a loaded machine (the timeout covers it too).
  settings.timeout = std::chrono::milliseconds(3000);
  auto plugin = CommandPlugin::Start(settings);
  ASSERT_TRUE(plugin.ok()) << plugin.status().message();
  const auto chain = Chain(*plugin);
  auto held = Records({{"US", "hang"}});
  const auto start = std::chrono::steady_clock::now();
  chain->ApplyBatch(held);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_NE(Failure(held[0]).find("did not answer within 3000 ms"), std::string::npos)
      << Failure(held[0]);
  auto next = Records({{"FR", ""}});
  chain->ApplyBatch(next);
  EXPECT_EQ(next[0].Get(InternField("lists")).text(), "14");
}

TEST_F(CommandPluginTest, MalformedJsonFailsTheBatchNotTheRun) {
  auto plugin = CommandPlugin::Start(Settings());
  ASSERT_TRUE(plugin.ok()) << plugin.status().message();
  const auto chain = Chain(*plugin);
  auto held = Records({{"US", "garbage"}, {"FR", ""}});
  chain->ApplyBatch(held);
  for (const Record& r : held) {
    EXPECT_NE(Failure(r).find("answered malformed JSON"), std::string::npos) << Failure(r);
  }
  auto next = Records({{"US", ""}});
  chain->ApplyBatch(next);
  EXPECT_EQ(next[0].Get(InternField("lists")).text(), "12");
}

TEST_F(CommandPluginTest, AnotherProtocolOrAMissingCommandIsRefusedAtStart) {
  auto other = CommandPlugin::Start(Settings({"7"}));
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.status().message().find("speaks protocol 7; pardot-clean speaks protocol 1"),
            std::string::npos)
      << other.status().message();
  CommandPluginSettings missing;
  missing.argv = {"/nonexistent/plugin"};
  auto none = CommandPlugin::Start(missing);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("cannot start /nonexistent/plugin"), std::string::npos)
      << none.status().message();
}

TEST_F(CommandPluginTest, BatchesFromSeveralThreadsShareTheProcesses) {
  auto plugin = CommandPlugin::Start(Settings());
  ASSERT_TRUE(plugin.ok()) << plugin.status().message();
  const auto chain = Chain(*plugin);
  std::vector<std::vector<Record>> batches;
  for (int b = 0; b < 8; ++b) batches.push_back(Records({{"US", ""}, {"FR", ""}}));
  std::vector<std::thread> threads;
  for (auto& batch : batches) threads.emplace_back([&] { chain->ApplyBatch(batch); });
  for (auto& t : threads) t.join();
  for (const auto& batch : batches) {
    EXPECT_EQ(batch[0].Get(InternField("lists")).text(), "12");
    EXPECT_EQ(batch[1].Get(InternField("lists")).text(), "14");
  }
  EXPECT_LE((*plugin)->processes_started(), 2u) << "at most max_processes";
}

}  // namespace
}  // namespace pdc
