#include "pipeline/run_common.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <random>
#include <tuple>

#include "pipeline/json_text.h"
#include "rules/dedupe/settings.h"

namespace pdc {

LoadResult LoadRunConfig(const std::string& path, const RuleRegistry& registry) {
  LoadResult loaded = LoadConfig(path, registry);
  if (!loaded.dedupe) return loaded;
  auto settings = dedupe::BuildDedupeSettings(*loaded.dedupe, loaded.errors);
  std::stable_sort(loaded.errors.begin(), loaded.errors.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.where.line, a.where.column) <
                            std::tie(b.where.line, b.where.column);
                   });
  if (!settings || !loaded.config) {
    loaded.config.reset();
    return loaded;
  }
  loaded.config->dedupe_settings =
      std::make_shared<const dedupe::DedupeSettings>(std::move(*settings));
  return loaded;
}

std::shared_ptr<const dedupe::DedupeSettings> DedupeSettingsOrDefaults(const Config& config) {
  if (config.dedupe_settings) return config.dedupe_settings;
  std::vector<Diagnostic> errors;
  const DedupeSpec spec;
  auto defaults = dedupe::BuildDedupeSettings(spec, errors);
  // The default spec is valid by construction (tests/dedupe/settings_test.cpp).
  return std::make_shared<const dedupe::DedupeSettings>(std::move(defaults).value());
}

std::shared_ptr<Config> LoadCommandConfig(const std::string& path, const RuleRegistry& registry) {
  LoadResult loaded = LoadRunConfig(path, registry);
  for (const auto& error : loaded.errors) std::cerr << error.str() << '\n';
  return loaded.config;
}

int Fail(const char* command, int code, const std::string& message) {
  std::cerr << "pardot-clean " << command << ": " << message << '\n';
  return code;
}

std::string UtcNow(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, format, &tm);
  return buffer;
}

std::string NewRunId() {
  std::random_device entropy;
  char suffix[8];
  std::snprintf(suffix, sizeof suffix, "%04x", entropy() & 0xffff);
  return UtcNow("%Y%m%d-%H%M%S-") + suffix;
}

Result<std::vector<std::unique_ptr<ReportWriter>>> OpenReports(
    const std::vector<std::string>& paths, const RunInfo& info) {
  std::vector<std::unique_ptr<ReportWriter>> reports;
  for (const auto& path : paths) {
    auto report = OpenReport(path, info);
    if (!report.ok()) return report.status();
    reports.push_back(std::move(*report));
  }
  return reports;
}

Progress::Output ProgressOutput(const CommonOptions& common) {
  Progress::Output output;
  output.live = !common.quiet && !common.json && Progress::StderrIsTerminal();
  output.verbose = common.verbose && !common.quiet;
  return output;
}

void PrintTimings(const RunSummary& s, const CommonOptions& common) {
  if (!common.verbose || common.quiet) return;
  if (s.dedupe) {
    std::fprintf(stderr, "dedupe: %s (%zu candidate pairs, %zu clusters)\n",
                 DurationText(s.dedupe->seconds).c_str(), s.dedupe->candidate_pairs,
                 s.dedupe->clusters);
  }
  std::fprintf(stderr, "total: %s\n", DurationText(s.seconds).c_str());
}

void PrintSummary(const RunInfo& info, const RunSummary& s, const std::string& output,
                  const std::vector<std::string>& reports) {
  std::printf("pardot-clean run %s (%s) from %s\n", info.run_id.c_str(),
              info.mode == "apply" ? "applied" : "dry run", info.source.c_str());
  std::printf(
      "  %llu records read, %llu changed (%llu field changes), %llu flags, "
      "%llu rejected rows, %llu failed\n",
      static_cast<unsigned long long>(s.records_in),
      static_cast<unsigned long long>(s.records_changed),
      static_cast<unsigned long long>(s.field_changes), static_cast<unsigned long long>(s.flagged),
      static_cast<unsigned long long>(s.rejected), static_cast<unsigned long long>(s.failed));
  for (std::size_t i = 0; i < info.rules.size(); ++i) {
    std::printf("  %-20s %-28s %10llu changed\n", info.rules[i].label.c_str(),
                info.rules[i].where.str().c_str(),
                static_cast<unsigned long long>(s.rule_changes[i]));
  }
  if (s.dedupe) {
    const DedupeTotals& d = *s.dedupe;
    std::printf(
        "  dedupe (%s): %zu clusters of %zu records, %zu survivors updated, %zu losers %s, "
        "%zu for review; %zu pairs compared, largest block %zu, blocks skipped: %zu; %.2f s\n",
        d.shared_email.c_str(), d.clusters, d.records_in_clusters, d.survivors_updated,
        d.losers_deleted > 0 ? d.losers_deleted : d.losers_flagged,
        d.losers_deleted > 0 ? "to delete" : "flagged", d.review, d.candidate_pairs,
        d.largest_block, d.skipped_blocks.size(), d.seconds);
  }
  if (s.api.requests > 0) {
    std::printf("  API: %lld requests (%lld retries), at most %d in flight", s.api.requests,
                s.api.retries, s.api.max_in_flight);
    if (s.api.budget_remaining >= 0) std::printf(", %lld left today", s.api.budget_remaining);
    std::printf("\n");
  }
  if (s.writes.planned > 0 || info.mode == "apply") {
    std::printf("  writes: %lld planned, %lld confirmed, %lld refused by Pardot, %lld unknown\n",
                s.writes.planned, s.writes.confirmed, s.writes.failed, s.writes.unknown);
  }
  if (s.writes.deleted > 0 || s.writes.already_gone > 0) {
    std::printf("  deletes: %lld prospects moved to the recycle bin, %lld were already gone\n",
                s.writes.deleted, s.writes.already_gone);
  }
  if (s.writes.read_only_skipped > 0) {
    std::printf("  %lld changes to read-only fields were not written\n",
                s.writes.read_only_skipped);
  }
  if (s.writes.not_in_pardot_skipped > 0) {
    std::printf(
        "  %lld changes to fields Pardot did not return (derived by rules) were not written\n",
        s.writes.not_in_pardot_skipped);
  }
  if (s.writes.invalid_skipped > 0) {
    std::printf("  %lld changes held values Pardot cannot take and were not written (see the "
                "report's rejected records)\n",
                s.writes.invalid_skipped);
  }
  if (!s.stopped.empty()) std::printf("  stopped: %s\n", s.stopped.c_str());
  if (!output.empty()) std::printf("  output: %s\n", output.c_str());
  for (const auto& r : reports) std::printf("  report: %s\n", r.c_str());
  const double rate = s.seconds > 0 ? static_cast<double>(s.records_in) / s.seconds : 0;
  std::printf("  %.2f s, %.0f records/s\n", s.seconds, rate);
}

std::string SummaryJson(const RunInfo& info, const RunSummary& s, int exit_code) {
  std::string out = "{\"run_id\":";
  AppendJsonString(out, info.run_id);
  out += ",\"mode\":";
  AppendJsonString(out, info.mode);
  out += ",\"exit_code\":" + std::to_string(exit_code);
  auto count = [&](const char* key, std::uint64_t n) {
    out += ",\"" + std::string(key) + "\":" + std::to_string(n);
  };
  count("records_in", s.records_in);
  count("records_changed", s.records_changed);
  count("field_changes", s.field_changes);
  count("records_rejected", s.rejected);
  count("records_failed", s.failed);
  count("flags_raised", s.flagged);
  count("api_requests", static_cast<std::uint64_t>(s.api.requests));
  count("writes_planned", static_cast<std::uint64_t>(s.writes.planned));
  count("writes_confirmed", static_cast<std::uint64_t>(s.writes.confirmed));
  count("writes_failed", static_cast<std::uint64_t>(s.writes.failed));
  count("writes_unknown", static_cast<std::uint64_t>(s.writes.unknown));
  count("writes_deleted", static_cast<std::uint64_t>(s.writes.deleted));
  count("writes_already_gone", static_cast<std::uint64_t>(s.writes.already_gone));
  count("writes_restored", static_cast<std::uint64_t>(s.writes.restored));
  if (s.dedupe) {
    count("dedupe_clusters", s.dedupe->clusters);
    count("dedupe_records_in_clusters", s.dedupe->records_in_clusters);
    count("dedupe_review", s.dedupe->review);
    count("dedupe_losers_flagged", s.dedupe->losers_flagged);
    count("dedupe_losers_deleted", s.dedupe->losers_deleted);
    count("dedupe_candidate_pairs", s.dedupe->candidate_pairs);
    count("dedupe_largest_block", s.dedupe->largest_block);
    char dedupe_seconds[32];
    std::snprintf(dedupe_seconds, sizeof dedupe_seconds, "%.3f", s.dedupe->seconds);
    out += ",\"dedupe_seconds\":";
    out += dedupe_seconds;
  }
  out += ",\"stopped\":";
  AppendJsonString(out, s.stopped);
  out += ",\"rules\":[";
  for (std::size_t i = 0; i < info.rules.size(); ++i) {
    out += i ? "," : "";
    out += "{\"rule\":";
    AppendJsonString(out, info.rules[i].label);
    out += ",\"changed\":" + std::to_string(s.rule_changes[i]) + "}";
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.3f", s.seconds);
  return out + "],\"duration_s\":" + seconds + "}";
}

}  // namespace pdc
