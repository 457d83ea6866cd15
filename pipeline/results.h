// ResultSink: the last stage: takes batches in source order, writes the cleaned records to the
// output file, feeds the reports, and keeps the run's totals. Serial: one batch at a time.
// A write error stops further writing and is kept in status(); the run then fails.
#pragma once

#include <vector>

#include "pipeline/batch.h"
#include "pipeline/report.h"

namespace pdc {

class Progress;

class ResultSink {
 public:
  ResultSink(std::size_t rule_count, RecordWriter* output, std::vector<ReportWriter*> reports,
             Progress* progress);

  void Consume(Batch& batch);

  RunSummary& summary() { return summary_; }
  const Status& status() const { return status_; }

 private:
  void ReportChanges(const Batch& batch);

  RecordWriter* output_;
  std::vector<ReportWriter*> reports_;
  Progress* progress_;
  RunSummary summary_;
  Status status_;
  std::vector<RuleIndex> rules_;  // scratch
};

}  // namespace pdc
