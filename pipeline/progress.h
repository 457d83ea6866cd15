// Progress: a one-line counter on stderr while a run goes, only when stderr is a terminal (a pipe
// or a log file stays clean), with the rate and, when the share done is known, an ETA. With
// --verbose the final count is also printed as a line of its own, terminal or not.
// Advance is called from one thread at a time (the serial sink stage); the share-done probe is
// called from that thread and must be safe to call while other stages run.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace pdc {

// What a progress line shows: `count` records after `seconds`, and the share of the work done
// (0 to 1) when it is known.
struct ProgressSnapshot {
  std::uint64_t count = 0;
  double seconds = 0;
  std::optional<double> done;
};

// "cleaning: 12,345 records, 5,010/s, 42%, ETA 17s" while going; the final line (`final`) gives
// the count, the time taken and the rate: "cleaning: 12,345 records in 2.5s, 4,938/s".
std::string ProgressText(std::string_view what, const ProgressSnapshot& snapshot, bool final);
// A duration as a person reads it: "0.4s", "17s", "2m05s", "1h02m".
std::string DurationText(double seconds);
// A count with thousands separated: "12,345".
std::string CountText(std::uint64_t n);
// The time left when `done` (0 to 1) of the work took `seconds`; none while too little is done to
// tell (early rates swing too much to be worth showing) or when nothing is left.
std::optional<double> EtaSeconds(double done, double seconds);

class Progress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  struct Output {
    bool live = false;     // draw the live line (stderr is a terminal, not --quiet)
    bool verbose = false;  // print the final line even when not live
    std::FILE* to = stderr;
    Clock clock = [] { return std::chrono::steady_clock::now(); };
  };

  Progress(std::string what, Output output);
  ~Progress();
  static bool StderrIsTerminal();

  // The share of the work done, 0 to 1, asked for at each drawing.
  void SetDone(std::function<double()> probe) { done_ = std::move(probe); }
  void Advance(std::uint64_t n);
  void Done();

 private:
  ProgressSnapshot Snapshot() const;
  std::string what_;
  Output output_;
  bool finished_ = false;
  std::function<double()> done_;
  std::uint64_t count_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace pdc
