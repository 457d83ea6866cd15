// WriteStage: what the graph does with the changes of a run that writes to Pardot
// (pipeline/graph.cpp):
//   Plan    serial, in source order, after the results: turns a batch's changes into
//           operations, stores them in the journal (before anything is sent) and returns the
//           full write batches (a partial one waits for the next source batch);
//   Send    on the I/O threads, up to five at once: sends one write batch;
//   Settle  serial: records each operation's outcome;
//   Flush   after the last source batch: the partial write batch, if any.
#pragma once

#include <vector>

#include "pipeline/batch.h"
#include "pipeline/pardot/operation.h"
#include "pipeline/pardot/writer.h"

namespace pdc {

struct WriteBatch {
  std::vector<Operation> operations;
};

struct WriteResult {
  WriteBatch batch;
  pardot::ProspectWriter::BatchResult result;
};

class WriteStage {
 public:
  virtual ~WriteStage() = default;
  virtual std::vector<WriteBatch> Plan(const Batch& batch) = 0;
  virtual std::vector<WriteBatch> Flush() = 0;
  virtual WriteResult Send(WriteBatch batch) = 0;
  virtual void Settle(const WriteResult& result) = 0;
};

}  // namespace pdc
