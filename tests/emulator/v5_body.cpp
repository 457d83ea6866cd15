#include "tests/emulator/v5_body.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cstdio>

#include "tests/emulator/v5_fields.h"

namespace pdc::emulator::v5 {
namespace {

namespace json = boost::json;

std::optional<Failure> StageText(const Field& field, const json::value& value, std::string stored,
                                 ProspectChanges& out) {
  if (value.is_null()) {
    out.values[stored] = "";
  } else if (value.is_string()) {
    out.values[stored] = std::string(value.as_string());
  } else if (field.custom != nullptr && value.is_int64()) {
    out.values[stored] = std::to_string(value.as_int64());  // a number for a number field
  } else if (field.custom != nullptr && value.is_double()) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", value.as_double());
    out.values[stored] = text;
  } else {
    return InvalidProperty(field.name, "Expected a string or null.");
  }
  return std::nullopt;
}

std::optional<Failure> StageCustom(const Field& field, const json::value& value,
                                   ProspectChanges& out) {
  const std::string& stored = field.custom->field_id;
  if (!field.custom->multi()) return StageText(field, value, stored, out);
  std::vector<std::string>& values = out.multi[stored];
  values.clear();
  if (value.is_null()) return std::nullopt;
  if (!value.is_array()) return InvalidProperty(field.name, "Expected an array of strings.");
  for (const json::value& v : value.as_array()) {
    if (!v.is_string()) return InvalidProperty(field.name, "Expected an array of strings.");
    values.emplace_back(v.as_string());
  }
  return std::nullopt;
}

std::optional<Failure> StageStandard(const Field& field, const json::value& value,
                                     const BusinessUnit& unit, ProspectChanges& out) {
  const FieldDef& def = *field.standard;
  const std::string stored(def.snake);
  if (def.camel == "userId") {
    if (value.is_null()) {
      out.assigned_user = std::optional<long long>();
      return std::nullopt;
    }
    if (!value.is_int64()) return InvalidProperty(field.name, "Expected an integer or null.");
    const long long user = value.as_int64();
    const bool known = std::any_of(unit.users.begin(), unit.users.end(),
                                   [&](const User& u) { return u.id == user; });
    if (!known) return Failure{10, 400, "Invalid user ID: " + std::to_string(user)};
    out.assigned_user = user;
    return std::nullopt;
  }
  switch (def.type) {
    case FieldType::kString:
      if (def.camel == "email") {
        if (value.is_null() || (value.is_string() && value.as_string().empty())) {
          return MissingProperty("email");
        }
        if (value.is_string() && !PlausibleEmail(value.as_string())) {
          return Failure{4, 400, ""};
        }
      }
      return StageText(field, value, stored, out);
    case FieldType::kInteger:
      if (value.is_null()) {
        out.values[stored] = "";
      } else if (value.is_int64()) {
        out.values[stored] = std::to_string(value.as_int64());
      } else {
        return InvalidProperty(field.name, "Expected an integer or null.");
      }
      return std::nullopt;
    case FieldType::kFlag:
      if (!value.is_bool() && !value.is_null()) {
        return InvalidProperty(field.name, "Expected true, false or null.");
      }
      out.values[stored] = value.is_bool() && value.as_bool() ? "true" : "false";
      return std::nullopt;
    case FieldType::kTimestamp:
      break;  // none is writable
  }
  return Failure{180, 400, "Specified fields are invalid for the operation: " + field.name};
}

std::optional<Failure> StageProperties(const json::object& body, const BusinessUnit& unit,
                                       ProspectChanges& out) {
  if (body.contains("userId") && body.contains("salesforceOwnerId")) {
    return Failure{125, 400, "Cannot accept both userId and salesforceOwnerId"};
  }
  for (const auto& [key, value] : body) {
    const std::optional<Field> field = FindField(key, unit);
    if (!field) return InvalidProperty(key, "The property is not known.");
    if (field->standard != nullptr && !field->standard->v5_editable) {
      return Failure{180, 400, "Specified fields are invalid for the operation: " + field->name};
    }
    const auto failure = field->custom != nullptr ? StageCustom(*field, value, out)
                                                  : StageStandard(*field, value, unit, out);
    if (failure) return failure;
  }
  return std::nullopt;
}

}  // namespace

Failure InvalidProperty(std::string_view name, std::string_view why) {
  return {154, 400, "Invalid property: " + std::string(name) + ". " + std::string(why)};
}

Failure MissingProperty(std::string_view name) {
  return {153, 400, "Missing required property: " + std::string(name)};
}

std::optional<Failure> ReadJsonObject(const HttpRequest& request, json::object& out) {
  if (request.body.empty()) return Failure{152, 400, ""};
  std::string type = request.Header("content-type") ? *request.Header("content-type") : "";
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!type.starts_with("application/json")) return Failure{151, 400, ""};
  boost::system::error_code error;
  json::value parsed = json::parse(request.body, error);
  if (error) return Failure{150, 400, "Invalid JSON in request body: " + error.message()};
  if (!parsed.is_object()) return Failure{150, 400, "The request body must be a JSON object"};
  out = std::move(parsed.as_object());
  return std::nullopt;
}

const std::string* ProspectChanges::Email() const {
  auto it = values.find("email");
  return it == values.end() ? nullptr : &it->second;
}

bool PlausibleEmail(std::string_view email) {
  const std::size_t at = email.find('@');
  if (email.size() > 255 || at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = email.substr(at + 1);
  const std::size_t dot = domain.find('.');
  const bool blank = std::any_of(email.begin(), email.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
  });
  return !blank && dot != std::string_view::npos && dot != 0 && !domain.ends_with('.');
}

std::optional<Failure> ParseProspectBody(const HttpRequest& request, const BusinessUnit& unit,
                                         ProspectChanges& out) {
  json::object body;
  if (auto failure = ReadJsonObject(request, body)) return failure;
  return StageProperties(body, unit, out);
}

std::optional<Failure> ParseUpsertBody(const HttpRequest& request, const BusinessUnit& unit,
                                       UpsertBody& out) {
  json::object body;
  if (auto failure = ReadJsonObject(request, body)) return failure;
  for (const auto& [key, value] : body) {
    if (key == "matchEmail") {
      if (!value.is_string() && !value.is_null()) {
        return InvalidProperty(key, "Expected a string.");
      }
      if (value.is_string()) out.match_email = std::string(value.as_string());
    } else if (key == "prospect") {
      if (!value.is_object()) return InvalidProperty(key, "Expected an object.");
      if (auto failure = StageProperties(value.as_object(), unit, out.changes)) return failure;
    } else if (key == "fields") {
      if (value.is_null()) continue;
      if (!value.is_array()) return InvalidProperty(key, "Expected an array of field names.");
      out.fields.emplace();
      for (const json::value& name : value.as_array()) {
        if (!name.is_string()) return InvalidProperty(key, "Expected an array of field names.");
        out.fields->emplace_back(name.as_string());
      }
    } else if (key == "secondaryDeletedSearch") {
      if (!value.is_bool() && !value.is_null()) {
        return InvalidProperty(key, "Expected true or false.");
      }
      out.secondary_deleted_search = value.is_bool() && value.as_bool();
    } else {
      return InvalidProperty(key, "The property is not known.");
    }
  }
  if (out.match_email.empty()) return MissingProperty("matchEmail");
  if (!body.contains("prospect")) return MissingProperty("prospect");
  return std::nullopt;
}

std::optional<Failure> ParseUndeleteBody(const HttpRequest& request, std::string& match_email) {
  json::object body;
  if (auto failure = ReadJsonObject(request, body)) return failure;
  for (const auto& [key, value] : body) {
    if (key != "matchEmail") return InvalidProperty(key, "The property is not known.");
    if (!value.is_string() && !value.is_null()) return InvalidProperty(key, "Expected a string.");
    if (value.is_string()) match_email = std::string(value.as_string());
  }
  if (match_email.empty()) return MissingProperty("matchEmail");
  return std::nullopt;
}

void ApplyChanges(const ProspectChanges& changes, BusinessUnit& unit, Prospect& prospect) {
  std::vector<std::string> names;
  for (const auto& [field, text] : changes.values) {
    prospect.values[field] = text;
    names.push_back(field);
  }
  for (const auto& [field, values] : changes.multi) {
    prospect.multi[field] = values;
    names.push_back(field);
  }
  if (changes.assigned_user) {
    prospect.assigned_user = *changes.assigned_user;
    names.emplace_back("user_id");  // userId has no v3/v4 field; user_id is its write parameter
  }
  unit.RecordWrite(prospect.id, std::move(names));
}

}  // namespace pdc::emulator::v5
