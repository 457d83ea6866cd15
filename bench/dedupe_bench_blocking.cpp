// Blocking and clustering at 1,000,000 prospects with keys shaped like real ones: mostly unique
// emails and phones with ~8% duplicate people, 2,000 switchboard numbers, 200,000 companies and
// 20,000 surnames with skewed sizes.
//   build/bench/dedupe_bench_blocking
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "rules/dedupe/blocking.h"
#include "rules/dedupe/clusters.h"

namespace pdc::dedupe {
namespace {

constexpr std::uint32_t kRecords = 1000000;

// A well-mixed 64-bit value of x (splitmix64's finaliser): a person's attributes derive from it,
// so a duplicate record of a person shares them.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// An index in [0, n) skewed towards 0 (square of a uniform from `bits`): the largest company
// holds ~0.2% of the prospects, the commonest surname ~0.7%.
std::uint32_t Skewed(std::uint64_t bits, std::uint32_t n) {
  const double u = static_cast<double>(bits >> 11) * 0x1.0p-53;
  return std::min(n - 1, static_cast<std::uint32_t>(n * u * u));
}

std::vector<BlockingPass> MakePasses() {
  std::mt19937_64 rng(2024);
  std::vector<BlockingPass> passes(4);
  passes[0].name = "email";
  passes[1].name = "phone";
  passes[1].max_shared = kDefaultSwitchboardLimit;
  passes[2].name = "domain_name";
  passes[3].name = "company_name";
  for (auto& pass : passes) pass.keys.Reserve(kRecords, kRecords * 24);
  std::string key;
  for (std::uint32_t i = 0; i < kRecords; ++i) {
    // About 8% of records are another record's person again.
    const std::uint32_t person =
        i > 0 && rng() % 100 < 8 ? static_cast<std::uint32_t>(rng() % i) : i;
    const std::uint32_t company = Skewed(Mix(person), 200000);
    const std::string initial(1, static_cast<char>('a' + Mix(person + kRecords) % 26));
    const std::string surname = "S" + std::to_string(Skewed(Mix(person + 2 * kRecords), 20000));
    const std::string city = "city" + std::to_string(Mix(person + 3 * kRecords) % 50);
    passes[0].keys.Add(i, "p" + std::to_string(person) + "@c" + std::to_string(company) + ".com");
    if (rng() % 100 < 2) {
      passes[1].keys.Add(i, "+1800" + std::to_string(rng() % 2000));
    } else if (rng() % 100 < 70) {
      passes[1].keys.Add(i, "+1415" + std::to_string(5000000 + person));
    }
    if (rng() % 100 < 60 &&
        JoinKey("c" + std::to_string(company) + ".com", initial, surname, key)) {
      passes[2].keys.Add(i, key, city);
    }
    if (CompanyNameKey("company " + std::to_string(company), initial, surname, key)) {
      passes[3].keys.Add(i, key, city);
    }
  }
  return passes;
}

const std::vector<BlockingPass>& Passes() {
  static const std::vector<BlockingPass> passes = MakePasses();
  return passes;
}

void BM_GenerateCandidates(benchmark::State& state) {
  const auto& passes = Passes();
  BlockingResult last;
  for (auto _ : state) {
    auto result = GenerateCandidates(passes);
    if (!result.ok()) state.SkipWithError(result.status().message().c_str());
    last = std::move(result.value());
    benchmark::DoNotOptimize(last.pairs.data());
  }
  state.counters["pairs"] = static_cast<double>(last.pairs.size());
  state.counters["largest_block"] = static_cast<double>(last.largest_block);
  state.counters["skipped_blocks"] = static_cast<double>(last.skipped.size());
  state.SetItemsProcessed(state.iterations() * kRecords);
}
BENCHMARK(BM_GenerateCandidates)->Unit(benchmark::kMillisecond)->UseRealTime();

// Clusters over every email-pass pair, as if each had matched.
void BM_ClusterPairs(benchmark::State& state) {
  auto blocked = GenerateCandidates(Passes());
  std::vector<RecordPair> pairs;
  for (const CandidatePair& p : blocked->pairs) {
    if (p.passes & 1u) pairs.push_back({p.first, p.second});
  }
  std::vector<std::string> stamps(kRecords), ids(kRecords);
  std::vector<MemberKey> keys(kRecords);
  for (std::uint32_t i = 0; i < kRecords; ++i) {
    stamps[i] = "2020-01-01T00:00:" + std::to_string(1000000 + (i * 7919u) % kRecords);
    ids[i] = std::to_string(100000 + i);
    keys[i] = {stamps[i], ids[i]};
  }
  std::size_t clusters = 0;
  for (auto _ : state) {
    auto result = ClusterPairs(pairs, keys);
    clusters = result->clusters.size();
    benchmark::DoNotOptimize(clusters);
  }
  state.counters["pairs"] = static_cast<double>(pairs.size());
  state.counters["clusters"] = static_cast<double>(clusters);
  state.SetItemsProcessed(state.iterations() * kRecords);
}
BENCHMARK(BM_ClusterPairs)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace pdc::dedupe

BENCHMARK_MAIN();
