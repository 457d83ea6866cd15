// What every kind of run shares: run ids, times, reports, and the summary printed at the end.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/commands.h"
#include "pipeline/progress.h"
#include "pipeline/report.h"
#include "rules/config.h"

namespace pdc {

// LoadConfig, then the `dedupe:` section's settings (whose mistakes are config errors too).
LoadResult LoadRunConfig(const std::string& path, const RuleRegistry& registry);
// LoadRunConfig for a command: every error goes to stderr, and the result is then null (the
// command exits with kExitUsage).
std::shared_ptr<Config> LoadCommandConfig(const std::string& path, const RuleRegistry& registry);

// The config's dedupe settings, or for a config without `dedupe:` the defaults (what `dedupe:`
// alone gives), for commands that match without running dedupe (explain, pair and cluster tests).
std::shared_ptr<const dedupe::DedupeSettings> DedupeSettingsOrDefaults(const Config& config);

// Prints "pardot-clean COMMAND: message" on stderr and returns `code` (for `return Fail(...)`).
int Fail(const char* command, int code, const std::string& message);

// UTC now, formatted with strftime.
std::string UtcNow(const char* format);
// A new run id: "YYYYMMDD-HHMMSS-xxxx" (UTC, then 16 random bits).
std::string NewRunId();

// Opens every --report path; the error names the one that failed.
Result<std::vector<std::unique_ptr<ReportWriter>>> OpenReports(
    const std::vector<std::string>& paths, const RunInfo& info);

// How a run shows progress: live on a terminal unless --quiet or --json; with --verbose (not
// --quiet) the final count also goes to stderr when it is not a terminal.
Progress::Output ProgressOutput(const CommonOptions& common);
// --verbose (not --quiet): the time the stages after cleaning took and the whole run's, on stderr.
void PrintTimings(const RunSummary& s, const CommonOptions& common);

void PrintSummary(const RunInfo& info, const RunSummary& s, const std::string& output,
                  const std::vector<std::string>& reports);
std::string SummaryJson(const RunInfo& info, const RunSummary& s, int exit_code);

}  // namespace pdc
