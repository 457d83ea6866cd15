// Test helpers for rule tests: build a chain from YAML through the real config loader, run it on
// one record, and read back fields and flags.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/config.h"

namespace pdc {

using FieldTexts = std::initializer_list<std::pair<std::string, std::string>>;

inline EnvLookup NoEnvironment() {
  return [](const std::string&) { return std::optional<std::string>(); };
}

// Every diagnostic the loader reports for a whole config file.
inline std::vector<Diagnostic> ConfigErrors(std::string_view whole_yaml) {
  return LoadConfigFromString(whole_yaml, "test.yaml", RuleRegistry::WithBuiltins(),
                              NoEnvironment())
      .errors;
}

// Loads the items of a `rules:` list (each line indented, e.g. "  - text: {}\n"); a config error
// fails the test and yields null.
inline std::shared_ptr<Config> LoadRules(std::string_view rules_yaml) {
  LoadResult result =
      LoadConfigFromString("version: 1\nrules:\n" + std::string(rules_yaml), "test.yaml",
                           RuleRegistry::WithBuiltins(), NoEnvironment());
  for (const Diagnostic& d : result.errors) ADD_FAILURE() << d.str();
  return result.config;
}

inline Record MakeRecord(FieldTexts fields) {
  Record record(1);
  for (const auto& [name, text] : fields) record.Load(InternField(name), Value::Text(text));
  return record;
}

// Applies the YAML `rules:` list to `record`.
inline void ApplyRulesTo(std::string_view rules_yaml, Record& record) {
  if (auto config = LoadRules(rules_yaml)) config->rules.Apply(record);
}

// Applies the YAML `rules:` list to one record given as field -> text pairs; returns the record.
inline Record ApplyRules(std::string_view rules_yaml, FieldTexts fields) {
  Record record = MakeRecord(fields);
  ApplyRulesTo(rules_yaml, record);
  return record;
}

// The text a field holds ("<null>" when null or absent).
inline std::string TextOf(const Record& record, std::string_view field) {
  const Value& value = record.Get(InternField(field));
  return value.is_null() ? "<null>" : value.text();
}

// The messages of the flags with `code`, in the order raised.
inline std::vector<std::string> FlagMessages(const Record& record, std::string_view code) {
  std::vector<std::string> messages;
  if (record.log() == nullptr) return messages;
  for (const Flag& flag : record.log()->flags) {
    if (flag.code == code) messages.push_back(flag.message);
  }
  return messages;
}

// True when some diagnostic's message contains `needle`.
inline bool AnyErrorMentions(const std::vector<Diagnostic>& errors, std::string_view needle) {
  for (const Diagnostic& d : errors) {
    if (d.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace pdc
