#include "pipeline/run_progress.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "tests/pipeline/captured_file.h"

namespace pdc {
namespace {

using std::chrono::milliseconds;
using Step = DedupeSnapshot::Step;

PhaseSnapshot Phase(std::uint64_t done, std::optional<std::uint64_t> total, double seconds,
                    bool over = false) {
  return {done, total, seconds, over};
}

TEST(RunProgressTextTest, AV34PullWithItsCountShowsTheShareAndAnEta) {
  RunSnapshot s;
  s.pull = Phase(12000, 50000, 6.0);
  s.clean = Phase(11800, std::nullopt, 6.0);
  EXPECT_EQ(RunProgressText(s), "pulled 12,000/50,000 · cleaned 11,800 · 2,000/s · 24% · ETA 19s");
}

TEST(RunProgressTextTest, AV5PullHasNoCountSoNoShareAndNoEta) {
  RunSnapshot s;
  s.pull = Phase(12000, std::nullopt, 6.0);
  s.clean = Phase(11800, std::nullopt, 6.0);
  EXPECT_EQ(RunProgressText(s), "pulled 12,000 · cleaned 11,800 · 2,000/s");
  // Writes under way do not stand in for the pull's missing total while the pull goes.
  s.writes = Phase(3400, 3900, 5.0);
  EXPECT_EQ(RunProgressText(s), "pulled 12,000 · cleaned 11,800 · written 3,400/3,900 · 2,000/s");
}

TEST(RunProgressTextTest, WritesShowDoneOverPlannedAndPaceTheRunOnceThePullIsOver) {
  RunSnapshot s;
  s.pull = Phase(12000, 50000, 6.0);
  s.clean = Phase(11800, std::nullopt, 6.0);
  s.writes = Phase(3400, 3900, 5.0);
  EXPECT_EQ(RunProgressText(s),
            "pulled 12,000/50,000 · cleaned 11,800 · written 3,400/3,900 · 2,000/s · 24% · "
            "ETA 19s");
  s.pull = Phase(50000, 50000, 25.0, /*over=*/true);
  s.clean = Phase(50000, std::nullopt, 25.0);
  s.writes = Phase(1300, 3900, 2.0);
  EXPECT_EQ(RunProgressText(s),
            "pulled 50,000/50,000 · cleaned 50,000 · written 1,300/3,900 · 650/s · 33% · "
            "ETA 4.0s");
}

TEST(RunProgressTextTest, NothingPlannedYetShowsNoWrites) {
  RunSnapshot s;
  s.pull = Phase(200, 1000, 0.5);
  s.clean = Phase(0, std::nullopt, 0.5);
  s.writes = Phase(0, 0, 0);
  // Too early for an ETA (under a second), not for the share.
  EXPECT_EQ(RunProgressText(s), "pulled 200/1,000 · cleaned 0 · 400/s · 20%");
}

TEST(RunProgressTextTest, DedupeShowsWhatItHoldsThenHowLongItDecidesThenWhatItFound) {
  RunSnapshot s;
  s.pull = Phase(12000, 50000, 6.0);
  s.clean = Phase(11800, std::nullopt, 6.0);
  s.dedupe = DedupeSnapshot{Step::kHolding, 11500, 0, 0, 0};
  EXPECT_EQ(RunProgressText(s),
            "pulled 12,000/50,000 · cleaned 11,800 · dedupe: 11,500 records · 2,000/s · 24% · "
            "ETA 19s");
  // Deciding holds the run up: no rate, share or ETA until it is done.
  s.pull = Phase(50000, 50000, 25.0, /*over=*/true);
  s.clean = Phase(50000, std::nullopt, 25.0);
  s.dedupe = DedupeSnapshot{Step::kDeciding, 50000, 1.2, 0, 0};
  s.writes = Phase(0, 0, 0);
  EXPECT_EQ(RunProgressText(s),
            "pulled 50,000/50,000 · cleaned 50,000 · dedupe: 50,000 records, 1.2s");
  s.dedupe = DedupeSnapshot{Step::kDecided, 50000, 1.4, 1234, 312};
  s.writes = Phase(1300, 3900, 2.0);
  EXPECT_EQ(RunProgressText(s),
            "pulled 50,000/50,000 · cleaned 50,000 · dedupe: 1,234 pairs, 312 clusters, 1.4s · "
            "written 1,300/3,900 · 650/s · 33% · ETA 4.0s");
}

TEST(RunProgressTextTest, ADryRunEndsWithTheCountsAlone) {
  RunSnapshot s;
  s.pull = Phase(1000, 1000, 2.0, /*over=*/true);
  s.clean = Phase(1000, std::nullopt, 2.0);
  EXPECT_EQ(RunProgressText(s), "pulled 1,000/1,000 · cleaned 1,000");
}

TEST(RunProgressTextTest, AResumeThatOnlySendsShowsTheWrites) {
  RunSnapshot s;
  s.writes = Phase(100, 400, 2.0);
  EXPECT_EQ(RunProgressText(s), "written 100/400 · 50/s · 25% · ETA 6.0s");
  EXPECT_EQ(RunProgressText(RunSnapshot{}), "");
}

TEST(RunProgressTextTest, TheRateIsThePacingPhasesCountOverItsTime) {
  RunSnapshot s;
  s.pull = Phase(0, std::nullopt, 0);
  EXPECT_EQ(RunProgressText(s), "pulled 0 · 0/s");
  s.pull = Phase(1001, std::nullopt, 2.0);
  EXPECT_EQ(RunProgressText(s), "pulled 1,001 · 501/s");  // rounded
  // More pulled than counted (prospects created during the pull): never past 100%.
  s.pull = Phase(1010, 1000, 2.0);
  EXPECT_EQ(RunProgressText(s), "pulled 1,010/1,000 · 505/s · 100%");
}

TEST(RunProgressFinalLinesTest, OneLineAPhaseWithItsTimeAndRate) {
  RunSnapshot s;
  s.pull = Phase(50000, 50000, 12.0, true);
  s.clean = Phase(50000, std::nullopt, 12.5, true);
  s.dedupe = DedupeSnapshot{Step::kDecided, 50000, 1.4, 1234, 312};
  s.writes = Phase(3900, 3900, 8.1, true);
  EXPECT_EQ(RunProgressFinalLines(s),
            (std::vector<std::string>{"pull: 50,000 prospects in 12s, 4,167/s",
                                      "cleaning: 50,000 records in 13s, 4,000/s",
                                      "writes: 3,900 of 3,900 planned in 8.1s, 481/s"}));
  s.writes.reset();  // a dry run
  EXPECT_EQ(RunProgressFinalLines(s).size(), 2u);
}

TEST(FitToColumnsTest, CutsByCharacterNotByByte) {
  EXPECT_EQ(FitToColumns("ab · cd", 0), "ab · cd");
  EXPECT_EQ(FitToColumns("ab · cd", 80), "ab · cd");
  EXPECT_EQ(FitToColumns("ab · cd", 5), "ab ·");  // the last column stays free
  EXPECT_EQ(FitToColumns("ab · cd", 8), "ab · cd");
}

class RunProgressTest : public ::testing::Test {
 protected:
  Progress::Output Output(bool live, bool verbose) {
    Progress::Output output;
    output.live = live;
    output.verbose = verbose;
    output.to = captured_.get();
    output.clock = [this] { return now_.load(); };
    return output;
  }
  std::string Written() const { return captured_.Written(); }

  CapturedFile captured_;
  std::atomic<std::chrono::steady_clock::time_point> now_{
      std::chrono::steady_clock::time_point(std::chrono::seconds(1000))};
  void Wait(milliseconds d) { now_ = now_.load() + d; }
};

TEST_F(RunProgressTest, ThePullTotalIsKnownOnceEveryRangeIsCounted) {
  RunProgress progress(Output(true, false), milliseconds(0));
  progress.PullBegins(2);
  progress.PullCounted(300);
  Wait(milliseconds(2000));
  progress.Pulled(100);
  progress.Draw();
  progress.PullCounted(200);
  progress.Cleaned(100);
  progress.Draw();
  progress.Note("pardot-clean: a note");
  progress.Draw();
  progress.Finish();
  progress.Draw();  // finished: nothing more
  EXPECT_EQ(Written(),
            "\r\033[Kpulled 100 · cleaned 0 · 50/s"
            "\r\033[Kpulled 100/500 · cleaned 100 · 50/s · 20% · ETA 8.0s"
            "\r\033[Kpardot-clean: a note\n"
            "\r\033[Kpulled 100/500 · cleaned 100 · 50/s · 20% · ETA 8.0s"
            "\r\033[K"
            "pull: 100 prospects in 2.0s, 50/s\n"
            "cleaning: 100 records in 2.0s, 50/s\n");
}

TEST_F(RunProgressTest, InAPipeOnlyVerboseGetsTheFinalLines) {
  {
    RunProgress progress(Output(false, false));
    progress.PullBegins(1);
    progress.Pulled(10);
    progress.Draw();
  }
  EXPECT_EQ(Written(), "");
  {
    RunProgress progress(Output(false, true));
    progress.PullBegins(1);
    Wait(milliseconds(1000));
    progress.Pulled(10);
    progress.Cleaned(10);
    progress.WritesPlanned(4);
    Wait(milliseconds(500));
    progress.Written(4);
    progress.Draw();
  }
  EXPECT_EQ(Written(),
            "pull: 10 prospects in 1.0s, 10/s\n"
            "cleaning: 10 records in 1.0s, 10/s\n"
            "writes: 4 of 4 planned in 0.5s, 8/s\n");
}

TEST_F(RunProgressTest, CountsFromManyThreadsAddUp) {
  RunProgress progress(Output(false, false));
  progress.PullBegins(1);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&progress] {
      for (int i = 0; i < 1000; ++i) {
        progress.Pulled(2);
        progress.Cleaned(1);
        progress.DedupeHolds(1);
        progress.WritesPlanned(1);
        progress.Written(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  const RunSnapshot s = progress.Snapshot();
  EXPECT_EQ(s.pull->done, 8000u);
  EXPECT_EQ(s.pull->total, std::nullopt);  // never counted
  EXPECT_EQ(s.clean->done, 4000u);
  EXPECT_EQ(s.dedupe->records, 4000u);
  EXPECT_EQ(s.writes->done, 4000u);
  EXPECT_EQ(s.writes->total, 4000u);
}

TEST_F(RunProgressTest, TheDrawingThreadRedrawsAndFinishClearsTheLine) {
  {
    RunProgress progress(Output(true, false), milliseconds(5));
    progress.PullBegins(1);
    progress.Pulled(7);
    // Watched through the descriptor: the drawing thread writes while the test waits.
    struct stat written {};
    for (int i = 0; i < 400 && written.st_size == 0; ++i) {
      std::this_thread::sleep_for(milliseconds(5));
      fstat(fileno(captured_.get()), &written);
    }
  }
  const std::string text = Written();
  ASSERT_EQ(text.rfind("\r\033[Kpulled 7 · cleaned 0 · ", 0), 0u) << text;
  // Whole lines only: each drawing starts by clearing, and the end is the final lines.
  const std::size_t last_clear = text.rfind("\r\033[K");
  EXPECT_EQ(text.substr(last_clear),
            "\r\033[Kpull: 7 prospects in 0.0s, 0/s\ncleaning: 0 records in 0.0s, 0/s\n");
}

}  // namespace
}  // namespace pdc
