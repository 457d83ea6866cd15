// FileSource: the graph's source for file mode: reads batches of records from a RecordReader.
// Called by the source node only (serially). A read error ends the input and is kept in status().
#pragma once

#include <atomic>
#include <memory>

#include "pipeline/batch.h"
#include "pipeline/record_io.h"

namespace pdc {

class FileSource {
 public:
  FileSource(std::unique_ptr<RecordReader> reader, std::size_t batch_size)
      : reader_(std::move(reader)), batch_size_(batch_size) {}

  // The next batch, or null at the end of the input.
  BatchPtr Next();

  const RecordReader& reader() const { return *reader_; }

 private:
  std::unique_ptr<RecordReader> reader_;
  std::size_t batch_size_;
  std::uint64_t seq_ = 0;
};

}  // namespace pdc
