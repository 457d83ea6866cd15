#include "tests/emulator/v5_fields.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

namespace pdc::emulator::v5 {
namespace {

constexpr std::string_view kCustomSuffix = "__c";

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

Failure MissingFields() { return {13, 400, "One or more required parameters are missing: fields"}; }

boost::json::value IntegerOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  long long number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) return boost::json::string(text);
  return number;
}

boost::json::value StandardValue(const BusinessUnit& unit, const Prospect& prospect,
                                 const FieldDef& field) {
  // The v5-only fields live outside `values`.
  if (field.camel == "id") return prospect.id;
  if (field.camel == "isDeleted") return prospect.deleted;
  if (field.camel == "userId" || field.camel == "assignedToId") {
    if (!prospect.assigned_user) return nullptr;
    return *prospect.assigned_user;
  }
  const std::string text = prospect.Get(std::string(field.snake));
  switch (field.type) {
    case FieldType::kString:
      if (text.empty()) return nullptr;
      return boost::json::string(text);
    case FieldType::kInteger:
      return IntegerOrNull(text);
    case FieldType::kFlag:
      return text == "true" || text == "1";
    case FieldType::kTimestamp:
      if (text.empty()) return nullptr;
      return boost::json::string(unit.IsoTime(prospect.Epoch(std::string(field.snake))));
  }
  return nullptr;
}

boost::json::value CustomValue(const Prospect& prospect, const CustomField& field) {
  if (field.multi()) {
    auto it = prospect.multi.find(field.field_id);
    if (it == prospect.multi.end() || it->second.empty()) return nullptr;
    boost::json::array values;
    for (const auto& v : it->second) values.emplace_back(boost::json::string(v));
    return values;
  }
  const std::string text = prospect.Get(field.field_id);
  if (text.empty()) return nullptr;
  return boost::json::string(text);
}

std::vector<std::string> SplitFieldList(const std::string& text) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    names.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return names;
}

// Names trimmed, blanks skipped, a repeated name kept once; none left → 13, unknown → 51.
std::optional<Failure> CheckFieldNames(const std::vector<std::string>& names,
                                       const std::function<bool(std::string_view)>& known,
                                       std::vector<std::string>& out) {
  out.clear();
  for (const std::string& raw : names) {
    const std::string_view name = Trim(raw);
    if (name.empty() || std::find(out.begin(), out.end(), name) != out.end()) continue;
    if (!known(name)) {
      return Failure{51, 400,
                     "Invalid parameter: fields. It contains an invalid or unknown field: " +
                         std::string(name)};
    }
    out.emplace_back(name);
  }
  if (out.empty()) return MissingFields();
  return std::nullopt;
}

}  // namespace

std::optional<Field> FindField(std::string_view name, const BusinessUnit& unit) {
  if (name.size() > kCustomSuffix.size() && name.ends_with(kCustomSuffix)) {
    const CustomField* custom = unit.FindCustom(name.substr(0, name.size() - kCustomSuffix.size()));
    if (custom == nullptr) return std::nullopt;
    return Field{std::string(name), nullptr, custom};
  }
  const FieldDef* standard = FindCamel(name);
  if (standard == nullptr) return std::nullopt;
  return Field{std::string(name), standard, nullptr};
}

std::optional<Failure> ResolveFieldNames(const std::vector<std::string>& names,
                                         const BusinessUnit& unit, std::vector<Field>& out) {
  std::vector<std::string> checked;
  const auto known = [&](std::string_view name) { return FindField(name, unit).has_value(); };
  if (auto failure = CheckFieldNames(names, known, checked)) return failure;
  out.clear();
  for (const std::string& name : checked) out.push_back(*FindField(name, unit));
  return std::nullopt;
}

std::optional<Failure> ParseFieldList(const std::optional<std::string>& text,
                                      const BusinessUnit& unit, std::vector<Field>& out) {
  if (!text) return MissingFields();
  return ResolveFieldNames(SplitFieldList(*text), unit, out);
}

std::optional<Failure> ParseFieldNames(const std::optional<std::string>& text,
                                       const std::function<bool(std::string_view)>& known,
                                       std::vector<std::string>& out) {
  if (!text) return MissingFields();
  return CheckFieldNames(SplitFieldList(*text), known, out);
}

std::string RenderRecord(const BusinessUnit& unit, const Prospect& prospect,
                         const std::vector<Field>& fields) {
  boost::json::object record;
  for (const auto& f : fields) {
    record[f.name] = f.standard != nullptr ? StandardValue(unit, prospect, *f.standard)
                                           : CustomValue(prospect, *f.custom);
  }
  return boost::json::serialize(record);
}

}  // namespace pdc::emulator::v5
