// The flow graph of a run (DESIGN.md §1), wired in one function.
#pragma once

#include <cstddef>
#include <vector>

#include "pipeline/clean.h"
#include "pipeline/diff.h"
#include "pipeline/results.h"
#include "pipeline/run_progress.h"
#include "pipeline/write_stage.h"

namespace pdc {

struct GraphLimits {
  std::size_t batches_in_flight = 16;  // bounds memory: the source waits when this many are out
  std::size_t write_slots = 5;         // write batches sent at once (Pardot allows five)
  std::size_t writes_queued = 20;      // write batches waiting for a slot before planning waits
};

struct GraphStages {
  BatchSource& source;
  const CleanStage* clean;  // null: the batches come cleaned (a dedupe run's second half)
  const DiffStage& diff;
  ResultSink& results;
  WriteStage* writes = nullptr;  // null: nothing is written (files, dry runs)
  RunProgress* progress = nullptr;  // told of the records cleaned (and held by dedupe), if given
};

// source → clean (parallel) → diff (parallel) → order → results and plan (serial)
//   [→ send (I/O threads, five at once) → settle (serial)]
// Returns when every batch has reached the end and every write is settled.
void RunGraph(const GraphStages& stages, const GraphLimits& limits);

// Sends write batches `slots` at a time on I/O threads; Settle runs one result at a time.
// Returns when every batch is settled.
void SendAll(WriteStage& writes, std::vector<WriteBatch> batches, std::size_t slots);

}  // namespace pdc
