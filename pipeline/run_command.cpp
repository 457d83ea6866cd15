// `run`: cleans prospects through the config's rules. From a file: writes the cleaned records and
// the reports. From Pardot: pipeline/pardot_run.cpp.
#include <tbb/global_control.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <random>

#include "pipeline/commands.h"
#include "pipeline/dedupe_stage.h"
#include "pipeline/file_source.h"
#include "pipeline/graph.h"
#include "pipeline/json_text.h"
#include "pipeline/pardot_run.h"
#include "pipeline/progress.h"
#include "pipeline/run_common.h"
#include "rules/config.h"

namespace pdc {
namespace {

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::exists(b, ec) && std::filesystem::equivalent(a, b, ec);
}

}  // namespace

int RunCommand(const RunOptions& options, const CommonOptions& common) {
  const auto started = std::chrono::steady_clock::now();
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  const std::shared_ptr<Config> loaded = LoadCommandConfig(options.config, registry);
  if (!loaded) return kExitUsage;
  const Config& config = *loaded;

  // Where the records come from and go to: the command line wins over the config.
  std::string input = options.input;
  std::string input_format;
  char delimiter = ',';
  if (input.empty() && config.file_source) {
    input = config.file_source->path;
    input_format = config.file_source->format;
    delimiter = config.file_source->delimiter;
  }
  if (input.empty() && config.pardot_source) {
    if (!options.output.empty()) {
      return Fail("run", kExitUsage,
                  "--output writes files; a Pardot run writes back to Pardot with --apply");
    }
    return RunPardot(options, config, common, std::nullopt);
  }
  if (input.empty()) {
    return Fail("run", kExitUsage, "no input: give --input FILE or a `source:` in the config");
  }
  std::string output = options.output;
  std::string output_format;
  char output_delimiter = delimiter;
  if (output.empty() && config.sink.file) {
    output = config.sink.file->path;
    output_format = config.sink.file->format;
    output_delimiter = config.sink.file->delimiter;
  }
  if (!output.empty() && SameFile(input, output)) {
    return Fail("run", kExitUsage,
                "--output names the input file; write the cleaned records elsewhere");
  }
  auto in_format = FormatOf(input, input_format);
  if (!in_format.ok()) return Fail("run", kExitUsage, in_format.status().message());
  auto reader = OpenReader(input, *in_format, {delimiter});
  if (!reader.ok()) return Fail("run", kExitUsage, reader.status().message());

  std::unique_ptr<RecordWriter> writer;
  if (!output.empty()) {
    auto out_format = FormatOf(output, output_format);
    if (!out_format.ok()) return Fail("run", kExitUsage, out_format.status().message());
    auto scanned = *out_format == FileFormat::kCsv && *in_format != FileFormat::kCsv
                       ? ScanColumns(input, *in_format, {delimiter})
                       : Result<std::vector<FieldId>>((*reader)->columns());
    if (!scanned.ok()) return Fail("run", kExitUsage, scanned.status().message());
    std::vector<FieldId> columns = *scanned;
    std::vector<FieldId> named = config.rules.named_fields();
    if (config.dedupe_settings && !config.dedupe_settings->flag_field.empty()) {
      named.push_back(InternField(config.dedupe_settings->flag_field));
    }
    for (FieldId f : named) {
      if (std::find(columns.begin(), columns.end(), f) == columns.end()) columns.push_back(f);
    }
    auto opened = OpenWriter(output, *out_format, columns, output_delimiter);
    if (!opened.ok()) return Fail("run", kExitUsage, opened.status().message());
    writer = std::move(*opened);
  }

  RunInfo info;
  info.run_id = NewRunId();
  info.mode = options.apply ? "apply" : "dry_run";
  info.config_path = options.config;
  info.config_hash = config.hash;
  info.source = "file:" + input;
  info.started_at = UtcNow("%Y-%m-%dT%H:%M:%SZ");
  info.rules = config.rules.table();
  const auto dedupe_rule = static_cast<RuleIndex>(info.rules.size());
  if (config.dedupe) info.rules.push_back({"dedupe", config.dedupe->where, nullptr});
  info.data = LoadedDataFiles();

  std::vector<std::unique_ptr<ReportWriter>> reports;
  std::vector<ReportWriter*> report_ptrs;
  for (const auto& path : options.reports) {
    auto report = OpenReport(path, info);
    if (!report.ok()) return Fail("run", kExitUsage, report.status().message());
    report_ptrs.push_back(report->get());
    reports.push_back(std::move(*report));
  }

  std::unique_ptr<tbb::global_control> threads;
  if (options.threads > 0) {
    threads = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                    static_cast<std::size_t>(options.threads));
  }
  Progress progress("cleaning", ProgressOutput(common));
  FileSource source(std::move(*reader), options.batch_size);
  progress.SetDone([&source] { return source.reader().fraction_read(); });
  const CleanStage clean(config.rules);
  const DiffStage diff;
  ResultSink results(info.rules.size(), writer.get(), report_ptrs, &progress);
  Status dedupe_status;
  if (config.dedupe_settings) {
    DedupeStage dedupe(*config.dedupe_settings, dedupe_rule);
    auto totals = RunDedupeGraph({source, &clean, diff, results}, GraphLimits{}, dedupe,
                                 report_ptrs);
    if (!totals.ok()) {
      dedupe_status = totals.status();
    } else if (*totals) {
      results.summary().dedupe = std::move(**totals);
    }
  } else {
    RunGraph({source, &clean, diff, results}, GraphLimits{});
  }
  progress.Done();

  RunSummary& summary = results.summary();
  int code = kExitOk;
  if (!dedupe_status.ok()) code = Fail("run", kExitFault, "dedupe: " + dedupe_status.message());
  if (!results.status().ok()) code = Fail("run", kExitFault, results.status().message());
  if (writer) {
    if (Status st = writer->Close(); !st.ok() && code == kExitOk)
      code = Fail("run", kExitFault, st.message());
  }
  summary.finished_at = UtcNow("%Y-%m-%dT%H:%M:%SZ");
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (auto& report : reports) {
    if (Status st = report->Finish(summary); !st.ok() && code == kExitOk) {
      code = Fail("run", kExitFault, st.message());
    }
  }
  PrintTimings(summary, common);
  if (common.json) {
    std::cout << SummaryJson(info, summary, code) << '\n';
  } else if (!common.quiet) {
    PrintSummary(info, summary, output, options.reports);
  }
  return code;
}

}  // namespace pdc
