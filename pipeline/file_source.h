// FileSource: the graph's source for file mode: reads batches of records from a RecordReader.
// Rows the reader rejects travel in the batches too, so they reach the reports.
#pragma once

#include <memory>

#include "pipeline/batch.h"
#include "pipeline/record_io.h"

namespace pdc {

class FileSource final : public BatchSource {
 public:
  FileSource(std::unique_ptr<RecordReader> reader, std::size_t batch_size)
      : reader_(std::move(reader)), batch_size_(batch_size) {}

  BatchPtr Next() override;

  const RecordReader& reader() const { return *reader_; }

 private:
  std::unique_ptr<RecordReader> reader_;
  std::size_t batch_size_;
  std::uint64_t seq_ = 0;
};

}  // namespace pdc
