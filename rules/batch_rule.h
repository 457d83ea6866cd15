// BatchRule: a rule that works on a batch of records at once, such as a command plugin that
// answers one request per batch. The chain hands it the records still standing at its turn; a
// record it cannot handle it fails (Record::Fail), and the chain then reverts that record alone.
#pragma once

#include <span>

#include "rules/rule.h"

namespace pdc {

class BatchRule : public Rule {
 public:
  // Safe to call from several threads at once, each with its own records.
  virtual void ApplyBatch(std::span<Record* const> records) const = 0;

  // One record is a batch of one (a batch rule nested under `when:`).
  void Apply(Record& record) const override {
    Record* one = &record;
    ApplyBatch({&one, 1});
  }
};

}  // namespace pdc
