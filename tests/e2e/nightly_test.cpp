// End-to-end: samples/nightly.sh, the nightly job the README schedules with cron or systemd,
// against the emulator: a night the daily limit stops exits 3 with the day's reports written; the
// next night resumes that run first, then runs again.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <ctime>

#include "tests/e2e/process.h"
#include "tests/emulator/test_client.h"

namespace pdc::e2e {
namespace {

namespace json = boost::json;
using emulator::testing::EmulatorProcess;
using emulator::testing::HttpClient;

TEST(NightlyTest, ANightStoppedByTheLimitIsResumedTheNextNight) {
  TempDir dir;
  ASSERT_EQ(Shell(GenerateBinary() + " --count 1000 --seed 3 --output p.csv", dir).code, 0);
  // Five pages to pull and twenty batches to write: the limit stops the first night.
  EmulatorProcess emulator({"--token", "tok", "--ampsea", "--prospects", dir / "p.csv",
                            "--daily-limit", "20"});
  const std::string job = std::string("PARDOT_BASE_URL=") + emulator.url() +
                          " PARDOT_ACCESS_TOKEN=tok PARDOT_CLEAN=" + CleanBinary() + " " +
                          PDC_SOURCE_DIR "/samples/nightly.sh " PDC_SOURCE_DIR
                          "/samples/pardot.yaml reports";
  const Output first = Shell(job, dir);
  ASSERT_EQ(first.code, 3) << first.out << first.err;
  EXPECT_EQ(first.out.find("resuming"), std::string::npos) << "nothing to resume yet";
  char today[16];
  const std::time_t now = std::time(nullptr);
  std::strftime(today, sizeof today, "%F", std::localtime(&now));
  EXPECT_FALSE(ReadFile(dir / ("reports/" + std::string(today) + ".json")).empty());

  const json::array stopped =
      json::parse(Shell(CleanBinary() + " runs --json", dir).out).as_array();
  ASSERT_EQ(stopped.size(), 1u);
  EXPECT_EQ(stopped[0].at("state").as_string(), "stopped_limit");
  const std::string run_id(stopped[0].at("run_id").as_string());

  HttpClient(emulator.url()).Post("/_emulator/day", "", {});  // the next night
  const Output next = Shell(job, dir);
  EXPECT_EQ(next.code, 0) << next.out << next.err;
  EXPECT_NE(next.out.find("resuming " + run_id), std::string::npos) << next.out << next.err;
  const json::array runs = json::parse(Shell(CleanBinary() + " runs --json", dir).out).as_array();
  ASSERT_GE(runs.size(), 2u);
  for (const auto& r : runs) {
    if (r.at("run_id").as_string() == run_id) {
      EXPECT_EQ(r.at("state").as_string(), "done") << "the stopped night finished";
    }
  }
}

}  // namespace
}  // namespace pdc::e2e
