// Rule options: each rule declares its options in one table (key, type, default, one-line doc).
// The config loader checks YAML against the table, fills defaults and rejects unknown keys;
// `pardot-clean rules` prints the same table, so the documentation cannot drift from the code.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/field_names.h"
#include "rules/value.h"

namespace pdc {

enum class OptionType {
  kString,   // a scalar
  kStrings,  // a list of scalars (a lone scalar is taken as a list of one)
  kField,    // a field name
  kFields,   // a list of field names (a lone name is a list of one)
  kBool,
  kInt,
  kChoice,     // one of OptionSpec::choices ("a|b|c")
  kValue,      // a scalar or null (what `set` writes)
  kStringMap,  // a mapping of scalar to scalar-or-null
};

std::string_view OptionTypeName(OptionType type);
// The names of a kChoice option's choices, "a|b|c" → {a, b, c}.
std::vector<std::string_view> SplitChoices(std::string_view choices);

struct OptionSpec {
  std::string_view key;
  OptionType type;
  std::string_view default_value;  // as YAML text; "" for none
  bool required;
  std::string_view doc;
  std::string_view choices = {};  // for kChoice: "a|b|c"
};

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based
  std::string str() const;
};

// One option as the loader parsed it.
struct OptionValue {
  OptionType type = OptionType::kString;
  bool present = false;  // given in the config (else the default, if any, is filled in)
  SourceLocation where;
  std::string text;               // kString, kField, kChoice, kValue (unless null)
  bool is_null = false;           // kValue
  bool flag = false;              // kBool
  long long number = 0;           // kInt
  std::vector<std::string> list;  // kStrings, kFields
  std::vector<std::pair<std::string, std::optional<std::string>>> map;  // kStringMap, in order
};

// Thrown by a rule factory for an option whose value it cannot accept; the loader reports it at
// the option's location and goes on with the next rule. An empty key blames the options as a
// whole: the error is reported at the rule's name.
class OptionError : public std::runtime_error {
 public:
  OptionError(std::string key, const std::string& message)
      : std::runtime_error(message), key_(std::move(key)) {}
  const std::string& key() const { return key_; }

 private:
  std::string key_;
};

// The checked options of one rule instance, with defaults filled in.
class Options {
 public:
  Options(std::string rule, SourceLocation where)
      : rule_(std::move(rule)), where_(std::move(where)) {}

  void Put(std::string key, OptionValue value) { values_[std::move(key)] = std::move(value); }
  bool Has(std::string_view key) const;
  // The option as parsed (defaults filled in); null for a key the rule does not declare.
  const OptionValue* Find(std::string_view key) const;

  const std::string& String(std::string_view key) const;
  std::vector<std::string> Strings(std::string_view key) const;
  FieldId Field(std::string_view key) const;
  std::vector<FieldId> Fields(std::string_view key) const;
  bool Bool(std::string_view key) const;
  long long Int(std::string_view key) const;
  Value ValueOf(std::string_view key) const;  // kValue: Text or Null
  const std::vector<std::pair<std::string, std::optional<std::string>>>& Map(
      std::string_view key) const;

  const SourceLocation& Where(std::string_view key) const;
  const SourceLocation& where() const { return where_; }
  const std::string& rule() const { return rule_; }
  [[noreturn]] void Fail(std::string_view key, const std::string& message) const;

 private:
  const OptionValue& at(std::string_view key) const;
  std::string rule_;
  SourceLocation where_;
  std::map<std::string, OptionValue, std::less<>> values_;
};

}  // namespace pdc
