// Diff: finds, per record, the fields whose value now differs from what the source held. A field
// that rules changed and then changed back is no change; a record with no change makes no write.
#pragma once

#include "pipeline/batch.h"

namespace pdc {

class DiffStage {
 public:
  void Process(Batch& batch) const;
};

}  // namespace pdc
