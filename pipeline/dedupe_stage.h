// Dedupe: the one barrier of a run (DESIGN.md §1). It takes every cleaned batch of the run at
// once, finds the clusters of duplicates (rules/dedupe/engine.h), picks each cluster's survivor
// and its surviving values (rules/dedupe/survivorship.h), and marks the records: the survivor's
// new values and each loser's flag field are set through Record::Set under the dedupe stage's
// rule index, so the diff, the journal, the reports and `undo` treat them like any rule's
// change; losers to delete are listed in their batch's `deletes`. It never drops a record.
//
// The shared-email policy and the loser action are described in rules/dedupe/settings.h.
// A cluster whose losers an earlier run flagged keeps that run's survivor (Survive's
// previous_master), so repeated runs converge instead of swapping roles. Clusters over the size guard, clusters that would join distinct CRM records, and clusters with
// a member that has no prospect id are reported for review and left unchanged.
//
// Cost: FindDuplicates (about 0.45 s for 100,000 prospects on 2 cores) plus survivorship, which
// runs in parallel over clusters (each cluster changes only its own members).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "pipeline/batch.h"
#include "pipeline/graph.h"
#include "pipeline/report.h"
#include "pipeline/run_control.h"
#include "rules/dedupe/settings.h"

namespace pdc {

class DedupeStage {
 public:
  // `rule` is the index the dedupe stage has in the run's rule table (for change attribution).
  // `opted_out_writable` is false where clients cannot set opted_out (Pardot v3 and v4): a
  // loser's opt-out then reaches the survivor as is_do_not_email, so that the merged person
  // gets no email either way.
  DedupeStage(const dedupe::DedupeSettings& settings, RuleIndex rule,
              bool opted_out_writable = true)
      : settings_(settings), rule_(rule), opted_out_writable_(opted_out_writable) {}

  // Marks the records of `batches` (the whole run) and tells `reports` each cluster and the
  // totals. Fails only on an engine error (too many records, an invalid option).
  Result<DedupeTotals> Process(std::span<const BatchPtr> batches,
                               std::span<ReportWriter* const> reports) const;

 private:
  std::optional<std::size_t> PreviousMaster(const dedupe::Cluster& cluster,
                                            std::span<Record* const> records) const;

  const dedupe::DedupeSettings& settings_;
  const RuleIndex rule_;
  const bool opted_out_writable_;
};

// True when two members of `cluster` have one email address: under shared_email: flag_only
// such a cluster is only flagged, its survivor keeps its values.
bool SharesAddress(const dedupe::Cluster& cluster, const dedupe::DedupeResult& found);

// The graph of a run with dedupe: source → clean → (every batch) → dedupe → diff → results
// [→ plan]. With writes, every operation is planned, and so journaled, before the first is sent
// (a resume then never needs the records again); they are then sent `write_slots` at a time.
// When `control` says stop once the records are in (a pull cut short), nothing is deduplicated
// or planned: dedupe on part of the records would be wrong. Returns nullopt then.
Result<std::optional<DedupeTotals>> RunDedupeGraph(const GraphStages& stages,
                                                   const GraphLimits& limits,
                                                   const DedupeStage& dedupe,
                                                   std::span<ReportWriter* const> reports,
                                                   const RunControl* control = nullptr);

}  // namespace pdc
