#include "rules/options.h"

namespace pdc {

std::vector<std::string_view> SplitChoices(std::string_view choices) {
  std::vector<std::string_view> names;
  for (std::size_t start = 0; start <= choices.size();) {
    std::size_t bar = choices.find('|', start);
    if (bar == std::string_view::npos) bar = choices.size();
    names.push_back(choices.substr(start, bar - start));
    start = bar + 1;
  }
  return names;
}

std::string_view OptionTypeName(OptionType type) {
  switch (type) {
    case OptionType::kString:
      return "string";
    case OptionType::kStrings:
      return "list of strings";
    case OptionType::kField:
      return "field";
    case OptionType::kFields:
      return "list of fields";
    case OptionType::kBool:
      return "bool";
    case OptionType::kInt:
      return "integer";
    case OptionType::kChoice:
      return "choice";
    case OptionType::kValue:
      return "string or null";
    case OptionType::kStringMap:
      return "map of strings";
  }
  return "?";
}

std::string SourceLocation::str() const {
  if (line == 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

bool Options::Has(std::string_view key) const {
  auto it = values_.find(key);
  return it != values_.end() && it->second.present;
}

const OptionValue* Options::Find(std::string_view key) const {
  auto it = values_.find(key);
  return it == values_.end() ? nullptr : &it->second;
}

const OptionValue& Options::at(std::string_view key) const {
  auto it = values_.find(key);
  if (it == values_.end()) {
    throw std::logic_error("rule " + rule_ + " reads undeclared option " + std::string(key));
  }
  return it->second;
}

const std::string& Options::String(std::string_view key) const { return at(key).text; }
std::vector<std::string> Options::Strings(std::string_view key) const { return at(key).list; }
FieldId Options::Field(std::string_view key) const { return InternField(at(key).text); }

std::vector<FieldId> Options::Fields(std::string_view key) const {
  std::vector<FieldId> ids;
  for (const auto& name : at(key).list) ids.push_back(InternField(name));
  return ids;
}

bool Options::Bool(std::string_view key) const { return at(key).flag; }
long long Options::Int(std::string_view key) const { return at(key).number; }

Value Options::ValueOf(std::string_view key) const {
  const OptionValue& v = at(key);
  return v.is_null ? Value::Null() : Value::Text(v.text);
}

const std::vector<std::pair<std::string, std::optional<std::string>>>& Options::Map(
    std::string_view key) const {
  return at(key).map;
}

const SourceLocation& Options::Where(std::string_view key) const {
  auto it = values_.find(key);
  return it != values_.end() && it->second.present ? it->second.where : where_;
}

void Options::Fail(std::string_view key, const std::string& message) const {
  throw OptionError(std::string(key), message);
}

}  // namespace pdc
