#include "pipeline/diff.h"

namespace pdc {

void DiffStage::Process(Batch& batch) const {
  batch.changes.clear();
  for (std::uint32_t i = 0; i < batch.records.size(); ++i) {
    const Record& record = batch.records[i];
    if (!record.has_log()) continue;
    for (const Field& before : record.log()->before) {
      if (!(record.Get(before.id) == before.value)) batch.changes.push_back({i, before.id});
    }
  }
}

}  // namespace pdc
