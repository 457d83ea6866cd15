// RuleRegistry: the rules a config may name. Built-in rules come from one explicit list in
// registry.cpp (one line each); plugins add theirs at load time.
#pragma once

#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace pdc {

class RuleRegistry {
 public:
  static RuleRegistry WithBuiltins();

  void Add(const RuleSpec& spec);
  const RuleSpec* Find(std::string_view name) const;
  const std::vector<const RuleSpec*>& all() const { return specs_; }

 private:
  std::vector<const RuleSpec*> specs_;
};

}  // namespace pdc
