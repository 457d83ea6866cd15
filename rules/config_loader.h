// ConfigLoader: builds a Config from a parsed YAML document, collecting every error. Private to
// rules/ (it exposes yaml-cpp). config.cpp reads the document, sources, sinks and tests;
// config_rules.cpp the rule items, their options and `when` conditions.
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/condition.h"
#include "rules/config.h"
#include "rules/yaml_reader.h"

namespace pdc {

class ConfigLoader {
 public:
  // Rules are checked against a copy of `registry` to which the config's plugins add theirs.
  ConfigLoader(YamlReader& yaml, const RuleRegistry& registry, Config& config)
      : y_(yaml), config_(config), registry_(config.registry) {
    registry_ = registry;
  }

  void Document(const YAML::Node& root);

 private:
  void Plugins(const YAML::Node& node);
  void NativePluginItem(const YAML::Node& node);
  void CommandPluginItem(const YAML::Node& item);
  void Source(const YAML::Node& node);
  std::optional<FileSourceConfig> FileEndpoint(const YAML::Node& node, std::string_view what);
  void Pardot(const YAML::Node& node);
  void Dedupe(const YAML::Node& node);
  std::vector<std::vector<DedupeSpec::MatchField>> MatchGroups(const YAML::Node& node);
  void Sink(const YAML::Node& node);
  void Tests(const YAML::Node& node);
  bool OnlyTestKeys(const YAML::Node& item, std::string_view kind,
                    std::initializer_list<std::string_view> refused);
  bool GivenTest(const YAML::Node& item, RuleTest& test);
  bool PairTest(const YAML::Node& item, RuleTest& test);
  bool ClusterTest(const YAML::Node& item, RuleTest& test);
  bool TestRecords(const YAML::Node& node, std::string_view what, std::size_t count, bool exact,
                   std::vector<RuleTest::Fields>& out);
  std::vector<std::pair<std::string, Value>> TestRecord(const YAML::Node& node,
                                                        std::string_view what);

  std::vector<std::unique_ptr<Rule>> RuleList(const YAML::Node& node, std::string_view what);
  std::unique_ptr<Rule> RuleItem(const YAML::Node& item);
  std::optional<Options> OptionsFor(const RuleSpec& spec, const YAML::Node& node,
                                    const SourceLocation& where);
  bool Convert(const OptionSpec& spec, const YAML::Node& value, const std::string& what,
               OptionValue& out);
  void NoteField(const std::string& name, const YAML::Node& node, const std::string& what,
                 bool pull);
  static bool Pulls(const OptionSpec& spec, const OptionValue& value);
  std::unique_ptr<Rule> WhenItem(const YAML::Node& item);
  std::unique_ptr<Condition> ConditionOf(const YAML::Node& node);

  YamlReader& y_;
  Config& config_;
  RuleRegistry& registry_;  // config_.registry
};

}  // namespace pdc
