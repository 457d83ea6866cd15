// Batch: the message that flows through the graph: a run of consecutive records from the source,
// with its sequence number (the sinks restore source order by it), the rows the reader rejected
// on the way, and, after the diff stage, the field changes. Owned by one node at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "pipeline/record_io.h"
#include "rules/record.h"

namespace pdc {

// One field whose value differs from what the source held.
struct FieldChange {
  std::uint32_t record;  // index into Batch::records
  FieldId field;
};

struct Batch {
  std::uint64_t seq = 0;
  long long max_id = 0;   // Pardot sources: the highest prospect id in the batch (the checkpoint)
  std::size_t range = 0;  // Pardot sources: the id range it was pulled from
  std::vector<Record> records;
  std::vector<RejectedRow> rejected;
  std::vector<FieldChange> changes;
  // Records the dedupe stage chose to delete (losers under `losers: delete`), as indexes into
  // `records`, ascending. They are still read, cleaned and reported; the writer deletes them
  // instead of updating them.
  std::vector<std::uint32_t> deletes;
};

using BatchPtr = std::shared_ptr<Batch>;

// Where batches come from: a file or a Pardot pull. Next is called by the source node only
// (serially) and returns null at the end of the input.
class BatchSource {
 public:
  virtual ~BatchSource() = default;
  virtual BatchPtr Next() = 0;
};

}  // namespace pdc
