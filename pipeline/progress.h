// Progress: a one-line counter on stderr while a run goes, only when stderr is a terminal (a pipe
// or a log file stays clean). Advance is called from the serial sink stage.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace pdc {

class Progress {
 public:
  // `enabled` false makes every call a no-op.
  Progress(std::string what, bool enabled);
  ~Progress();
  static bool StderrIsTerminal();

  void Advance(std::uint64_t n);
  void Done();

 private:
  void Draw(bool final);
  std::string what_;
  bool enabled_;
  std::uint64_t count_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace pdc
