#include "pipeline/clean.h"

namespace pdc {

void CleanStage::Process(Batch& batch) const { chain_.ApplyBatch(batch.records); }

}  // namespace pdc
