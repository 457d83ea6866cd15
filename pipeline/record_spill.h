// RecordSpill: the cleaned records of a dedupe run, on disk while the clusters are found. A dedupe
// run needs every record before it can write the first, and a million cleaned records take
// gigabytes in memory; on disk they take about as much as the input. Anonymous (std::tmpfile in
// TMPDIR, else /tmp): nothing is left behind.
//
// Batches are added in source order; each record gets the next index (0, 1, ...). Encode may run
// on any thread; Add and TakeBatch are for one thread; Read may run on many at once (pread).
#pragma once

#include <cstdint>
#include <cstdio>
#include <vector>

#include "pipeline/batch.h"
#include "rules/status.h"

namespace pdc {

class RecordSpill {
 public:
  RecordSpill();
  ~RecordSpill();
  RecordSpill(const RecordSpill&) = delete;
  RecordSpill& operator=(const RecordSpill&) = delete;

  // A batch's records as bytes: made on any thread (Encode is the costly part), written by Add.
  struct Encoded {
    std::string bytes;
    std::vector<std::uint32_t> sizes;  // of each record's bytes, in order
  };
  static Encoded Encode(const Batch& batch);
  // Writes the batch's records (`encoded` from Encode(batch)) to the file and empties them from
  // the batch, which keeps its sequence number, checkpoint and rejected rows.
  Status Add(Batch& batch, const Encoded& encoded);
  std::size_t records() const { return spans_.size(); }
  std::size_t batches() const { return batches_.size(); }

  // Record `index` as it was added.
  Result<Record> Read(std::uint32_t index) const;
  // Batch `b` (in the order added) with its records read back; each batch can be taken once.
  Result<BatchPtr> TakeBatch(std::size_t b);

 private:
  struct Span {
    std::uint64_t offset;
    std::uint32_t size;
  };
  struct Held {
    BatchPtr batch;  // without its records
    std::uint32_t first = 0, count = 0;
  };
  Status ReadBytes(std::uint64_t offset, std::size_t size, std::string& out) const;

  std::FILE* file_ = nullptr;
  int fd_ = -1;
  std::uint64_t end_ = 0;
  std::vector<Span> spans_;
  std::vector<Held> batches_;
};

}  // namespace pdc
