// End-to-end: a command plugin named by a config's `plugins:` list, run by the real binary: its
// rule is checked like a built-in one, cleans a file, and a batch it crashes on fails those
// records alone while the run goes on.
#include <gtest/gtest.h>

#include "tests/e2e/process.h"

namespace pdc::e2e {
namespace {

// Upper-cases `field` into `into`; crashes on a record whose field is "crash".
constexpr const char* kPlugin = R"PY(
import json, sys
for line in sys.stdin:
    msg = json.loads(line)
    if msg["type"] == "hello":
        print(json.dumps({"type": "hello", "protocol": 1, "rules": [{
            "name": "shout", "summary": "upper-cases a field",
            "options": [{"key": "field", "type": "field", "required": True, "doc": "read"},
                        {"key": "into", "type": "field", "default": "loud", "doc": "written"},
                        {"key": "mode", "type": "choice", "choices": "upper|title",
                         "default": "upper", "doc": "how"}]}]}), flush=True)
        continue
    o = msg["options"]
    out = []
    for r in msg["records"]:
        value = r["fields"].get(o["field"]) or ""
        if value == "crash":
            sys.exit(9)
        out.append({"key": r["key"], "set": {o["into"]: value.upper() if o["mode"] == "upper" else value.title()}})
    print(json.dumps({"type": "result", "id": msg["id"], "records": out}), flush=True)
)PY";

class CommandPluginRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.path() / "conf");
    WriteFile(dir_ / "conf/shout.py", kPlugin);
  }
  void Config(const std::string& rules, const std::string& extra = "") {
    WriteFile(dir_ / "conf/c.yaml", "version: 1\nplugins:\n  - command: [python3, shout.py]\n" +
                                        extra + "rules:\n" + rules);
  }
  Output Clean(const std::string& args) { return Shell(CleanBinary() + " " + args, dir_); }
  TempDir dir_;
};

TEST_F(CommandPluginRunTest, ARuleFromACommandCleansAFile) {
  Config("  - shout: { field: name }\n");
  WriteFile(dir_ / "in.csv", "id,name\n1,ada\n2,grace\n");
  const Output r = Clean("run conf/c.yaml --input in.csv --output out.csv --quiet");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir_ / "out.csv"), "id,name,loud\n1,ada,ADA\n2,grace,GRACE\n");
}

TEST_F(CommandPluginRunTest, ItsOptionsAreCheckedWhereTheyAre) {
  Config("  - shout: { field: name, mode: loudest, volume: 11 }\n  - shout: {}\n");
  const Output r = Clean("validate conf/c.yaml");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("c.yaml:5:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("volume"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("loudest"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("c.yaml:6:"), std::string::npos) << "the missing field option: " << r.err;
}

TEST_F(CommandPluginRunTest, ACrashFailsTheBatchItHeldAndTheRunGoesOn) {
  Config("  - shout: { field: name }\n", "    timeout_ms: 5000\n    processes: 1\n");
  // Three batches of 1,024 records; the plugin crashes on the middle one.
  std::string in = "id,name\n";
  for (int i = 0; i < 3 * 1024; ++i) {
    in += std::to_string(i) + "," + (i == 1500 ? "crash" : "x" + std::to_string(i)) + "\n";
  }
  WriteFile(dir_ / "in.csv", in);
  const Output r = Clean("run conf/c.yaml --input in.csv --output out.csv --report r.json --quiet");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string out = ReadFile(dir_ / "out.csv");
  EXPECT_NE(out.find("\n0,x0,X0\n"), std::string::npos);
  EXPECT_NE(out.find("\n3071,x3071,X3071\n"), std::string::npos) << "the batch after the crash";
  EXPECT_NE(out.find("\n1500,crash,\n"), std::string::npos) << "left as read";
  const std::string report = ReadFile(dir_ / "r.json");
  EXPECT_NE(report.find("exited with status 9 while holding this record"), std::string::npos);
}

TEST_F(CommandPluginRunTest, TheSchemaDescribesThePluginsRulesWithTheConfig) {
  Config("  - shout: { field: name }\n");
  const Output with = Clean("schema --config conf/c.yaml");
  ASSERT_EQ(with.code, 0) << with.err;
  EXPECT_NE(with.out.find("\"shout\""), std::string::npos);
  EXPECT_NE(with.out.find("upper-cases a field"), std::string::npos);
  const Output without = Clean("schema");
  ASSERT_EQ(without.code, 0) << without.err;
  EXPECT_EQ(without.out.find("\"shout\""), std::string::npos);
}

TEST_F(CommandPluginRunTest, ACommandThatCannotStartIsALocatedError) {
  WriteFile(dir_ / "conf/c.yaml",
            "version: 1\nplugins:\n  - command: [./missing-plugin]\n  - command: [python3, "
            "shout.py]\n    timeout_ms: 5\nrules: []\n");
  const Output r = Clean("validate conf/c.yaml");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("c.yaml:3:14: plugin ./missing-plugin: cannot start ./missing-plugin"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("c.yaml:5:17: plugins.timeout_ms: expected 100 to 3600000"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace pdc::e2e
