// WhenRule: the `when:`/`then:`/`else:` item: applies its `then` rules to the records its
// condition holds for, and its `else` rules to the others. Built by the config loader.
#pragma once

#include <memory>
#include <vector>

#include "rules/condition.h"
#include "rules/rule.h"

namespace pdc {

class WhenRule final : public Rule {
 public:
  WhenRule(std::unique_ptr<Condition> condition, std::vector<std::unique_ptr<Rule>> then_rules,
           std::vector<std::unique_ptr<Rule>> else_rules)
      : condition_(std::move(condition)),
        then_(std::move(then_rules)),
        else_(std::move(else_rules)) {}

  void Apply(Record& record) const override {
    for (const auto& rule : condition_->Holds(record) ? then_ : else_) rule->Apply(record);
  }

 private:
  std::unique_ptr<Condition> condition_;
  std::vector<std::unique_ptr<Rule>> then_;
  std::vector<std::unique_ptr<Rule>> else_;
};

}  // namespace pdc
