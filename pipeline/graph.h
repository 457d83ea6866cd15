// The flow graph of a run (DESIGN.md §1), wired in one function.
#pragma once

#include <cstddef>

#include "pipeline/clean.h"
#include "pipeline/diff.h"
#include "pipeline/file_source.h"
#include "pipeline/results.h"

namespace pdc {

struct GraphLimits {
  std::size_t batches_in_flight = 16;  // bounds memory: the source waits when this many are out
};

// source → clean (parallel) → diff (parallel) → order → results (serial). Returns when every
// batch has reached the results stage.
void RunFileGraph(FileSource& source, const CleanStage& clean, const DiffStage& diff,
                  ResultSink& results, const GraphLimits& limits);

}  // namespace pdc
