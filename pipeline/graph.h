// The flow graph of a run (DESIGN.md §1), wired in one function.
#pragma once

#include <cstddef>

#include "pipeline/clean.h"
#include "pipeline/diff.h"
#include "pipeline/results.h"
#include "pipeline/write_stage.h"

namespace pdc {

struct GraphLimits {
  std::size_t batches_in_flight = 16;  // bounds memory: the source waits when this many are out
  std::size_t write_slots = 5;         // write batches sent at once (Pardot allows five)
};

struct GraphStages {
  BatchSource& source;
  const CleanStage& clean;
  const DiffStage& diff;
  ResultSink& results;
  WriteStage* writes = nullptr;  // null: nothing is written (files, dry runs)
};

// source → clean (parallel) → diff (parallel) → order → results (serial)
//   [→ plan (serial) → send (5 at once) → settle (serial)]
// Returns when every batch has reached the end. A batch's place in flight is freed when its
// results are out and, when it has writes, when the last of them is settled.
void RunGraph(const GraphStages& stages, const GraphLimits& limits);

}  // namespace pdc
