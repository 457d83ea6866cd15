// RunProgress: the progress of a run against Pardot, phase by phase: the pull, the cleaning,
// dedupe (which holds every record until the pull ends) and the writes. While the run goes,
// one line on stderr shows the phases under way, redrawn in place:
//   pulled 12,000/50,000 · cleaned 11,800 · written 3,400/3,900 · 1,900/s · 24% · ETA 40s
// The rate, share and ETA are those of the phase that paces the run: the pull while it goes
// (share and ETA only with a total: v3/v4 count the prospects first, v5 has no count), then the
// writes. The line is drawn only on a terminal (Progress::Output::live), and is cleared at the
// end; the final lines, one per phase, follow on a terminal and, with --verbose, anywhere.
//
// Thread-safety: the stages count from any thread (atomics); one thread draws, at most ten
// times a second, under a lock that Note and Finish take too, so lines never interleave.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/progress.h"

namespace pdc {

// What one phase has done, at one moment.
struct PhaseSnapshot {
  std::uint64_t done = 0;
  std::optional<std::uint64_t> total;  // what there is to do, when known
  double seconds = 0;  // since the phase began: to now while it goes, to its last step once over
  bool over = false;
};

// Dedupe, at one moment: holding the records as they come, finding the clusters, or done.
struct DedupeSnapshot {
  enum class Step { kHolding, kDeciding, kDecided };
  Step step = Step::kHolding;
  std::uint64_t records = 0;
  double seconds = 0;  // deciding: so far; decided: what deciding took
  std::uint64_t pairs = 0, clusters = 0;
};

// The phases of a run at one moment; a phase the run does not have (yet) is absent.
struct RunSnapshot {
  std::optional<PhaseSnapshot> pull, clean, writes;
  std::optional<DedupeSnapshot> dedupe;
};

// The live line: "pulled 12,000/50,000 · cleaned 11,800 · 1,900/s · 24% · ETA 40s".
std::string RunProgressText(const RunSnapshot& snapshot);
// The final lines, one a phase: "pulled 50,000 in 12s, 4,167/s". Dedupe has its own line among
// the timings (PrintTimings).
std::vector<std::string> RunProgressFinalLines(const RunSnapshot& snapshot);
// `text` cut to fit a terminal `columns` wide (0: as it is): a live line that wrapped could not
// be redrawn in place.
std::string FitToColumns(std::string text, std::size_t columns);

class RunProgress {
 public:
  // `redraw`: how often the drawing thread redraws a live line; zero draws only on Draw().
  explicit RunProgress(Progress::Output output,
                       std::chrono::milliseconds redraw = std::chrono::milliseconds(100));
  ~RunProgress();
  RunProgress(const RunProgress&) = delete;
  RunProgress& operator=(const RunProgress&) = delete;

  // Whether anyone sees the live line: a count costing a request is worth it only then.
  bool live() const { return output_.live; }

  // The pull starts over `ranges` id ranges; its total is known once each range has a count.
  void PullBegins(std::size_t ranges);
  void PullCounted(std::uint64_t prospects);
  void Pulled(std::uint64_t prospects);
  void PullEnds();
  void Cleaned(std::uint64_t records);
  void DedupeHolds(std::uint64_t records);
  void DedupeDeciding();
  void DedupeDecided(std::uint64_t pairs, std::uint64_t clusters);
  void WritesPlanned(std::uint64_t operations);
  void Written(std::uint64_t operations);

  // A message line on stderr; a live line is cleared first and redrawn at the next drawing.
  void Note(const std::string& line);
  // Draws the live line now (the drawing thread calls it).
  void Draw();
  // Stops drawing, clears the live line and prints the final lines. Idempotent.
  void Finish();

  RunSnapshot Snapshot() const;

 private:
  // One phase's counts and clock (nanoseconds since the run began; -1: not yet).
  struct Phase {
    std::atomic<std::uint64_t> done{0}, total{0};
    std::atomic<std::int64_t> counts_due{-1};  // totals still to come; -1: no total expected
    std::atomic<std::int64_t> began{-1}, last{-1};
    std::atomic<bool> over{false};
    void Begin(std::int64_t now);
    void Add(std::uint64_t n, std::int64_t now);
    std::optional<PhaseSnapshot> Snapshot(std::int64_t now) const;
  };
  std::int64_t Now() const;

  Progress::Output output_;
  const std::chrono::steady_clock::time_point start_;
  Phase pull_, clean_, writes_;
  std::atomic<bool> dedupe_{false};
  std::atomic<std::uint64_t> dedupe_records_{0}, dedupe_pairs_{0}, dedupe_clusters_{0};
  std::atomic<std::int64_t> deciding_{-1}, decided_{-1};

  std::mutex drawing_;  // held while writing to output_.to
  bool drawn_ = false;  // a live line is on the screen
  bool finished_ = false;
  std::condition_variable stop_;
  std::thread drawer_;
};

}  // namespace pdc
