#include "pipeline/pardot_run.h"

#include <chrono>
#include <iostream>

#include "pipeline/dedupe_stage.h"
#include "pipeline/graph.h"
#include "pipeline/pardot/field_map.h"
#include "pipeline/pardot/list_membership.h"
#include "pipeline/pardot_connection.h"
#include "pipeline/pardot_source.h"
#include "pipeline/pardot_writes.h"
#include "pipeline/run_common.h"
#include "pipeline/run_progress.h"

namespace pdc {
namespace {

std::string StateOf(int exit_code) {
  switch (exit_code) {
    case kExitOk:
      return "done";
    case kExitDailyLimit:
      return "stopped_limit";
    case kExitAuth:
      return "auth_failed";
    default:
      return "failed";
  }
}

// The lists whose membership the run reads: the config's, and the one dedupe puts losers on.
std::vector<long long> ListsRead(const Config& config) {
  std::vector<long long> lists = config.pardot_source->lists;
  if (config.dedupe_settings && config.dedupe_settings->flag_list != 0 &&
      std::find(lists.begin(), lists.end(), config.dedupe_settings->flag_list) == lists.end()) {
    lists.push_back(config.dedupe_settings->flag_list);
  }
  return lists;
}

}  // namespace

int RunPardot(const RunOptions& options, const Config& config, const CommonOptions& common,
              const std::optional<RunRow>& resumed) {
  const auto started = std::chrono::steady_clock::now();
  const PardotSourceConfig& p = *config.pardot_source;
  auto opened = Journal::Open(options.journal);
  if (!opened.ok()) return Fail("run", kExitUsage, opened.status().message());
  Journal& journal = **opened;
  auto connected = Connect(p, journal);
  if (!connected.ok()) return Fail("run", kExitUsage, connected.status().message());
  PardotConnection& connection = *connected;
  pardot::Session& session = *connection.session;

  RunInfo info;
  info.run_id = resumed ? resumed->run_id : NewRunId();
  info.mode = resumed || options.apply ? "apply" : "dry_run";
  info.config_path = resumed ? resumed->config_path : options.config;
  info.config_hash = config.hash;
  info.source = "pardot:" + p.business_unit_id + " v" + std::to_string(p.api_version);
  info.started_at = UtcNow("%Y-%m-%dT%H:%M:%SZ");
  info.rules = config.rules.table();
  const auto dedupe_rule = static_cast<RuleIndex>(info.rules.size());
  if (config.dedupe) info.rules.push_back({"dedupe", config.dedupe->where, nullptr});
  info.data = LoadedDataFiles();
  auto reports = OpenReports(options.reports, info);
  if (!reports.ok()) return Fail("run", kExitUsage, reports.status().message());
  std::vector<ReportWriter*> report_ptrs;
  for (auto& r : *reports) report_ptrs.push_back(r.get());

  pardot::ProspectWriter writer(session, p.api_version);
  RunControl control;

  std::int64_t first_op_id = 1;
  std::vector<PullRange> ranges = {{0, 0}};
  bool planned_all = false;  // a dedupe run whose operations are all in the journal
  if (resumed) {
    auto ops = journal.Operations(info.run_id);
    if (!ops.ok()) return Fail("run", kExitFault, ops.status().message());
    if (!ops->empty()) first_op_id = ops->back().op_id + 1;
    auto checkpoint = journal.Checkpoint(info.run_id);
    if (!checkpoint.ok()) return Fail("run", kExitFault, checkpoint.status().message());
    if (*checkpoint) ranges = RangesFromJson(**checkpoint);
    // A dedupe run plans every operation before it sends one, and saves its checkpoint as it
    // plans: with a checkpoint, everything is planned and only the sending is left.
    planned_all = config.dedupe_settings && *checkpoint;
  } else {
    RunRow row;
    row.run_id = info.run_id;
    row.mode = info.mode;
    row.config_path = options.config;
    row.config_hash = config.hash;
    row.source = info.source;
    row.business_unit_id = p.business_unit_id;
    row.api_version = p.api_version;
    row.started_at = info.started_at;
    if (Status st = journal.BeginRun(row); !st.ok()) return Fail("run", kExitFault, st.message());
  }

  pardot::PullOptions pull = PullOptionsFor(config);
  if (!resumed && p.parallel_pulls > 1) {
    auto split = SplitIdSpace(session, pull, p.parallel_pulls);
    if (!split.ok()) return Fail("run", kExitFault, split.status().message());
    ranges = std::move(*split);
  }

  RunProgress progress(ProgressOutput(common));
  std::unique_ptr<PardotWrites> writes;
  if (info.mode == "apply") {
    writes = std::make_unique<PardotWrites>(journal, info.run_id, p.api_version, writer, control,
                                            first_op_id, ranges);
    writes->set_progress(&progress);
  }
  if (resumed && writes) {
    writes->VerifyUnknown();
    auto planned = journal.Operations(info.run_id, OpState::kPlanned);
    if (!planned.ok()) return Fail("run", kExitFault, planned.status().message());
    writes->SendPlanned(std::move(*planned));
  }

  // Memberships are read before the prospects, so that every prospect pulled carries them.
  std::optional<ListMembers> lists;
  if (!control.stopped() && !planned_all)
    lists = PullLists(session, p.api_version, ListsRead(config), control);
  const ListMembers* members = lists ? &*lists : nullptr;
  const CleanStage clean(config.rules);
  const DiffStage diff;
  ResultSink results(info.rules.size(), nullptr, report_ptrs, nullptr);
  if (control.stopped() || planned_all) {
    // nothing to pull: stopped already, or a resumed dedupe run that only had sends left
  } else if (config.dedupe_settings) {
    // A dedupe run starts over when resumed before its plan was complete: clusters need every
    // record, so the pull starts again from the beginning.
    if (resumed) ranges = {{0, 0}};
    PardotSource source(session, pull, ranges, control, members, &progress);
    DedupeStage dedupe(*config.dedupe_settings, dedupe_rule, p.api_version == 5);
    auto totals = RunDedupeGraph({source, &clean, diff, results, writes.get(), &progress},
                                 GraphLimits{}, dedupe, report_ptrs, &control);
    if (!totals.ok()) {
      control.Stop(kExitFault, "dedupe: " + totals.status().message());
    } else if (*totals) {
      results.summary().dedupe = std::move(**totals);
    }
  } else {
    PardotSource source(session, pull, ranges, control, members, &progress);
    RunGraph({source, &clean, diff, results, writes.get(), &progress}, GraphLimits{});
  }
  if (writes && !control.stopped()) writes->VerifyUnknown();
  if (writes) writes->ReportRefusals(report_ptrs);
  progress.Finish();

  RunSummary& summary = results.summary();
  RecordApiUsage(connection, p.business_unit_id, journal, summary);
  if (writes) summary.writes = writes->totals();
  summary.stopped = control.why();
  summary.finished_at = UtcNow("%Y-%m-%dT%H:%M:%SZ");
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  int code = control.stopped() ? control.exit_code() : kExitOk;
  for (auto& report : *reports) {
    if (Status st = report->Finish(summary); !st.ok() && code == kExitOk) {
      code = Fail("run", kExitFault, st.message());
    }
  }
  journal.FinishRun(info.run_id, StateOf(code), code, SummaryJson(info, summary, code));
  if (control.stopped())
    Fail("run", code,
         control.why() + (code == kExitDailyLimit || code == kExitFault
                              ? " (continue with `pardot-clean resume " + info.run_id + "`)"
                              : ""));
  PrintTimings(summary, common);
  if (common.json) {
    std::cout << SummaryJson(info, summary, code) << '\n';
  } else if (!common.quiet) {
    PrintSummary(info, summary, "", options.reports);
  }
  return code;
}

int ResumeCommand(const std::string& run_id, const RunOptions& options,
                  const CommonOptions& common) {
  std::optional<RunRow> row;
  std::optional<std::string> checkpoint;  // an export's: the options it was started with
  {
    auto journal = Journal::Open(options.journal);
    if (!journal.ok()) return Fail("resume", kExitUsage, journal.status().message());
    auto found = (*journal)->FindRun(run_id);
    if (!found.ok()) return Fail("resume", kExitFault, found.status().message());
    row = *found;
    auto kept = (*journal)->Checkpoint(run_id);
    if (!kept.ok()) return Fail("resume", kExitFault, kept.status().message());
    checkpoint = *kept;
  }
  if (!row) return Fail("resume", kExitUsage, "no run " + run_id + " in " + options.journal);
  if (row->kind == "export") {
    if (row->state == "done") {
      std::cout << "export " << run_id << " is complete; nothing to resume\n";
      return kExitOk;
    }
    auto export_options = ExportOptionsOf(*row, checkpoint.value_or(""));
    if (!export_options.ok()) return Fail("resume", kExitFault, export_options.status().message());
    export_options->journal = options.journal;
    return ExportCommand(*export_options, common, row);
  }
  if (row->kind != "run" || row->mode != "apply") {
    return Fail("resume", kExitUsage,
                "run " + run_id + " is a " + row->mode + " " + row->kind +
                    "; only applied runs are resumed (start a new dry run instead)");
  }
  if (row->state == "done") {
    std::cout << "run " << run_id << " is complete; nothing to resume\n";
    return kExitOk;
  }
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  const std::shared_ptr<Config> loaded = LoadCommandConfig(row->config_path, registry);
  if (!loaded) return kExitUsage;
  if (loaded->hash != row->config_hash) {
    return Fail("resume", kExitUsage,
                row->config_path + " changed since run " + run_id +
                    " started; resume needs the same rules (or start a new run)");
  }
  if (!loaded->pardot_source) {
    return Fail("resume", kExitUsage, row->config_path + " no longer has a Pardot source");
  }
  return RunPardot(options, *loaded, common, row);
}

}  // namespace pdc
