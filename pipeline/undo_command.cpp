// `undo RUN_ID [--apply]`: writes back the before-images of an applied run, field by field, but
// only where the field still holds the value the run wrote; a field someone changed since is
// reported as a conflict and left alone. Dry unless --apply; an applied undo is a run of its own
// (kind "undo") in the journal, so it can be resumed and even undone.
//
// Deletes are undone by an undelete (ProspectWriter: v5 do/undelete by email, in every API
// version, since v3/v4 have none), only for prospects the run itself deleted and that are still
// deleted; one already gone when the run sent its delete, or active again, is listed and left
// alone. Pardot's undelete restores the deleted prospect with the latest activity for the
// email, so when another deleted prospect shares the address it may come back instead: the
// operation is then refused, naming it. Restores are sent before the updates are reversed: a
// dedupe run may have moved a loser's values onto its survivor, and this order never leaves a
// moment where those values are held by neither prospect. An undelete of an earlier undo is
// undone by deleting the prospect again.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <mutex>

#include "pipeline/commands.h"
#include "pipeline/io_pool.h"
#include "pipeline/pardot/field_map.h"
#include "pipeline/pardot/list_membership.h"
#include "pipeline/pardot_connection.h"
#include "pipeline/pardot_source.h"
#include "pipeline/pardot_writes.h"
#include "pipeline/run_common.h"
#include "rules/config.h"

namespace pdc {
namespace {

// A flag reads back in the version's own spelling (v3/v4 "1" or "", v5 true or false), which
// need not be the one the run wrote ("true").
bool FlagIsSet(const Value& v) {
  const std::string t = v.text();
  return t == "1" || t == "true" || t == "TRUE" || t == "True";
}

bool Holds(const std::string& field, const Value& now, const Value& wrote) {
  if (pardot::ListIdOf(field)) return pardot::IsMember(now) == pardot::IsMember(wrote);
  if (pardot::V5TypeOf(field) == pardot::V5Type::kBoolean) return FlagIsSet(now) == FlagIsSet(wrote);
  if (wrote.is_null()) return now.empty();
  return now.text() == wrote.text();
}

// The operation that reverses a confirmed delete or undelete: an undelete that brings back the
// values the delete kept, or a delete whose before-image is what the undelete brought back.
Operation Reverse(const Operation& op) {
  Operation reverse;
  reverse.prospect_id = op.prospect_id;
  reverse.kind = op.kind == "delete" ? "undelete" : "delete";
  for (const FieldWrite& w : op.fields) reverse.fields.push_back({w.field, w.after, w.before});
  return reverse;
}

// The reversal as the reports show it: each field with a value going from or to empty.
Record Shown(const Operation& reverse) {
  Record record;
  record.set_id(reverse.prospect_id);
  for (const FieldWrite& w : reverse.fields) {
    if (w.before.empty() && w.after.empty()) continue;
    record.Load(InternField(w.field), w.before);
    record.Set(InternField(w.field), w.after, 0);
  }
  return record;
}

bool ByProspectId(const Operation& a, const Operation& b) {
  return std::stoll(a.prospect_id) < std::stoll(b.prospect_id);
}

}  // namespace

int UndoCommand(const std::string& run_id, bool apply, const RunOptions& options,
                const CommonOptions& common) {
  const auto started = std::chrono::steady_clock::now();
  auto opened = Journal::Open(options.journal);
  if (!opened.ok()) return Fail("undo", kExitUsage, opened.status().message());
  Journal& journal = **opened;
  auto found = journal.FindRun(run_id);
  if (!found.ok()) return Fail("undo", kExitFault, found.status().message());
  if (!*found) return Fail("undo", kExitUsage, "no run " + run_id + " in " + options.journal);
  const RunRow& run = **found;
  if (run.mode != "apply")
    return Fail("undo", kExitUsage, "run " + run_id + " was a dry run: it wrote nothing");

  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  const std::shared_ptr<Config> loaded = LoadCommandConfig(run.config_path, registry);
  if (!loaded) return kExitUsage;
  if (!loaded->pardot_source)
    return Fail("undo", kExitUsage, run.config_path + " has no Pardot source");
  const PardotSourceConfig& p = *loaded->pardot_source;
  if (p.business_unit_id != run.business_unit_id) {
    return Fail("undo", kExitUsage,
                run.config_path + " now names business unit " + p.business_unit_id + ", but run " +
                    run_id + " wrote to " + run.business_unit_id);
  }
  auto confirmed = journal.Operations(run_id, OpState::kConfirmed);
  if (!confirmed.ok()) return Fail("undo", kExitFault, confirmed.status().message());

  auto connected = Connect(p, journal);
  if (!connected.ok()) return Fail("undo", kExitUsage, connected.status().message());
  PardotConnection& connection = *connected;
  pardot::Session& session = *connection.session;
  pardot::ProspectWriter writer(session, run.api_version);
  RunControl control;

  RunInfo info;
  info.run_id = NewRunId();
  info.mode = apply ? "apply" : "dry_run";
  info.config_path = run.config_path;
  info.config_hash = loaded->hash;
  info.source = "undo of " + run_id;
  info.started_at = UtcNow("%Y-%m-%dT%H:%M:%SZ");
  info.rules = {{"undo", {run.config_path, 0, 0}}};
  auto reports = OpenReports(options.reports, info);
  if (!reports.ok()) return Fail("undo", kExitUsage, reports.status().message());

  // Read what every written prospect holds now (five reads at once), and decide field by field.
  std::vector<Operation> reverts, restores;
  std::vector<std::pair<std::string, std::string>> conflicts;  // prospect id, what changed
  std::vector<Record> shown;                                   // for the reports: now -> restored
  std::mutex mutex;
  {
    IoPool readers(5, 10);
    for (const Operation& op : *confirmed) {
      if (WasAlreadyGone(op)) {
        conflicts.emplace_back(op.prospect_id,
                               "not restored: it was already gone when the run sent its delete, "
                               "so the run did not delete it");
        continue;
      }
      if (op.single_request()) {
        readers.Submit([&, op] {
          if (control.stopped()) return;
          auto active = writer.Exists(op.prospect_id);
          std::lock_guard lock(mutex);
          const bool deleted = op.kind == "delete";
          if (!active.ok()) {
            conflicts.emplace_back(op.prospect_id, active.status().message());
          } else if (*active == deleted) {
            conflicts.emplace_back(op.prospect_id, deleted ? "not restored: it is active again"
                                                           : "not deleted: it was deleted again");
          } else {
            restores.push_back(Reverse(op));
            shown.push_back(Shown(restores.back()));
          }
        });
        continue;
      }
      readers.Submit([&, op] {
        if (control.stopped()) return;
        std::vector<std::string> names;
        for (const auto& w : op.fields) names.push_back(w.field);
        auto now = writer.Read(op.prospect_id, names);
        std::lock_guard lock(mutex);
        if (!now.ok()) {
          conflicts.emplace_back(op.prospect_id, now.status().message());
          return;
        }
        Operation revert;
        revert.prospect_id = op.prospect_id;
        Record record;
        record.set_id(op.prospect_id);
        for (const FieldWrite& w : op.fields) {
          const Value& current = now->Get(InternField(w.field));
          if (!Holds(w.field, current, w.after)) {
            conflicts.emplace_back(op.prospect_id, w.field + " changed since the run (now " +
                                                       current.text() + ", the run wrote " +
                                                       w.after.text() + ")");
            continue;
          }
          revert.fields.push_back({w.field, current, w.before});
          record.Load(InternField(w.field), current);
          record.Set(InternField(w.field), w.before, 0);
        }
        if (!revert.fields.empty()) {
          reverts.push_back(std::move(revert));
          shown.push_back(std::move(record));
        }
      });
    }
  }
  // Restores first (see the top of this file), each part in prospect id order.
  std::sort(restores.begin(), restores.end(), ByProspectId);
  std::sort(reverts.begin(), reverts.end(), ByProspectId);
  const std::size_t restore_count = restores.size();
  reverts.insert(reverts.begin(), std::make_move_iterator(restores.begin()),
                 std::make_move_iterator(restores.end()));
  for (std::size_t i = 0; i < reverts.size(); ++i)
    reverts[i].op_id = static_cast<std::int64_t>(i) + 1;

  RunSummary summary;
  summary.rule_changes = {0};
  std::sort(shown.begin(), shown.end(), [](const Record& a, const Record& b) {
    return std::stoll(a.id()) < std::stoll(b.id());
  });
  const RuleIndex undo_rule[] = {0};
  for (const Record& r : shown) {
    ++summary.records_changed;
    for (const Field& before : r.log()->before) {
      ++summary.field_changes;
      ++summary.rule_changes[0];
      for (auto& report : *reports) report->Change(r, before.id, undo_rule);
    }
  }
  for (const auto& [id, why] : conflicts) {
    for (auto& report : *reports) report->RejectedByPardot(id, "conflict: " + why);
  }
  summary.records_in = confirmed->size();
  summary.rejected = conflicts.size();

  int code = control.stopped() ? control.exit_code() : kExitOk;
  if (apply && code == kExitOk) {
    RunRow row;
    row.run_id = info.run_id;
    row.kind = "undo";
    row.undo_of = run_id;
    row.mode = "apply";
    row.config_path = run.config_path;
    row.config_hash = loaded->hash;
    row.source = info.source;
    row.business_unit_id = run.business_unit_id;
    row.api_version = run.api_version;
    row.started_at = info.started_at;
    if (Status st = journal.BeginRun(row); !st.ok()) return Fail("undo", kExitFault, st.message());
    if (Status st = journal.Plan(info.run_id, reverts); !st.ok())
      return Fail("undo", kExitFault, st.message());
    PardotWrites writes(journal, info.run_id, run.api_version, writer, control, 1);
    writes.SendPlanned(reverts);
    if (!control.stopped()) writes.VerifyUnknown();
    std::vector<ReportWriter*> report_ptrs;
    for (auto& report : *reports) report_ptrs.push_back(report.get());
    writes.ReportRefusals(report_ptrs);
    summary.writes = writes.totals();
    summary.writes.planned = static_cast<long long>(reverts.size());
    code = control.stopped() ? control.exit_code() : kExitOk;
  }
  RecordApiUsage(connection, p.business_unit_id, journal, summary);
  summary.stopped = control.why();
  summary.finished_at = UtcNow("%Y-%m-%dT%H:%M:%SZ");
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (auto& report : *reports) {
    if (Status st = report->Finish(summary); !st.ok() && code == kExitOk)
      code = Fail("undo", kExitFault, st.message());
  }
  if (apply)
    journal.FinishRun(info.run_id, code == kExitOk ? "done" : "failed", code,
                      SummaryJson(info, summary, code));
  if (control.stopped()) Fail("undo", code, control.why());
  if (common.json) {
    std::cout << SummaryJson(info, summary, code) << '\n';
  } else if (!common.quiet) {
    std::printf(
        "undo of %s (%s): %zu prospects written by the run, %llu to restore (%llu fields, %zu "
        "deleted prospects to bring back), %zu conflicts left alone\n",
        run_id.c_str(), apply ? "applied" : "dry run", confirmed->size(),
        static_cast<unsigned long long>(summary.records_changed),
        static_cast<unsigned long long>(summary.field_changes), restore_count, conflicts.size());
    if (apply) {
      std::printf(
          "  writes: %lld confirmed (%lld prospects restored), %lld refused by Pardot, "
          "%lld unknown\n",
          summary.writes.confirmed, summary.writes.restored, summary.writes.failed,
          summary.writes.unknown);
    }
    for (std::size_t i = 0; i < conflicts.size() && i < 10; ++i) {
      std::printf("  conflict: prospect %s: %s\n", conflicts[i].first.c_str(),
                  conflicts[i].second.c_str());
    }
    if (conflicts.size() > 10) std::printf("  ... %zu more in the report\n", conflicts.size() - 10);
  }
  return code;
}

}  // namespace pdc
