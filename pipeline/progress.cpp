#include "pipeline/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace pdc {
namespace {

// Redrawn at most this often: the terminal is slow next to the pipeline.
constexpr auto kRedraw = std::chrono::milliseconds(200);
// No ETA before this much of the work or time: early rates swing too much to be worth showing.
constexpr double kLeastDoneForEta = 0.01;
constexpr double kLeastSecondsForEta = 1.0;

}  // namespace

std::string CountText(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

std::optional<double> EtaSeconds(double done, double seconds) {
  if (done < kLeastDoneForEta || seconds < kLeastSecondsForEta || done >= 1.0) return std::nullopt;
  return seconds * (1 - done) / done;
}

std::string DurationText(double seconds) {
  char out[32];
  if (seconds < 10) {
    std::snprintf(out, sizeof out, "%.1fs", seconds);
    return out;
  }
  const auto whole = static_cast<long long>(std::llround(seconds));
  if (whole < 60) {
    std::snprintf(out, sizeof out, "%llds", whole);
  } else if (whole < 3600) {
    std::snprintf(out, sizeof out, "%lldm%02llds", whole / 60, whole % 60);
  } else {
    std::snprintf(out, sizeof out, "%lldh%02lldm", whole / 3600, whole / 60 % 60);
  }
  return out;
}

std::string ProgressText(std::string_view what, const ProgressSnapshot& s, bool final) {
  const double rate = s.seconds > 0 ? static_cast<double>(s.count) / s.seconds : 0;
  std::string text = std::string(what) + ": " + CountText(s.count) + " records";
  if (final) text += " in " + DurationText(s.seconds);
  text += ", " + CountText(static_cast<std::uint64_t>(std::llround(rate))) + "/s";
  if (final || !s.done) return text;
  const double done = std::clamp(*s.done, 0.0, 1.0);
  text += ", " + std::to_string(static_cast<int>(done * 100)) + "%";
  if (const auto eta = EtaSeconds(done, s.seconds)) text += ", ETA " + DurationText(*eta);
  return text;
}

Progress::Progress(std::string what, Output output)
    : what_(std::move(what)), output_(std::move(output)), start_(output_.clock()) {}

Progress::~Progress() { Done(); }

bool Progress::StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

ProgressSnapshot Progress::Snapshot() const {
  ProgressSnapshot s;
  s.count = count_;
  s.seconds = std::chrono::duration<double>(output_.clock() - start_).count();
  if (done_) s.done = done_();
  return s;
}

void Progress::Advance(std::uint64_t n) {
  count_ += n;
  if (!output_.live || finished_) return;
  const auto now = output_.clock();
  if (now - last_draw_ < kRedraw) return;
  last_draw_ = now;
  // "\r" and erase-to-end-of-line redraw in place; no colour, so NO_COLOR has nothing to turn off.
  std::fprintf(output_.to, "\r\033[K%s", ProgressText(what_, Snapshot(), false).c_str());
  std::fflush(output_.to);
}

void Progress::Done() {
  if (finished_) return;
  finished_ = true;
  if (!output_.live && !output_.verbose) return;
  const std::string line = ProgressText(what_, Snapshot(), true);
  std::fprintf(output_.to, output_.live ? "\r\033[K%s\n" : "%s\n", line.c_str());
  std::fflush(output_.to);
}

}  // namespace pdc
