#include "tests/emulator/faults.h"

#include <boost/json.hpp>

namespace pdc::emulator {
namespace {

namespace json = boost::json;

// SplitMix64: a strong 64-bit mix, so that neighbouring (seed, n, k) give unrelated draws.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

enum Draw : std::uint64_t { kJitter, k5xx, kWhich5xx, k66, kReset, kMalformed, kSlow };

}  // namespace

double SeededUniform(std::uint64_t seed, std::uint64_t n, std::uint64_t k) {
  const std::uint64_t bits = Mix(Mix(Mix(seed) ^ n) ^ k);
  return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

FaultDraw DrawFaults(const FaultSettings& s, std::uint64_t n) {
  FaultDraw d;
  long long ms = s.latency_ms;
  if (s.jitter_ms > 0) {
    ms += static_cast<long long>(SeededUniform(s.seed, n, kJitter) * (s.jitter_ms + 1));
  }
  d.delay = std::chrono::milliseconds(ms);
  if (SeededUniform(s.seed, n, k5xx) < s.p_5xx) {
    static constexpr int kStatuses[] = {500, 502, 503, 504};
    d.status_5xx = kStatuses[static_cast<int>(SeededUniform(s.seed, n, kWhich5xx) * 4)];
  } else if (SeededUniform(s.seed, n, k66) < s.p_66) {
    d.error_66 = true;
  } else if (SeededUniform(s.seed, n, kReset) < s.p_reset) {
    d.reset = true;
  }
  d.malformed = SeededUniform(s.seed, n, kMalformed) < s.p_malformed;
  d.slow = SeededUniform(s.seed, n, kSlow) < s.p_slow;
  return d;
}

Result<FaultSettings> ParseFaultSettings(std::string_view text) {
  boost::system::error_code ec;
  const json::value doc = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec || !doc.is_object()) return Status::Parse("faults: expected a JSON object");
  FaultSettings s;
  for (const auto& member : doc.as_object()) {
    std::string key(member.key());
    for (char& c : key) {
      if (c == '-') c = '_';
    }
    const json::value& v = member.value();
    if (!v.is_number()) return Status::InvalidField(key, "expected a number");
    const double x = v.to_number<double>();
    auto probability = [&](double& field) -> Status {
      if (x < 0 || x > 1) return Status::InvalidField(key, "a probability must be in [0, 1]");
      field = x;
      return Status::Ok();
    };
    auto millis = [&](int& field) -> Status {
      if (x < 0 || x > 600000) return Status::InvalidField(key, "must be 0..600000 ms");
      field = static_cast<int>(x);
      return Status::Ok();
    };
    Status st;
    if (key == "latency_ms") {
      st = millis(s.latency_ms);
    } else if (key == "jitter_ms") {
      st = millis(s.jitter_ms);
    } else if (key == "slow_body_ms") {
      st = millis(s.slow_body_ms);
    } else if (key == "p_66") {
      st = probability(s.p_66);
    } else if (key == "p_5xx") {
      st = probability(s.p_5xx);
    } else if (key == "p_reset") {
      st = probability(s.p_reset);
    } else if (key == "p_malformed") {
      st = probability(s.p_malformed);
    } else if (key == "p_slow") {
      st = probability(s.p_slow);
    } else if (key == "seed") {
      if (x < 0) return Status::InvalidField(key, "must not be negative");
      s.seed = v.is_uint64() ? v.as_uint64() : static_cast<std::uint64_t>(x);
    } else {
      return Status::InvalidField(key, "unknown fault setting");
    }
    if (!st.ok()) return st;
  }
  return s;
}

std::string FaultSettingsJson(const FaultSettings& s) {
  json::object o;
  o["latency_ms"] = s.latency_ms;
  o["jitter_ms"] = s.jitter_ms;
  o["p_66"] = s.p_66;
  o["p_5xx"] = s.p_5xx;
  o["p_reset"] = s.p_reset;
  o["p_malformed"] = s.p_malformed;
  o["p_slow"] = s.p_slow;
  o["slow_body_ms"] = s.slow_body_ms;
  o["seed"] = s.seed;
  return json::serialize(o);
}

}  // namespace pdc::emulator
