// Dedupe: the one barrier of a run (DESIGN.md §1). Match keys are built while the cleaned
// batches stream in, and the records themselves wait in a spill file (pipeline/record_spill.h),
// so memory holds about 0.8 KB a record instead of the records. Once all are in it finds the
// clusters of duplicates (rules/dedupe/engine.h), picks each cluster's survivor and its
// surviving values (rules/dedupe/survivorship.h) from the members read back, and then hands the
// batches on with the records marked: the survivor's new values and each loser's flag field are
// set through Record::Set under the dedupe stage's rule index, so the diff, the journal, the
// reports and `undo` treat them like any rule's change; losers to delete are listed in their
// batch's `deletes`. It never drops a record.
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
#include "pipeline/record_spill.h"
#include "pipeline/report.h"
#include "pipeline/run_control.h"
#include "rules/dedupe/settings.h"

namespace pdc {

class DedupeStage final : public BatchSource {
 public:
  // `rule` is the index the dedupe stage has in the run's rule table (for change attribution).
  // `opted_out_writable` is false where clients cannot set opted_out (Pardot v3 and v4): a
  // loser's opt-out then reaches the survivor as is_do_not_email, so that the merged person
  // gets no email either way.
  DedupeStage(const dedupe::DedupeSettings& settings, RuleIndex rule,
              bool opted_out_writable = true)
      : settings_(settings), rule_(rule), opted_out_writable_(opted_out_writable) {}

  // What dedupe keeps of a cleaned batch: its records' match keys and cluster-order keys, and
  // the records encoded for the spill.
  struct Prepared {
    std::vector<dedupe::MatchKeys> keys;
    std::vector<std::string> created, ids;
    std::vector<std::uint64_t> lines;
    RecordSpill::Encoded encoded;
  };
  // Any thread, any order: the batch's match keys and its records' bytes.
  Prepared Prepare(const Batch& batch) const;
  // One thread, in source order: keeps the keys and moves the records to the spill file.
  Status Keep(Batch& batch, Prepared prepared);

  // Once every batch is kept: finds the clusters, decides each survivor, its values and the
  // losers' actions, and tells `reports` each cluster and the totals. Fails on an engine error
  // (too many records, an invalid option) or an unreadable spill.
  Result<DedupeTotals> Decide(std::span<ReportWriter* const> reports);

  // After Decide, as a source: the batches, read back in source order, with the survivors' new
  // values and the losers' flags set (under `rule`) and the deletes listed. Null at the end, or
  // on a read error (then status()).
  BatchPtr Next() override;
  const Status& status() const { return status_; }

  // One change dedupe makes to one record (by index over the run).
  struct Edit {
    std::uint32_t record;
    FieldId field;
    Value value;
    bool absent;  // the field is the account's though the source left it out (LoadAbsent)
  };

 private:
  std::optional<std::size_t> PreviousMaster(std::span<const Record* const> members) const;

  const dedupe::DedupeSettings& settings_;
  const RuleIndex rule_;
  const bool opted_out_writable_;
  RecordSpill spill_;
  std::vector<dedupe::MatchKeys> keys_;
  // Record::label() of record `index`: its id, else its line.
  std::string Label(std::uint32_t index) const;

  std::vector<std::string> created_, ids_;  // by record index
  std::vector<std::uint64_t> lines_;
  std::vector<Edit> edits_;                          // by record index
  std::vector<std::uint32_t> deletes_;               // record indexes, ascending
  std::size_t next_batch_ = 0, next_edit_ = 0, next_delete_ = 0;
  std::uint32_t next_record_ = 0;
  Status status_;
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
                                                   const GraphLimits& limits, DedupeStage& dedupe,
                                                   std::span<ReportWriter* const> reports,
                                                   const RunControl* control = nullptr);

}  // namespace pdc
