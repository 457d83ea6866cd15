// WriteStage: what the graph does with the changes of a run that writes to Pardot. Three steps,
// each on its own node (pipeline/graph.cpp):
//   Plan    serial, in source order, after the results: turns a batch's changes into
//           operations, stores them in the journal (before anything is sent) and splits them
//           into write batches;
//   Send    up to five at once: sends one write batch;
//   Settle  serial: records each operation's outcome.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "pipeline/batch.h"
#include "pipeline/pardot/operation.h"
#include "pipeline/pardot/writer.h"

namespace pdc {

struct WriteBatch {
  std::vector<Operation> operations;
  // Write batches of the same source batch share this count; the last one settled frees the
  // source batch's place in the graph.
  std::shared_ptr<std::atomic<int>> pending;
};

struct WriteResult {
  WriteBatch batch;
  pardot::ProspectWriter::BatchResult result;
};

class WriteStage {
 public:
  virtual ~WriteStage() = default;
  virtual std::vector<WriteBatch> Plan(const Batch& batch) = 0;
  virtual WriteResult Send(WriteBatch batch) = 0;
  virtual void Settle(const WriteResult& result) = 0;
};

}  // namespace pdc
