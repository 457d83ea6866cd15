// `run`: cleans prospects from a file through the config's rules, writes the cleaned records and
// the reports. (Pardot sources and sinks join this command with the API client.)
#include <tbb/global_control.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <random>

#include "pipeline/commands.h"
#include "pipeline/file_source.h"
#include "pipeline/graph.h"
#include "pipeline/json_text.h"
#include "pipeline/progress.h"
#include "rules/config.h"

namespace pdc {
namespace {

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

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::exists(b, ec) && std::filesystem::equivalent(a, b, ec);
}

int Fail(int code, const std::string& message) {
  std::cerr << "pardot-clean run: " << message << '\n';
  return code;
}

Result<FileFormat> FormatOf(const std::string& path, const std::string& configured) {
  if (configured == "csv") return FileFormat::kCsv;
  if (configured == "jsonl") return FileFormat::kJsonl;
  return FormatOfPath(path);
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

}  // namespace

int RunCommand(const RunOptions& options, const CommonOptions& common) {
  const auto started = std::chrono::steady_clock::now();
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  const LoadResult loaded = LoadConfig(options.config, registry);
  if (!loaded.config) {
    for (const auto& error : loaded.errors) std::cerr << error.str() << '\n';
    return kExitUsage;
  }
  const Config& config = *loaded.config;

  // Where the records come from and go to: the command line wins over the config.
  std::string input = options.input;
  std::string input_format;
  char delimiter = ',';
  if (input.empty() && config.file_source) {
    input = config.file_source->path;
    input_format = config.file_source->format;
    delimiter = config.file_source->delimiter;
  }
  if (input.empty()) {
    return Fail(kExitUsage, config.pardot_source
                                ? "this build cleans files only: pass --input FILE.csv|.jsonl"
                                : "no input: give --input FILE or a `source: file:` in the config");
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
    return Fail(kExitUsage, "--output names the input file; write the cleaned records elsewhere");
  }
  auto in_format = FormatOf(input, input_format);
  if (!in_format.ok()) return Fail(kExitUsage, in_format.status().message());
  auto reader = OpenReader(input, *in_format, {delimiter});
  if (!reader.ok()) return Fail(kExitUsage, reader.status().message());

  std::unique_ptr<RecordWriter> writer;
  if (!output.empty()) {
    auto out_format = FormatOf(output, output_format);
    if (!out_format.ok()) return Fail(kExitUsage, out_format.status().message());
    auto scanned = *out_format == FileFormat::kCsv && *in_format != FileFormat::kCsv
                       ? ScanColumns(input, *in_format, {delimiter})
                       : Result<std::vector<FieldId>>((*reader)->columns());
    if (!scanned.ok()) return Fail(kExitUsage, scanned.status().message());
    std::vector<FieldId> columns = *scanned;
    for (FieldId f : config.rules.named_fields()) {
      if (std::find(columns.begin(), columns.end(), f) == columns.end()) columns.push_back(f);
    }
    auto opened = OpenWriter(output, *out_format, columns, output_delimiter);
    if (!opened.ok()) return Fail(kExitUsage, opened.status().message());
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

  std::vector<std::unique_ptr<ReportWriter>> reports;
  std::vector<ReportWriter*> report_ptrs;
  for (const auto& path : options.reports) {
    auto report = OpenReport(path, info);
    if (!report.ok()) return Fail(kExitUsage, report.status().message());
    report_ptrs.push_back(report->get());
    reports.push_back(std::move(*report));
  }

  std::unique_ptr<tbb::global_control> threads;
  if (options.threads > 0) {
    threads = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                    static_cast<std::size_t>(options.threads));
  }
  Progress progress("cleaning", !common.quiet && !common.json && Progress::StderrIsTerminal());
  FileSource source(std::move(*reader), options.batch_size);
  const CleanStage clean(config.rules);
  const DiffStage diff;
  ResultSink results(info.rules.size(), writer.get(), report_ptrs, &progress);
  RunGraph({source, clean, diff, results}, GraphLimits{});
  progress.Done();

  RunSummary& summary = results.summary();
  int code = kExitOk;
  if (!results.status().ok()) code = Fail(kExitFault, results.status().message());
  if (writer) {
    if (Status st = writer->Close(); !st.ok() && code == kExitOk)
      code = Fail(kExitFault, st.message());
  }
  summary.finished_at = UtcNow("%Y-%m-%dT%H:%M:%SZ");
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (auto& report : reports) {
    if (Status st = report->Finish(summary); !st.ok() && code == kExitOk) {
      code = Fail(kExitFault, st.message());
    }
  }
  if (common.json) {
    std::cout << SummaryJson(info, summary, code) << '\n';
  } else if (!common.quiet) {
    PrintSummary(info, summary, output, options.reports);
  }
  return code;
}

}  // namespace pdc
