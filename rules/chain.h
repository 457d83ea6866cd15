// RuleChain: the config's rules in order, with a table describing each rule instance (its
// name@version and where the config declared it) for reports. Apply is safe to call from many
// threads at once; each record is owned by the calling thread.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace pdc {

struct RuleInfo {
  std::string label;     // name@version, e.g. "email@1"
  SourceLocation where;  // where the config declares this instance
  const Rule* rule = nullptr;  // the instance (null for a `when` slot reserved before it exists)
};

class RuleChain {
 public:
  // Registers a rule instance in the table and returns its index (for rules nested under
  // `when:`, which are applied by their parent, not by the chain).
  RuleIndex Register(Rule& rule, RuleInfo info);
  // Reserves a table slot before the rule exists (a `when` item, listed before its nested rules).
  RuleIndex Reserve(RuleInfo info);
  // Adds a top-level rule, applied in order by Apply.
  void Append(std::unique_ptr<Rule> rule) { top_.push_back(std::move(rule)); }

  void Apply(Record& record) const;
  // Applies the chain to a batch: record by record, except that a batch rule (BatchRule) gets
  // every record still standing at its turn at once. A rule that throws on a record, or that
  // fails it, fails that record alone: its fields go back to what was read, the failure is noted
  // on it, and no later rule sees it.
  void ApplyBatch(std::span<Record> records) const;

  const std::vector<RuleInfo>& table() const { return table_; }
  // Fields the rules name in their options (candidates for new output columns).
  std::vector<FieldId>& named_fields() { return named_fields_; }
  const std::vector<FieldId>& named_fields() const { return named_fields_; }
  // The named fields a source should pull when it pulls only what it is asked for: those rules
  // read, and outputs the config names explicitly (not a rule's default derived fields).
  std::vector<FieldId>& pull_fields() { return pull_fields_; }
  const std::vector<FieldId>& pull_fields() const { return pull_fields_; }

 private:
  std::vector<std::unique_ptr<Rule>> top_;
  std::vector<RuleInfo> table_;
  std::vector<FieldId> named_fields_;
  std::vector<FieldId> pull_fields_;
};

}  // namespace pdc
