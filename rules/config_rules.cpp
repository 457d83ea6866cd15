// The rule part of a config: rule items checked against each rule's option table, and `when:`
// items with their conditions.
#include <algorithm>

#include "rules/config_keys.h"
#include "rules/config_loader.h"
#include "rules/data_files.h"
#include "rules/when.h"

namespace pdc {
namespace keys = config_keys;

std::vector<std::unique_ptr<Rule>> ConfigLoader::RuleList(const YAML::Node& node,
                                                          std::string_view what) {
  std::vector<std::unique_ptr<Rule>> rules;
  if (!node.IsSequence()) {
    y_.Error(node, std::string(what) + ": expected a list of rules");
    return rules;
  }
  for (const auto& item : node) {
    if (auto rule = RuleItem(item)) rules.push_back(std::move(rule));
  }
  return rules;
}

std::unique_ptr<Rule> ConfigLoader::RuleItem(const YAML::Node& item) {
  if (!item.IsMap() || item.size() == 0) {
    y_.Error(item, "a rule is a mapping such as `- email: { field: email }`");
    return nullptr;
  }
  if (item["when"] || item["then"]) return WhenItem(item);
  if (item.size() != 1) {
    y_.Error(item, "a rule item names exactly one rule (write each rule as its own `- ` item)");
    return nullptr;
  }
  const auto kv = *item.begin();
  const std::string name = kv.first.Scalar();
  const RuleSpec* spec = registry_.Find(name);
  if (spec == nullptr) {
    std::vector<std::string_view> names;
    for (const auto* s : registry_.all()) names.push_back(s->name);
    std::string message = "unknown rule \"" + name + "\"";
    if (auto near = NearestWord(name, names); !near.empty()) {
      message += " (did you mean \"" + std::string(near) + "\"?)";
    } else {
      message += " (`pardot-clean rules` lists them)";
    }
    y_.Error(kv.first, std::move(message));
    return nullptr;
  }
  auto options = OptionsFor(*spec, kv.second, y_.Where(kv.first));
  if (!options) return nullptr;
  try {
    std::unique_ptr<Rule> rule = spec->make(*options);
    config_.rules.Register(*rule, {spec->label(), y_.Where(kv.first)});
    auto note = [](std::vector<FieldId>& fields, FieldId id) {
      if (std::find(fields.begin(), fields.end(), id) == fields.end()) fields.push_back(id);
    };
    for (const FieldId id : rule->extra_output_fields()) note(config_.rules.named_fields(), id);
    for (const FieldId id : rule->extra_input_fields()) {
      note(config_.rules.named_fields(), id);
      note(config_.rules.pull_fields(), id);
    }
    return rule;
  } catch (const OptionError& e) {
    if (e.key().empty()) {
      y_.Error(kv.first, name + ": " + e.what());
    } else {
      y_.Error(options->Where(e.key()), name + "." + e.key() + ": " + e.what());
    }
  } catch (const DataError& e) {
    y_.Error(kv.first, name + ": " + e.what());
  }
  return nullptr;
}

std::optional<Options> ConfigLoader::OptionsFor(const RuleSpec& spec, const YAML::Node& node,
                                                const SourceLocation& where) {
  const std::string rule(spec.name);
  Options options(rule, where);
  std::vector<std::string_view> keys;
  for (const auto& o : spec.options) keys.push_back(o.key);
  if (!node.IsNull() && !y_.CheckMap(node, rule + " options", keys)) return std::nullopt;
  bool ok = true;
  for (const auto& spec_option : spec.options) {
    const YAML::Node given = node.IsNull() ? YAML::Node() : node[std::string(spec_option.key)];
    YAML::Node value;  // a fresh handle: assigning to a missing key's node would throw
    OptionValue parsed;
    parsed.type = spec_option.type;
    if (given) {
      value = given;
      parsed.present = true;
      parsed.where = y_.Where(value);
    } else if (spec_option.required) {
      y_.Error(where, rule + ": missing required option \"" + std::string(spec_option.key) + "\"");
      ok = false;
      continue;
    } else if (spec_option.default_value.empty()) {
      options.Put(std::string(spec_option.key), std::move(parsed));
      continue;
    } else {
      value = YAML::Load(std::string(spec_option.default_value));
    }
    ok = Convert(spec_option, value, rule + "." + std::string(spec_option.key), parsed) && ok;
    options.Put(std::string(spec_option.key), std::move(parsed));
  }
  if (!ok) return std::nullopt;
  return options;
}

bool ConfigLoader::Convert(const OptionSpec& spec, const YAML::Node& value, const std::string& what,
                           OptionValue& out) {
  switch (spec.type) {
    case OptionType::kString:
    case OptionType::kField: {
      auto s = y_.Scalar(value, what);
      if (s && spec.type == OptionType::kField) NoteField(*s, value, what, Pulls(spec, out));
      if (s) out.text = std::move(*s);
      return s.has_value();
    }
    case OptionType::kStrings:
    case OptionType::kFields: {
      auto list = y_.Strings(value, what);
      if (list && spec.type == OptionType::kFields) {
        for (const auto& f : *list) NoteField(f, value, what, Pulls(spec, out));
      }
      if (list) out.list = std::move(*list);
      return list.has_value();
    }
    case OptionType::kBool: {
      auto b = y_.Bool(value, what);
      if (b) out.flag = *b;
      return b.has_value();
    }
    case OptionType::kInt: {
      auto n = y_.Int(value, what);
      if (n) out.number = *n;
      return n.has_value();
    }
    case OptionType::kChoice: {
      auto s = y_.Choice(value, what, spec.choices);
      if (s) out.text = std::move(*s);
      return s.has_value();
    }
    case OptionType::kValue: {
      if (value.IsNull()) {
        out.is_null = true;
        return true;
      }
      auto s = y_.Scalar(value, what);
      if (s) out.text = std::move(*s);
      return s.has_value();
    }
    case OptionType::kStringMap: {
      if (!value.IsMap()) {
        y_.Error(value, what + ": expected a mapping of values");
        return false;
      }
      bool ok = true;
      for (const auto& kv : value) {
        auto key = y_.Scalar(kv.first, what);
        std::optional<std::string> mapped;
        if (!kv.second.IsNull()) {
          mapped = y_.Scalar(kv.second, what);
          ok = ok && mapped.has_value();
        }
        if (key) out.map.emplace_back(std::move(*key), std::move(mapped));
        ok = ok && key.has_value();
      }
      return ok;
    }
  }
  return false;
}

// Whether a source that pulls only the fields asked for (Pardot v5) should ask for a field an
// option names: every field a rule reads, and the fields a config explicitly sends a rule's
// output to ("to", "*_to"); not the derived fields a rule writes by default (`legal_form`),
// which an account usually does not have.
bool ConfigLoader::Pulls(const OptionSpec& spec, const OptionValue& value) {
  const bool output = spec.key == "to" || spec.key.ends_with("_to");
  return !output || value.present;
}

void ConfigLoader::NoteField(const std::string& name, const YAML::Node& node,
                             const std::string& what, bool pull) {
  if (name.empty()) {
    y_.Error(node, what + ": a field name cannot be empty");
    return;
  }
  const FieldId id = InternField(name);
  auto& named = config_.rules.named_fields();
  if (std::find(named.begin(), named.end(), id) == named.end()) named.push_back(id);
  auto& pulled = config_.rules.pull_fields();
  if (pull && std::find(pulled.begin(), pulled.end(), id) == pulled.end()) pulled.push_back(id);
}

std::unique_ptr<Rule> ConfigLoader::WhenItem(const YAML::Node& item) {
  y_.CheckMap(item, "a when item", keys::kWhen);
  if (!item["when"] || !item["then"]) {
    y_.Error(item, "a when item needs both `when:` (a condition) and `then:` (a list of rules)");
    return nullptr;
  }
  const RuleIndex slot = config_.rules.Reserve({"when", y_.Where(item["when"])});
  auto condition = ConditionOf(item["when"]);
  auto then_rules = RuleList(item["then"], "then");
  std::vector<std::unique_ptr<Rule>> else_rules;
  if (const auto e = item["else"]) else_rules = RuleList(e, "else");
  if (!condition) return nullptr;
  auto rule = std::make_unique<WhenRule>(std::move(condition), std::move(then_rules),
                                         std::move(else_rules));
  rule->set_index(slot);
  return rule;
}

std::unique_ptr<Condition> ConfigLoader::ConditionOf(const YAML::Node& node) {
  if (!y_.CheckMap(node, "when", keys::kCondition)) return nullptr;
  auto list = [&](const char* key, bool all) -> std::unique_ptr<Condition> {
    const auto parts_node = node[key];
    if (!parts_node.IsSequence()) {
      y_.Error(parts_node, std::string("when.") + key + ": expected a list of conditions");
      return nullptr;
    }
    std::vector<std::unique_ptr<Condition>> parts;
    bool ok = true;
    for (const auto& p : parts_node) {
      auto c = ConditionOf(p);
      ok = ok && c != nullptr;
      parts.push_back(std::move(c));
    }
    if (!ok) return nullptr;
    return all ? AllOf(std::move(parts)) : AnyOf(std::move(parts));
  };
  if (node["all"]) return list("all", true);
  if (node["any"]) return list("any", false);
  if (const auto n = node["not"]) {
    auto inner = ConditionOf(n);
    return inner ? Not(std::move(inner)) : nullptr;
  }
  const auto field_node = node["field"];
  if (!field_node) {
    y_.Error(node, "when: a condition names a `field` (or combines conditions with all/any/not)");
    return nullptr;
  }
  auto field_name = y_.Scalar(field_node, "when.field");
  if (!field_name) return nullptr;
  const FieldId field = InternField(*field_name);
  bool fold = false;
  if (const auto ci = node["case_insensitive"])
    fold = y_.Bool(ci, "when.case_insensitive").value_or(false);
  int tests = 0;
  std::unique_ptr<Condition> condition;
  if (const auto n = node["is"]) {
    ++tests;
    if (auto s = y_.Choice(n, "when.is", keys::kEmptiness))
      condition = IsEmpty(field, *s == "empty");
  }
  if (const auto n = node["equals"]) {
    ++tests;
    if (auto s = y_.Scalar(n, "when.equals")) condition = InSet(field, {*s}, fold);
  }
  if (const auto n = node["in"]) {
    ++tests;
    if (auto s = y_.Strings(n, "when.in")) condition = InSet(field, std::move(*s), fold);
  }
  if (const auto n = node["matches"]) {
    ++tests;
    if (auto s = y_.Scalar(n, "when.matches")) {
      auto regex = IcuRegex::Compile(*s, fold);
      if (regex.ok()) {
        condition = Matches(field, *regex);
      } else {
        y_.Error(n, "when.matches: " + regex.status().message());
      }
    }
  }
  if (tests != 1) {
    y_.Error(node, "when: give exactly one of is, equals, matches or in for field " + *field_name);
    return nullptr;
  }
  return condition;
}

}  // namespace pdc
