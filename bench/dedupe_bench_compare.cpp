// Micro-benchmarks for the dedupe field comparators, one pair at a time on one thread.
//   build/bench/dedupe_bench_compare --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <string>
#include <utility>
#include <vector>

#include "rules/dedupe/compare.h"
#include "rules/dedupe/metaphone.h"

namespace pdc::dedupe {
namespace {

// Name pairs as they reach the comparators: folded keys, mostly near-misses.
const std::vector<std::pair<std::string, std::string>>& NamePairs() {
  static const std::vector<std::pair<std::string, std::string>> pairs = {
      {"martha", "marhta"},       {"dwayne", "duane"},     {"jonathan", "jonathon"},
      {"katherine", "catherine"}, {"smith", "smyth"},      {"robert", "bob"},
      {"muller", "mueller"},      {"elizabeth", "liz"},    {"alexander", "alexandra"},
      {"johnson", "jonsson"},     {"williams", "william"}, {"garcia", "garcya"}};
  return pairs;
}

template <typename F>
void RunPairs(benchmark::State& state, F f) {
  const auto& pairs = NamePairs();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& [a, b] = pairs[i++ % pairs.size()];
    benchmark::DoNotOptimize(f(a, b));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_JaroWinkler(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string& b) { return JaroWinkler(a, b); });
}
BENCHMARK(BM_JaroWinkler);

void BM_JaroWinklerUtf8(benchmark::State& state) {
  const std::string a = "Παπαδόπουλος";
  const std::string b = "Παπαδοπούλος";
  for (auto _ : state) benchmark::DoNotOptimize(JaroWinkler(a, b));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_JaroWinklerUtf8);

void BM_DamerauLevenshtein(benchmark::State& state) {
  RunPairs(state,
           [](const std::string& a, const std::string& b) { return DamerauLevenshtein(a, b); });
}
BENCHMARK(BM_DamerauLevenshtein);

void BM_DoubleMetaphone(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string&) { return DoubleMetaphone(a); });
}
BENCHMARK(BM_DoubleMetaphone);

void BM_NicknameEquivalent(benchmark::State& state) {
  RunPairs(state,
           [](const std::string& a, const std::string& b) { return NicknameEquivalent(a, b); });
}
BENCHMARK(BM_NicknameEquivalent);

void BM_CompareName(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string& b) {
    return Compare(ComparatorKind::kName, a, b, {0.92, 0.85}).score;
  });
}
BENCHMARK(BM_CompareName);

void BM_CompareCompany(benchmark::State& state) {
  const std::string a = "international business machines";
  const std::string b = "ibm";
  for (auto _ : state) benchmark::DoNotOptimize(Compare(ComparatorKind::kCompany, a, b).score);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CompareCompany);

void BM_ComparePhone(benchmark::State& state) {
  const std::string a = "+14155550132";
  const std::string b = "+14155550199";
  for (auto _ : state) benchmark::DoNotOptimize(Compare(ComparatorKind::kPhone, a, b).score);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ComparePhone);

}  // namespace
}  // namespace pdc::dedupe

BENCHMARK_MAIN();
