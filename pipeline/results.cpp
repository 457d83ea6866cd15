#include "pipeline/results.h"

#include <algorithm>

#include "pipeline/progress.h"

namespace pdc {

ResultSink::ResultSink(std::size_t rule_count, RecordWriter* output,
                       std::vector<ReportWriter*> reports, Progress* progress)
    : output_(output), reports_(std::move(reports)), progress_(progress) {
  summary_.rule_changes.assign(rule_count, 0);
}

void ResultSink::Consume(Batch& batch) {
  for (const RejectedRow& row : batch.rejected) {
    ++summary_.rejected;
    for (auto* report : reports_) report->Rejected(row);
  }
  for (const Record& record : batch.records) {
    ++summary_.records_in;
    for (auto* report : reports_) report->Seen(record);
    if (!record.has_log()) continue;
    const RecordLog& log = *record.log();
    if (!log.failure.empty()) {
      ++summary_.failed;
      for (auto* report : reports_) report->Failed(record);
    }
    for (const Flag& flag : log.flags) {
      ++summary_.flagged;
      if (flag.code == "input.invalid_utf8") ++summary_.repaired_utf8;
      for (auto* report : reports_) report->Flagged(record, flag);
    }
  }
  ReportChanges(batch);
  if (output_ != nullptr && status_.ok()) {
    // A file run leaves the losers it deletes out of the cleaned file (the report lists them).
    auto deleted = batch.deletes.begin();
    for (std::uint32_t i = 0; i < batch.records.size(); ++i) {
      if (deleted != batch.deletes.end() && *deleted == i) {
        ++deleted;
        continue;
      }
      const Record& record = batch.records[i];
      if (Status st = output_->Write(record); !st.ok()) {
        status_ = st;
        break;
      }
    }
  }
  if (progress_ != nullptr) progress_->Advance(batch.records.size());
}

void ResultSink::ReportChanges(const Batch& batch) {
  std::uint32_t last_record = UINT32_MAX;
  for (const FieldChange& change : batch.changes) {
    const Record& record = batch.records[change.record];
    if (change.record != last_record) {
      ++summary_.records_changed;
      last_record = change.record;
    }
    ++summary_.field_changes;
    rules_.clear();
    for (const Touch& touch : record.log()->touches) {
      if (touch.field == change.field &&
          std::find(rules_.begin(), rules_.end(), touch.rule) == rules_.end()) {
        rules_.push_back(touch.rule);
      }
    }
    for (RuleIndex rule : rules_) {
      if (rule < summary_.rule_changes.size()) ++summary_.rule_changes[rule];
    }
    for (auto* report : reports_) report->Change(record, change.field, rules_);
  }
}

}  // namespace pdc
