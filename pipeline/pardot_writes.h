// PardotWrites: the WriteStage of a Pardot run with --apply. Plans each changed record as one
// update operation (its changed, writable fields with before-images) and each record the
// dedupe stage chose to delete (Batch::deletes) as one delete operation (the before-image of
// every field read, and no update: a record to delete is not updated first), journals them
// before anything is sent, saves the pull checkpoint once the batch's operations are journaled,
// sends full write batches (updates: 50 a call in v3/v4, so a run costs pages +
// ceil(changed / 50) + deleted requests; one PATCH a record in v5; deletes: one request each,
// ten to a write batch), and records each outcome.
// Plan, Flush and Settle run serially; Send runs on several threads at once.
#pragma once

#include "pipeline/journal.h"
#include "pipeline/pardot/writer.h"
#include "pipeline/pardot_source.h"
#include "pipeline/report.h"
#include "pipeline/run_control.h"
#include "pipeline/run_progress.h"
#include "pipeline/write_stage.h"

namespace pdc {

class PardotWrites final : public WriteStage {
 public:
  // `ranges` are the id ranges being pulled: the checkpoint keeps where each one is.
  PardotWrites(Journal& journal, std::string run_id, int api_version,
               pardot::ProspectWriter& writer, RunControl& control, std::int64_t first_op_id = 1,
               std::vector<PullRange> ranges = {{0, 0}});

  std::vector<WriteBatch> Plan(const Batch& batch) override;
  std::vector<WriteBatch> Flush() override;
  WriteResult Send(WriteBatch batch) override;
  void Settle(const WriteResult& result) override;

  // Sends operations already in the journal (resume), in write batches, serially.
  void SendPlanned(std::vector<Operation> operations);
  // Settles operations whose outcome is unknown: a read shows whether the write landed; those
  // that did not are sent again, but for undeletes, which fail instead (see the definition).
  void VerifyUnknown();

  // Tells `progress` of each operation planned and each one settled.
  void set_progress(RunProgress* progress) { progress_ = progress; }

  const RunSummary::Writes& totals() const { return totals_; }
  // Tells the reports which prospects Pardot refused to update (call after the graph).
  void ReportRefusals(const std::vector<ReportWriter*>& reports) const;

 private:
  // Operations in write batches of one sort each (updates, or one-request operations).
  std::vector<WriteBatch> Split(std::vector<Operation> operations) const;
  std::size_t BatchSize(bool single_request) const;
  // Moves the operations that fill whole write batches out of `carry`.
  std::vector<Operation> TakeFull(std::vector<Operation>& carry, bool single);
  Operation DeleteOf(const Record& record);
  void CountConfirmed(const Operation& op, bool already_gone);

  Journal& journal_;
  const std::string run_id_;
  const int api_version_;
  pardot::ProspectWriter& writer_;
  RunControl& control_;
  std::int64_t next_op_id_;
  std::vector<Operation> carry_;         // planned updates, waiting to fill a write batch
  std::vector<Operation> delete_carry_;  // planned deletes, likewise
  std::vector<PullRange> ranges_;  // the checkpoint: how far each range is journaled
  RunSummary::Writes totals_;
  RunProgress* progress_ = nullptr;
  std::vector<std::pair<std::string, std::string>> refusals_;  // prospect id, Pardot's reason
};

}  // namespace pdc
