#include "rules/registry.h"

#include <stdexcept>
#include <string>

// Every built-in rule: one line each. The spec itself lives beside the rule (rules/NAME.cpp).
#define PDC_BUILTIN_RULES(X) \
  X(Text)                    \
  X(NameCase)                \
  X(Email)                   \
  X(Set)                     \
  X(Default)                 \
  X(Copy)                    \
  X(RegexReplace)            \
  X(Map)                     \
  X(Website)                 \
  X(Phone)                   \
  X(Fold)                    \
  X(Name)                    \
  X(Lookup)                  \
  X(CompanyFromEmail)        \
  X(Country)                 \
  X(State)                   \
  X(Company)                 \
  X(JobTitle)

namespace pdc {

#define PDC_DECLARE(name) const RuleSpec& name##RuleSpec();
PDC_BUILTIN_RULES(PDC_DECLARE)
#undef PDC_DECLARE

RuleRegistry RuleRegistry::WithBuiltins() {
  RuleRegistry registry;
#define PDC_ADD(name) registry.Add(name##RuleSpec());
  PDC_BUILTIN_RULES(PDC_ADD)
#undef PDC_ADD
  return registry;
}

void RuleRegistry::Add(const RuleSpec& spec) {
  if (Find(spec.name) != nullptr) {
    throw std::invalid_argument("rule " + std::string(spec.name) + " is registered twice");
  }
  specs_.push_back(&spec);
}

const RuleSpec* RuleRegistry::Find(std::string_view name) const {
  for (const RuleSpec* spec : specs_) {
    if (spec->name == name) return spec;
  }
  return nullptr;
}

}  // namespace pdc
