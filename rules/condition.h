// Conditions for `when:` items: tests on one record's fields. Pure and thread-safe.
//   { field: F, is: empty | not_empty }     null, "" and [] are empty
//   { field: F, equals: V [, case_insensitive: true] }
//   { field: F, matches: REGEX }            ICU syntax, found anywhere in the value
//   { field: F, in: [V, ...] [, case_insensitive: true] }
//   { all: [C, ...] }  { any: [C, ...] }  { not: C }
// On a multi-value field, equals/matches/in hold when any item does.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rules/icu_regex.h"
#include "rules/record.h"

namespace pdc {

class Condition {
 public:
  virtual ~Condition() = default;
  virtual bool Holds(const Record& record) const = 0;
};

std::unique_ptr<Condition> IsEmpty(FieldId field, bool empty);
std::unique_ptr<Condition> InSet(FieldId field, std::vector<std::string> values,
                                 bool case_insensitive);  // equals is a set of one
std::unique_ptr<Condition> Matches(FieldId field, std::shared_ptr<const IcuRegex> regex);
std::unique_ptr<Condition> AllOf(std::vector<std::unique_ptr<Condition>> parts);
std::unique_ptr<Condition> AnyOf(std::vector<std::unique_ptr<Condition>> parts);
std::unique_ptr<Condition> Not(std::unique_ptr<Condition> inner);

// Case-folded form of `text` for case-insensitive comparison (ASCII fast path).
std::string FoldCase(std::string_view text);

}  // namespace pdc
