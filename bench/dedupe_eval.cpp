// Deduplication against the generator's ground truth: cleans the prospects with a config's
// rules, finds the duplicates with the config's `dedupe:` settings (without one: the standard
// rule, and keep_distinct_crm only with --keep-distinct-crm), and prints pairwise precision and
// recall with the time of each phase, the largest block compared and the peak RSS.
//   build/samples/pardot-generate --count 100000 --output p.csv --truth t.csv
//   build/bench/dedupe_eval --input p.csv --truth t.csv --config bench/dedupe.yaml
// Under keep_distinct_crm, true pairs on one address synced to different CRM records are kept
// apart on purpose; recall is then also given over the pairs the policy lets merge.
#include <sys/resource.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "pipeline/record_io.h"
#include "rules/config.h"
#include "rules/dedupe/engine.h"
#include "rules/dedupe/settings.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

int Usage() {
  std::fprintf(stderr,
               "usage: dedupe_eval --input FILE --truth FILE --config CONFIG "
               "[--keep-distinct-crm]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string input, truth, config_path;
  bool keep_distinct_crm = false;
  int show = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--input" && i + 1 < argc) {
      input = argv[++i];
    } else if (arg == "--truth" && i + 1 < argc) {
      truth = argv[++i];
    } else if (arg == "--config" && i + 1 < argc) {
      config_path = argv[++i];
    } else if (arg == "--show" && i + 1 < argc) {
      show = std::stoi(argv[++i]);
    } else if (arg == "--keep-distinct-crm") {
      keep_distinct_crm = true;
    } else {
      return Usage();
    }
  }
  if (input.empty() || truth.empty() || config_path.empty()) return Usage();

  const auto loaded =
      pdc::LoadConfig(config_path, pdc::RuleRegistry::WithBuiltins(), pdc::ProcessEnvironment());
  if (!loaded.errors.empty() || !loaded.config) {
    for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.str().c_str());
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  auto format = pdc::FormatOfPath(input);
  if (!format.ok()) return Usage();
  auto reader = pdc::OpenReader(input, *format);
  if (!reader.ok()) {
    std::fprintf(stderr, "%s\n", reader.status().message().c_str());
    return 2;
  }
  std::vector<pdc::Record> records;
  std::vector<pdc::RejectedRow> rejected;
  while ((*reader)->Next(records, 4096, rejected)) {
  }
  const double read_s = Seconds(start);
  start = std::chrono::steady_clock::now();
  tbb::parallel_for(std::size_t{0}, records.size(),
                    [&](std::size_t i) { loaded.config->rules.Apply(records[i]); });
  const double clean_s = Seconds(start);

  start = std::chrono::steady_clock::now();
  pdc::dedupe::DedupeOptions options;
  options.decision = pdc::dedupe::DecisionRule::StandardContact(keep_distinct_crm);
  if (loaded.config->dedupe) {
    std::vector<pdc::Diagnostic> errors;
    auto settings = pdc::dedupe::BuildDedupeSettings(*loaded.config->dedupe, errors);
    if (!settings) {
      for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.str().c_str());
      return 2;
    }
    options = settings->engine;
  }
  keep_distinct_crm = options.decision.keep_distinct_crm();
  auto found = pdc::dedupe::FindDuplicates(records, options);
  if (!found.ok()) {
    std::fprintf(stderr, "%s\n", found.status().message().c_str());
    return 1;
  }
  const double dedupe_s = Seconds(start);

  // Ground truth: prospect id -> entity id.
  std::unordered_map<std::string, std::string> entity;
  std::ifstream in(truth);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto comma = line.find(',');
    if (comma != std::string::npos) entity[line.substr(0, comma)] = line.substr(comma + 1);
  }
  std::unordered_map<std::string, long long> entity_sizes;
  for (const auto& r : records) ++entity_sizes[entity[r.id()]];
  long long true_pairs = 0;
  for (const auto& [id, size] : entity_sizes) true_pairs += size * (size - 1) / 2;
  // True pairs keep_distinct_crm keeps apart: one address, different CRM leads or contacts.
  long long kept_apart = 0;
  if (keep_distinct_crm) {
    std::unordered_map<std::string, std::vector<std::uint32_t>> members;
    for (std::uint32_t i = 0; i < records.size(); ++i) members[entity[records[i].id()]].push_back(i);
    for (const auto& [id, list] : members) {
      for (std::size_t a = 0; a < list.size(); ++a) {
        for (std::size_t b = a + 1; b < list.size(); ++b) {
          kept_apart +=
              pdc::dedupe::DistinctCrmRecords(found->keys[list[a]], found->keys[list[b]]);
        }
      }
    }
  }
  long long predicted = 0, correct = 0;
  for (const auto& cluster : found->clustering.clusters) {
    if (cluster.review) continue;
    for (std::size_t a = 0; a < cluster.members.size(); ++a) {
      for (std::size_t b = a + 1; b < cluster.members.size(); ++b) {
        ++predicted;
        correct +=
            entity[records[cluster.members[a]].id()] == entity[records[cluster.members[b]].id()];
      }
    }
  }
  // Examples of mistakes, for tuning: wrong merges, then missed duplicates.
  auto print_keys = [&](std::uint32_t i) {
    const auto& k = found->keys[i];
    std::printf("    %s:", records[i].id().c_str());
    for (std::size_t f = 0; f < pdc::dedupe::kMatchFields; ++f) {
      if (!k.keys[f].empty()) {
        std::printf(
            " %s=%s",
            std::string(pdc::dedupe::MatchFieldName(static_cast<pdc::dedupe::MatchField>(f)))
                .c_str(),
            k.keys[f].c_str());
      }
    }
    if (k.names.last >= 0) {
      std::printf(" namesakes=%.3g in_city=%.3g (last %g~%g, first %g full %g of %g)",
                  pdc::dedupe::PairNamesakes(k, k, false), pdc::dedupe::PairNamesakes(k, k, true),
                  k.names.last, k.names.last_expected, k.names.first, k.names.full,
                  k.names.first_community);
    }
    std::printf("\n");
  };
  int shown = 0;
  for (const auto& m : found->matches) {
    if (shown >= show) break;
    if (entity[records[m.first].id()] == entity[records[m.second].id()]) continue;
    std::printf("wrong merge (group %d):\n", m.group);
    print_keys(m.first);
    print_keys(m.second);
    ++shown;
  }
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_entity;
  for (std::uint32_t i = 0; i < records.size(); ++i)
    by_entity[entity[records[i].id()]].push_back(i);
  std::vector<std::uint32_t> cluster_of(records.size(), UINT32_MAX);
  for (std::uint32_t c = 0; c < found->clustering.clusters.size(); ++c) {
    for (const auto m : found->clustering.clusters[c].members) cluster_of[m] = c;
  }
  shown = 0;
  for (const auto& [id, members] : by_entity) {
    if (shown >= show) break;
    if (members.size() < 2) continue;
    if (cluster_of[members[0]] != UINT32_MAX && cluster_of[members[0]] == cluster_of[members[1]]) {
      continue;
    }
    std::printf("missed:\n");
    print_keys(members[0]);
    print_keys(members[1]);
    ++shown;
  }

  // Missed true pairs by cause: never blocked together, or compared with these fields passing
  // ("+" passes its default threshold, "." blank on a side, "-" differs).
  if (show > 0) {
    std::unordered_map<std::string, long long> causes;
    long long unblocked = 0;
    for (const auto& [id, members] : by_entity) {
      for (std::size_t a = 0; a < members.size(); ++a) {
        for (std::size_t b = a + 1; b < members.size(); ++b) {
          const std::uint32_t x = std::min(members[a], members[b]);
          const std::uint32_t y = std::max(members[a], members[b]);
          if (cluster_of[x] != UINT32_MAX && cluster_of[x] == cluster_of[y]) continue;
          const auto& pairs = found->blocking.pairs;
          const auto it = std::lower_bound(pairs.begin(), pairs.end(), std::pair{x, y},
                                           [](const pdc::dedupe::CandidatePair& p, auto key) {
                                             return std::pair{p.first, p.second} < key;
                                           });
          const bool blocked = it != pairs.end() && it->first == x && it->second == y;
          std::string signature = blocked ? "compared" : "not blocked";
          if (!blocked) ++unblocked;
          for (std::size_t f = 0; f + 1 < pdc::dedupe::kMatchFields; ++f) {
            const auto field = static_cast<pdc::dedupe::MatchField>(f);
            const auto& ka = found->keys[x][field];
            const auto& kb = found->keys[y][field];
            if (ka.empty() && kb.empty()) continue;
            char mark = '.';
            if (!ka.empty() && !kb.empty()) {
              const double t = pdc::dedupe::DecisionRule::DefaultThreshold(field);
              mark = pdc::dedupe::CompareField(field, ka, kb, t).score >= t ? '+' : '-';
            }
            signature += ' ';
            signature += mark;
            signature += pdc::dedupe::MatchFieldName(field);
          }
          if (found->keys[x].names.last >= 0 && found->keys[y].names.last >= 0) {
            const double e = pdc::dedupe::PairNamesakes(found->keys[x], found->keys[y], false);
            const bool same_last = found->keys[x][pdc::dedupe::MatchField::kLastName] ==
                                   found->keys[y][pdc::dedupe::MatchField::kLastName];
            const bool same_first = found->keys[x][pdc::dedupe::MatchField::kFirstName] ==
                                    found->keys[y][pdc::dedupe::MatchField::kFirstName];
            signature += same_last ? (same_first ? " same-names" : " same-last") : " other-last";
            signature += e <= 0.02 ? " rare" : e <= 0.1 ? " uncommon" : " common";
          }
          ++causes[signature];
        }
      }
    }
    std::vector<std::pair<long long, std::string>> sorted;
    for (const auto& [signature, count] : causes) sorted.emplace_back(count, signature);
    std::sort(sorted.rbegin(), sorted.rend());
    std::printf("missed pairs by cause (%lld never blocked together):\n", unblocked);
    for (std::size_t i = 0; i < sorted.size() && i < static_cast<std::size_t>(show); ++i) {
      std::printf("  %6lld %s\n", sorted[i].first, sorted[i].second.c_str());
    }
  }

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto& r = *found;
  std::printf("records %zu, true duplicate pairs %lld\n", records.size(), true_pairs);
  std::printf("candidate pairs %zu, largest block %zu, skipped blocks %zu\n",
              r.blocking.pairs.size(), r.blocking.largest_block, r.blocking.skipped.size());
  for (const auto& pass : r.blocking.passes) {
    std::printf("  pass %-28s pairs %zu, only here %zu, largest block %zu\n", pass.name.c_str(),
                pass.pairs, pass.only_pairs, pass.largest_block);
  }
  std::printf("matched pairs %zu (vetoed %zu), clusters %zu (review %zu, largest %zu)\n",
              r.matches.size(), r.vetoed, r.clustering.clusters.size(), r.clustering.review,
              r.clustering.largest);
  std::printf("pairwise precision %.4f, recall %.4f\n",
              predicted ? static_cast<double>(correct) / static_cast<double>(predicted) : 1.0,
              true_pairs ? static_cast<double>(correct) / static_cast<double>(true_pairs) : 1.0);
  if (keep_distinct_crm) {
    const long long allowed = true_pairs - kept_apart;
    std::printf("keep_distinct_crm keeps %lld true pairs apart; recall of the other %lld: %.4f\n",
                kept_apart, allowed,
                allowed ? static_cast<double>(correct) / static_cast<double>(allowed) : 1.0);
  }
  std::printf("read %.2f s, clean %.2f s, dedupe %.2f s; peak RSS %ld MB; %u cores\n", read_s,
              clean_s, dedupe_s, usage.ru_maxrss / 1024, std::thread::hardware_concurrency());
  return 0;
}
