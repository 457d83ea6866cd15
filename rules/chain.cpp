#include "rules/chain.h"

#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

#include "rules/batch_rule.h"

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

namespace {

bool Failed(const Record& record) { return record.log() && !record.log()->failure.empty(); }

// Reverts a record a rule failed and notes why (a failure noted by the rule itself is kept).
void FailRecord(Record& record, const std::string& why) {
  std::string failure = Failed(record) ? record.log()->failure : why;
  record.Revert();
  record.Fail(std::move(failure));
}

}  // namespace

void RuleChain::ApplyBatch(std::span<Record> records) const {
  std::vector<Record*> standing;
  standing.reserve(records.size());
  for (Record& record : records) standing.push_back(&record);
  for (std::size_t first = 0; first < top_.size() && !standing.empty();) {
    // The rules up to the next batch rule, record by record.
    std::size_t end = first;
    while (end < top_.size() && dynamic_cast<const BatchRule*>(top_[end].get()) == nullptr) ++end;
    if (end > first) {
      for (Record*& record : standing) {
        try {
          for (std::size_t r = first; r < end; ++r) top_[r]->Apply(*record);
        } catch (const std::exception& e) {
          FailRecord(*record, std::string("rule failed: ") + e.what());
          record = nullptr;
        } catch (...) {
          FailRecord(*record, "rule failed with an unknown error");
          record = nullptr;
        }
      }
      std::erase(standing, nullptr);
      first = end;
      continue;
    }
    const auto& batch_rule = static_cast<const BatchRule&>(*top_[first]);
    try {
      batch_rule.ApplyBatch(standing);
    } catch (const std::exception& e) {
      for (Record* record : standing) FailRecord(*record, std::string("rule failed: ") + e.what());
      standing.clear();
    }
    for (Record*& record : standing) {
      if (Failed(*record)) {
        FailRecord(*record, "");
        record = nullptr;
      }
    }
    std::erase(standing, nullptr);
    ++first;
  }
}

}  // namespace pdc
