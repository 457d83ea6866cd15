#include "pipeline/file_source.h"

namespace pdc {

BatchPtr FileSource::Next() {
  auto batch = std::make_shared<Batch>();
  batch->records.reserve(batch_size_);
  // A batch may come back with rejected rows only; it still flows, so they reach the report.
  if (!reader_->Next(batch->records, batch_size_, batch->rejected) && batch->rejected.empty()) {
    return nullptr;
  }
  batch->seq = seq_++;
  return batch;
}

}  // namespace pdc
