#include "pipeline/run_progress.h"

#include <sys/ioctl.h>

#include <algorithm>
#include <cmath>

namespace pdc {
namespace {

constexpr const char* kBetween = " \u00b7 ";  // a middle dot between the parts of the line
// Redraws in place: back to the start of the line, and erase to its end.
constexpr const char* kClearLine = "\r\033[K";

std::string RateText(std::uint64_t done, double seconds) {
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  return CountText(static_cast<std::uint64_t>(std::llround(rate))) + "/s";
}

std::string DoneText(const PhaseSnapshot& p) {
  return p.total ? CountText(p.done) + "/" + CountText(*p.total) : CountText(p.done);
}

std::string DedupeText(const DedupeSnapshot& d) {
  std::string text = "dedupe: ";
  switch (d.step) {
    case DedupeSnapshot::Step::kHolding:
      return text + CountText(d.records) + " records";
    case DedupeSnapshot::Step::kDeciding:
      return text + CountText(d.records) + " records, " + DurationText(d.seconds);
    case DedupeSnapshot::Step::kDecided:
      break;
  }
  return text + CountText(d.pairs) + " pairs, " + CountText(d.clusters) + " clusters, " +
         DurationText(d.seconds);
}

// The phase that paces the run: the pull while it goes, then the writes while some are left.
// None while dedupe holds the run up, or once nothing is left but the last records' way out.
const PhaseSnapshot* Pacing(const RunSnapshot& s) {
  if (s.pull && !s.pull->over) return &*s.pull;
  if (s.dedupe && s.dedupe->step != DedupeSnapshot::Step::kDecided) return nullptr;
  if (s.writes && s.writes->total && s.writes->done < *s.writes->total) return &*s.writes;
  return nullptr;
}

// The number of columns of the terminal behind `to`, or 0 when it does not say.
std::size_t Columns(std::FILE* to) {
  winsize size{};
  if (ioctl(fileno(to), TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

}  // namespace

std::string RunProgressText(const RunSnapshot& s) {
  std::vector<std::string> parts;
  if (s.pull) parts.push_back("pulled " + DoneText(*s.pull));
  if (s.clean) parts.push_back("cleaned " + CountText(s.clean->done));
  if (s.dedupe) parts.push_back(DedupeText(*s.dedupe));
  if (s.writes && s.writes->total && *s.writes->total > 0) {
    parts.push_back("written " + DoneText(*s.writes));
  }
  if (const PhaseSnapshot* pacing = Pacing(s)) {
    parts.push_back(RateText(pacing->done, pacing->seconds));
    if (pacing->total && *pacing->total > 0) {
      const double done =
          std::min(1.0, static_cast<double>(pacing->done) / static_cast<double>(*pacing->total));
      parts.push_back(std::to_string(static_cast<int>(done * 100)) + "%");
      if (const auto eta = EtaSeconds(done, pacing->seconds)) {
        parts.push_back("ETA " + DurationText(*eta));
      }
    }
  }
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : kBetween) + part;
  return text;
}

std::vector<std::string> RunProgressFinalLines(const RunSnapshot& s) {
  std::vector<std::string> lines;
  auto line = [&lines](const std::string& head, const PhaseSnapshot& p) {
    lines.push_back(head + " in " + DurationText(p.seconds) + ", " + RateText(p.done, p.seconds));
  };
  if (s.pull) line("pull: " + CountText(s.pull->done) + " prospects", *s.pull);
  if (s.clean) line("cleaning: " + CountText(s.clean->done) + " records", *s.clean);
  if (s.writes && s.writes->total && *s.writes->total > 0) {
    line("writes: " + CountText(s.writes->done) + " of " + CountText(*s.writes->total) + " planned",
         *s.writes);
  }
  return lines;
}

std::string FitToColumns(std::string text, std::size_t columns) {
  if (columns == 0) return text;
  // One column a code point (the line holds no wide characters); the last column stays free,
  // as a full row would move some terminals' cursor to the next one.
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a code point
    if (++points == columns) {
      text.resize(i);
      break;
    }
  }
  return text;
}

void RunProgress::Phase::Begin(std::int64_t now) {
  std::int64_t none = -1;
  if (began.compare_exchange_strong(none, now)) last.store(now);
}

void RunProgress::Phase::Add(std::uint64_t n, std::int64_t now) {
  Begin(now);
  done.fetch_add(n, std::memory_order_relaxed);
  last.store(now, std::memory_order_relaxed);
}

std::optional<PhaseSnapshot> RunProgress::Phase::Snapshot(std::int64_t now) const {
  const std::int64_t start = began.load();
  if (start < 0) return std::nullopt;
  PhaseSnapshot p;
  p.done = done.load(std::memory_order_relaxed);
  if (counts_due.load() == 0) p.total = total.load();
  p.over = over.load();
  p.seconds = static_cast<double>((p.over ? last.load() : now) - start) / 1e9;
  return p;
}

RunProgress::RunProgress(Progress::Output output, std::chrono::milliseconds redraw)
    : output_(std::move(output)), start_(output_.clock()) {
  writes_.counts_due = 0;  // the writes' total is what is planned so far
  if (!output_.live || redraw.count() == 0) return;
  drawer_ = std::thread([this, redraw] {
    for (;;) {
      {
        std::unique_lock lock(drawing_);
        if (stop_.wait_for(lock, redraw, [this] { return finished_; })) return;
      }
      Draw();
    }
  });
}

RunProgress::~RunProgress() { Finish(); }

std::int64_t RunProgress::Now() const {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(output_.clock() - start_).count();
}

void RunProgress::PullBegins(std::size_t ranges) {
  pull_.counts_due = static_cast<std::int64_t>(ranges);
  pull_.Begin(Now());
  clean_.Begin(Now());
}

void RunProgress::PullCounted(std::uint64_t prospects) {
  pull_.total.fetch_add(prospects);
  pull_.counts_due.fetch_sub(1);
}

void RunProgress::Pulled(std::uint64_t prospects) { pull_.Add(prospects, Now()); }

void RunProgress::PullEnds() {
  pull_.last = Now();
  pull_.over = true;
}

void RunProgress::Cleaned(std::uint64_t records) { clean_.Add(records, Now()); }

void RunProgress::DedupeHolds(std::uint64_t records) {
  dedupe_ = true;
  dedupe_records_.fetch_add(records, std::memory_order_relaxed);
}

void RunProgress::DedupeDeciding() {
  dedupe_ = true;
  deciding_ = Now();
}

void RunProgress::DedupeDecided(std::uint64_t pairs, std::uint64_t clusters) {
  dedupe_pairs_ = pairs;
  dedupe_clusters_ = clusters;
  decided_ = Now();
}

void RunProgress::WritesPlanned(std::uint64_t operations) {
  if (operations == 0) return;  // the writes' clock starts with the first one
  writes_.Begin(Now());
  writes_.total.fetch_add(operations);
}

void RunProgress::Written(std::uint64_t operations) { writes_.Add(operations, Now()); }

RunSnapshot RunProgress::Snapshot() const {
  const std::int64_t now = Now();
  RunSnapshot s;
  s.pull = pull_.Snapshot(now);
  s.clean = clean_.Snapshot(now);
  s.writes = writes_.Snapshot(now);
  if (dedupe_) {
    DedupeSnapshot d;
    d.records = dedupe_records_.load();
    const std::int64_t deciding = deciding_.load(), decided = decided_.load();
    if (decided >= 0) {
      d.step = DedupeSnapshot::Step::kDecided;
      d.seconds = static_cast<double>(decided - deciding) / 1e9;
      d.pairs = dedupe_pairs_.load();
      d.clusters = dedupe_clusters_.load();
    } else if (deciding >= 0) {
      d.step = DedupeSnapshot::Step::kDeciding;
      d.seconds = static_cast<double>(now - deciding) / 1e9;
    }
    s.dedupe = d;
  }
  return s;
}

void RunProgress::Note(const std::string& line) {
  const std::lock_guard lock(drawing_);
  std::fprintf(output_.to, "%s%s\n", drawn_ ? kClearLine : "", line.c_str());
  drawn_ = false;
  std::fflush(output_.to);
}

void RunProgress::Draw() {
  const std::lock_guard lock(drawing_);
  if (finished_ || !output_.live) return;
  const std::string text = FitToColumns(RunProgressText(Snapshot()), Columns(output_.to));
  if (text.empty()) return;
  std::fprintf(output_.to, "%s%s", kClearLine, text.c_str());
  drawn_ = true;
  std::fflush(output_.to);
}

void RunProgress::Finish() {
  {
    const std::lock_guard lock(drawing_);
    if (finished_) return;
    finished_ = true;
  }
  stop_.notify_all();
  if (drawer_.joinable()) drawer_.join();
  for (Phase* phase : {&pull_, &clean_, &writes_}) phase->over = true;
  const std::lock_guard lock(drawing_);
  if (drawn_) std::fputs(kClearLine, output_.to);
  drawn_ = false;
  if (output_.live || output_.verbose) {
    for (const std::string& line : RunProgressFinalLines(Snapshot())) {
      std::fprintf(output_.to, "%s\n", line.c_str());
    }
  }
  std::fflush(output_.to);
}

}  // namespace pdc
