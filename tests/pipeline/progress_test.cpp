#include "pipeline/progress.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "tests/pipeline/captured_file.h"

namespace pdc {
namespace {

using std::chrono::milliseconds;

TEST(ProgressTextTest, ShowsCountAndRateWithoutAKnownTotal) {
  EXPECT_EQ(ProgressText("cleaning", {12345, 2.0, std::nullopt}, false),
            "cleaning: 12,345 records, 6,173/s");
  EXPECT_EQ(ProgressText("cleaning", {0, 0.0, std::nullopt}, false), "cleaning: 0 records, 0/s");
}

TEST(ProgressTextTest, AddsTheShareDoneAndAnEtaOnceItIsWorthShowing) {
  // A quarter done in 10 s: 30 s to go.
  EXPECT_EQ(ProgressText("cleaning", {250000, 10.0, 0.25}, false),
            "cleaning: 250,000 records, 25,000/s, 25%, ETA 30s");
  // Too early for an ETA: under a second, or under 1% done.
  EXPECT_EQ(ProgressText("cleaning", {100, 0.5, 0.25}, false), "cleaning: 100 records, 200/s, 25%");
  EXPECT_EQ(ProgressText("cleaning", {100, 5.0, 0.005}, false), "cleaning: 100 records, 20/s, 0%");
  EXPECT_EQ(ProgressText("cleaning", {100, 5.0, 1.0}, false), "cleaning: 100 records, 20/s, 100%");
}

TEST(ProgressTextTest, TheFinalLineGivesTheTimeTaken) {
  EXPECT_EQ(ProgressText("cleaning", {1000000, 125.0, 1.0}, true),
            "cleaning: 1,000,000 records in 2m05s, 8,000/s");
}

TEST(CountTextTest, SeparatesThousands) {
  EXPECT_EQ(CountText(0), "0");
  EXPECT_EQ(CountText(999), "999");
  EXPECT_EQ(CountText(1000), "1,000");
  EXPECT_EQ(CountText(1234567), "1,234,567");
}

TEST(EtaSecondsTest, OnlyOnceEnoughIsDoneAndWhileSomethingIsLeft) {
  EXPECT_EQ(EtaSeconds(0.25, 10.0), 30.0);
  EXPECT_EQ(EtaSeconds(0.25, 0.5), std::nullopt);    // under a second in
  EXPECT_EQ(EtaSeconds(0.005, 50.0), std::nullopt);  // under 1% done
  EXPECT_EQ(EtaSeconds(1.0, 10.0), std::nullopt);    // nothing left
}

TEST(DurationTextTest, ReadsAsAPersonWouldSayIt) {
  EXPECT_EQ(DurationText(0.44), "0.4s");
  EXPECT_EQ(DurationText(17.2), "17s");
  EXPECT_EQ(DurationText(125), "2m05s");
  EXPECT_EQ(DurationText(3725), "1h02m");
}

class ProgressTest : public ::testing::Test {
 protected:
  Progress::Output Output(bool live, bool verbose) {
    Progress::Output output;
    output.live = live;
    output.verbose = verbose;
    output.to = captured_.get();
    output.clock = [this] { return now_; };
    return output;
  }
  std::string Written() const { return captured_.Written(); }

  CapturedFile captured_;
  std::chrono::steady_clock::time_point now_{std::chrono::seconds(1000)};
};

TEST_F(ProgressTest, RedrawsInPlaceAtMostEveryFifthOfASecond) {
  double done = 0;
  {
    Progress progress("cleaning", Output(true, false));
    progress.SetDone([&done] { return done; });
    now_ += milliseconds(2000);
    done = 0.5;
    progress.Advance(1000);  // drawn
    now_ += milliseconds(100);
    progress.Advance(1000);  // too soon
    now_ += milliseconds(2000);
    done = 1.0;
    progress.Advance(2000);  // drawn
  }
  EXPECT_EQ(Written(),
            "\r\033[Kcleaning: 1,000 records, 500/s, 50%, ETA 2.0s"
            "\r\033[Kcleaning: 4,000 records, 976/s, 100%"
            "\r\033[Kcleaning: 4,000 records in 4.1s, 976/s\n");
}

TEST_F(ProgressTest, OffATerminalOnlyVerboseGetsTheFinalLine) {
  {
    Progress quiet("cleaning", Output(false, false));
    now_ += milliseconds(1000);
    quiet.Advance(10);
  }
  EXPECT_EQ(Written(), "");
  {
    Progress verbose("cleaning", Output(false, true));
    now_ += milliseconds(1000);
    verbose.Advance(10);
    verbose.Done();
  }
  EXPECT_EQ(Written(), "cleaning: 10 records in 1.0s, 10/s\n");
}

}  // namespace
}  // namespace pdc
