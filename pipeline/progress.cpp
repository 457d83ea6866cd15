#include "pipeline/progress.h"

#include <unistd.h>

#include <cstdio>

namespace pdc {

Progress::Progress(std::string what, bool enabled)
    : what_(std::move(what)), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { Done(); }

bool Progress::StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

void Progress::Advance(std::uint64_t n) {
  count_ += n;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  Draw(false);
}

void Progress::Done() {
  if (!enabled_) return;
  Draw(true);
  enabled_ = false;
}

void Progress::Draw(bool final) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(count_) / seconds : 0;
  std::fprintf(stderr, "\r\033[K%s: %llu records, %.0f/s%s", what_.c_str(),
               static_cast<unsigned long long>(count_), rate, final ? "\n" : "");
  std::fflush(stderr);
}

}  // namespace pdc
