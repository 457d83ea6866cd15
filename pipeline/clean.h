// Clean: the stage that runs the rule chain over every record of a batch (RuleChain::ApplyBatch).
// Safe to run on many batches at once. A rule that throws fails only its record: the record's
// fields are restored to what was read, the failure is noted on it, and it goes on unchanged.
#pragma once

#include "pipeline/batch.h"
#include "rules/chain.h"

namespace pdc {

class CleanStage {
 public:
  explicit CleanStage(const RuleChain& chain) : chain_(chain) {}
  void Process(Batch& batch) const;

 private:
  const RuleChain& chain_;
};

}  // namespace pdc
