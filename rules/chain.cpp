#include "rules/chain.h"

#include <stdexcept>

namespace pdc {

RuleIndex RuleChain::Reserve(RuleInfo info) {
  if (table_.size() >= kNoRule) throw std::length_error("too many rules in one config");
  const auto index = static_cast<RuleIndex>(table_.size());
  table_.push_back(std::move(info));
  return index;
}

RuleIndex RuleChain::Register(Rule& rule, RuleInfo info) {
  info.rule = &rule;
  const RuleIndex index = Reserve(std::move(info));
  rule.set_index(index);
  return index;
}

void RuleChain::Apply(Record& record) const {
  for (const auto& rule : top_) rule->Apply(record);
}

}  // namespace pdc
