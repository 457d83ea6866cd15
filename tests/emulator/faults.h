// Fault injection for the emulator: latency, spurious error 66, 5xx answers, connection resets,
// malformed and slow bodies. What happens to request number n depends only on (seed, n), so a
// given sequence of requests meets the same faults on every run.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "rules/status.h"

namespace pdc::emulator {

// The settings, as the command-line flags and POST /_emulator/faults give them.
struct FaultSettings {
  int latency_ms = 0;      // fixed delay before every answer (admin routes excepted)
  int jitter_ms = 0;       // plus a uniform extra delay in [0, jitter_ms]
  double p_66 = 0;         // error 66 although the unit has free slots
  double p_5xx = 0;        // HTTP 500/502/503/504 with an HTML body; the request is not processed
  double p_reset = 0;      // connection closed without an answer, after the request was processed
  double p_malformed = 0;  // the body is cut in half (invalid JSON/XML)
  double p_slow = 0;       // the body trickles out in small chunks over slow_body_ms
  int slow_body_ms = 1000;
  std::uint64_t seed = 0;
};

// What the injector decided for one request. At most one of status_5xx, error_66 and reset is
// set (checked in that order); malformed and slow may come on top of a normal answer.
struct FaultDraw {
  std::chrono::milliseconds delay{0};
  int status_5xx = 0;
  bool error_66 = false;
  bool reset = false;
  bool malformed = false;
  bool slow = false;
};

FaultDraw DrawFaults(const FaultSettings& settings, std::uint64_t request_number);

// A uniform number in [0, 1) that depends only on (seed, n, k): draw `k` of item `n`. The fault
// draws use it with n = the request number; generated data uses it with its own n and k.
double SeededUniform(std::uint64_t seed, std::uint64_t n, std::uint64_t k);

// The JSON object of GET/POST /_emulator/faults: the flag names with '_' (or '-') for words,
// e.g. {"latency_ms":50,"p_66":0.1,"seed":7}. Missing keys take their defaults; unknown keys and
// out-of-range values are errors.
Result<FaultSettings> ParseFaultSettings(std::string_view json);
std::string FaultSettingsJson(const FaultSettings& settings);

}  // namespace pdc::emulator
