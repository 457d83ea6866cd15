#include "tests/emulator/loader.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <charconv>
#include <optional>

#include "pipeline/record_io.h"
#include "tests/emulator/fields.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Truthy(std::string_view text) {
  const std::string v = Lower(text);
  return v == "1" || v == "true" || v == "yes";
}

std::optional<long long> Integer(std::string_view text) {
  long long n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return n;
}

// A JSON member's value as a record Value: lists stay lists, everything else becomes text.
Value FromJson(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return Value::Null();
    case json::kind::string:
      return Value::Text(std::string(v.get_string()));
    case json::kind::bool_:
      return Value::Text(v.get_bool() ? "true" : "false");
    case json::kind::array: {
      std::vector<std::string> items;
      for (const auto& item : v.get_array()) {
        items.push_back(item.is_string() ? std::string(item.get_string()) : json::serialize(item));
      }
      return Value::List(std::move(items));
    }
    default:
      return Value::Text(json::serialize(v));
  }
}

void StoreCustom(BusinessUnit& unit, Prospect& p, std::string name, const Value& value) {
  if (name.size() > 3 && name.ends_with("__c")) name.resize(name.size() - 3);
  const bool list = value.kind() == Value::Kind::kList;
  auto field = std::find_if(unit.custom_fields.begin(), unit.custom_fields.end(),
                            [&](const CustomField& f) { return f.field_id == name; });
  if (field == unit.custom_fields.end()) {
    unit.custom_fields.push_back({name, name, list ? "multi-select" : "text"});
    field = std::prev(unit.custom_fields.end());
  } else if (list && !field->multi()) {
    field->type = "multi-select";
  }
  if (field->multi()) {
    std::vector<std::string> items;
    if (list) {
      for (const auto& item : value.items()) {
        if (!item.empty()) items.push_back(item);
      }
    } else if (!value.empty()) {
      items.push_back(value.text());
    }
    if (!items.empty()) p.multi[name] = std::move(items);
  } else if (!value.empty()) {
    p.values[name] = value.text();
  }
}

}  // namespace

long long AddProspect(BusinessUnit& unit, const FieldValues& fields, long long now,
                      const std::string& where, std::vector<std::string>& warnings) {
  Prospect p;
  for (const auto& [name, value] : fields) {
    if (name != "id" || value.empty()) continue;
    if (auto id = Integer(value.text()); id && *id > 0) {
      p.id = *id;
    } else {
      warnings.push_back(where + ": id \"" + value.text() + "\" is not a positive integer");
    }
  }
  if (p.id == 0) p.id = unit.next_id;
  unit.next_id = std::max(unit.next_id, p.id + 1);

  for (const auto& [name, value] : fields) {
    if (name == "id") continue;
    if (name == "deleted" || name == "is_deleted" || name == "isDeleted") {
      p.deleted = Truthy(value.text());
      continue;
    }
    const FieldDef* def = FindSnake(name);
    if (def == nullptr) def = FindCamel(name);
    if (def == nullptr || def->snake.empty()) {
      StoreCustom(unit, p, name, value);
      continue;
    }
    const std::string key(def->snake);
    const std::string text = value.text();
    switch (def->type) {
      case FieldType::kFlag:
        p.values[key] = Truthy(text) ? "true" : "false";
        break;
      case FieldType::kTimestamp:
        if (text.empty()) break;
        if (Integer(text)) {
          p.values[key] = text;
        } else if (auto epoch = unit.ParseTime(text)) {
          p.values[key] = std::to_string(*epoch);
        } else {
          warnings.push_back(where + ": " + key + " \"" + text + "\" is not a timestamp");
        }
        break;
      default:
        if (!text.empty()) p.values[key] = text;
    }
  }
  p.values.try_emplace("campaign_id", std::to_string(unit.default_campaign_id));
  p.values.try_emplace("score", "0");
  p.values.try_emplace("created_at", std::to_string(now));
  p.values.try_emplace("updated_at", p.values["created_at"]);
  const long long id = p.id;
  unit.prospects[id] = std::move(p);
  return id;
}

Result<LoadResult> LoadProspectFile(BusinessUnit& unit, const std::string& path) {
  auto format = FormatOfPath(path);
  if (!format.ok()) return format.status();
  auto reader = OpenReader(path, *format);
  if (!reader.ok()) return reader.status();
  LoadResult result;
  const long long now = NowEpoch();
  std::vector<Record> records;
  std::vector<RejectedRow> rejected;
  FieldValues fields;
  while ((*reader)->Next(records, 1024, rejected)) {
    for (const Record& record : records) {
      fields.clear();
      for (const Field& field : record.fields()) {
        fields.emplace_back(FieldName(field.id), field.value);
      }
      AddProspect(unit, fields, now, path + ":" + std::to_string(record.line()), result.warnings);
      ++result.added;
    }
    records.clear();
  }
  for (const RejectedRow& row : rejected) {
    result.warnings.push_back(path + ":" + std::to_string(row.line) + ": row rejected (" +
                              row.reason + ")");
  }
  return result;
}

Result<LoadResult> LoadProspectJson(BusinessUnit& unit, std::string_view body) {
  std::vector<json::value> objects;
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && body[first] == '[') {
    boost::system::error_code ec;
    json::value doc = json::parse(json::string_view(body.data(), body.size()), ec);
    if (ec) return Status::Parse("prospects: invalid JSON array: " + ec.message());
    for (auto& item : doc.as_array()) objects.push_back(std::move(item));
  } else {
    std::size_t line_no = 0;
    while (!body.empty()) {
      const std::size_t nl = std::min(body.find('\n'), body.size());
      const std::string_view line = body.substr(0, nl);
      body.remove_prefix(std::min(nl + 1, body.size()));
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      boost::system::error_code ec;
      json::value doc = json::parse(json::string_view(line.data(), line.size()), ec);
      if (ec) {
        return Status::Parse("prospects: line " + std::to_string(line_no) + ": " + ec.message());
      }
      objects.push_back(std::move(doc));
    }
  }
  LoadResult result;
  const long long now = NowEpoch();
  FieldValues fields;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    if (!objects[i].is_object()) {
      return Status::Parse("prospects: item " + std::to_string(i + 1) + " is not an object");
    }
  }
  for (std::size_t i = 0; i < objects.size(); ++i) {
    fields.clear();
    for (const auto& member : objects[i].as_object()) {
      fields.emplace_back(std::string(member.key()), FromJson(member.value()));
    }
    AddProspect(unit, fields, now, "item " + std::to_string(i + 1), result.warnings);
    ++result.added;
  }
  return result;
}

}  // namespace pdc::emulator
