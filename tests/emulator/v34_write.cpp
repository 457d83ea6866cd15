#include "tests/emulator/v34_write.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "tests/emulator/fields.h"

namespace pdc::emulator {
namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

bool IsNumber(const std::string& text) {
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size();
}

// The last value of every name, in order of first appearance.
Params LastValues(const Params& params) {
  Params out;
  for (const auto& [name, value] : params) {
    auto it =
        std::find_if(out.begin(), out.end(), [&](const auto& kv) { return kv.first == name; });
    if (it == out.end()) {
      out.emplace_back(name, value);
    } else {
      it->second = value;
    }
  }
  return out;
}

V34Failure StandardWrite(const FieldDef& def, const std::string& value, FieldWrites& out) {
  const std::string name(def.snake);
  std::string stored = value;
  switch (def.type) {
    case FieldType::kFlag:
      if (value == "1" || value == "true") {
        stored = "true";
      } else if (value == "0" || value == "false" || value.empty()) {
        stored = "false";
      } else {
        return {50, "Invalid boolean for " + name};
      }
      break;
    case FieldType::kInteger:
      if (name == "score") {
        if (value.empty()) stored = "0";
        if (!ParseInteger(stored)) return {29, {}};
      } else if (name == "campaign_id") {
        const auto id = ParseInteger(value);
        if (!id || *id <= 0) return {38, {}};
      } else if (!value.empty()) {  // prospect_account_id
        const auto id = ParseInteger(value);
        if (!id || *id <= 0) return {61, {}};
      }
      break;
    default:
      break;
  }
  out.scalars.emplace_back(name, std::move(stored));
  return {};
}

// `list_<id>=<0|1>`.
V34Failure ListWrite(std::string_view id_text, const std::string& value, FieldWrites& out) {
  if (!AllDigits(id_text)) return {55, {}};
  const auto list_id = ParseInteger(id_text);
  if (!list_id || *list_id <= 0) return {55, {}};
  if (value == "1" || value == "true") {
    out.lists[*list_id] = true;
  } else if (value == "0" || value == "false") {
    out.lists[*list_id] = false;
  } else {
    return {50, "Invalid boolean for list_" + std::string(id_text)};
  }
  return {};
}

}  // namespace

V34Failure ParseWrites(const BusinessUnit& unit, const Params& params, FieldWrites& out) {
  const Params last = LastValues(params);
  std::map<std::string, std::map<long long, std::string>> indexed;  // multi-value by position
  bool has_owner_fid = false;
  for (const auto& [name, value] : last) {
    if (name == "email") {
      if (!IsValidEmail(value)) return {4, {}};
      out.email = value;
    } else if (name == "user_id") {
      const auto id = ParseInteger(value);
      const bool known = id && std::any_of(unit.users.begin(), unit.users.end(),
                                           [&](const User& u) { return u.id == *id; });
      if (!known) return {10, {}};
      out.user_id = *id;
    } else if (name == "crm_owner_fid") {
      has_owner_fid = true;
      out.scalars.emplace_back(name, value);
    } else if (name.starts_with("list_")) {
      if (auto failure = ListWrite(std::string_view(name).substr(5), value, out)) return failure;
    } else if (const FieldDef* def = FindSnake(name); def != nullptr) {
      if (!def->v34_editable || name == "email") continue;
      if (auto failure = StandardWrite(*def, value, out)) return failure;
    } else if (const CustomField* custom = unit.FindCustom(name); custom != nullptr) {
      if (custom->multi()) {
        if (!value.empty()) out.multi[name] = {value};
      } else if (custom->type == "number" && !value.empty() && !IsNumber(value)) {
        return {56, "Invalid number for field " + name};
      } else {
        out.scalars.emplace_back(name, value);
      }
    } else if (const auto underscore = name.rfind('_'); underscore != std::string::npos) {
      const std::string base = name.substr(0, underscore);
      const CustomField* multi = unit.FindCustom(base);
      const std::string_view index = std::string_view(name).substr(underscore + 1);
      if (multi != nullptr && multi->multi() && AllDigits(index)) {
        indexed[base][*ParseInteger(index)] = value;
      }
    }
  }
  if (has_owner_fid && out.user_id) return {125, {}};
  for (const auto& [field, by_index] : indexed) {
    std::vector<std::string>& values = out.multi[field];
    values.clear();
    for (const auto& [index, value] : by_index) {
      if (!value.empty()) values.push_back(value);
    }
  }
  return {};
}

void ApplyWrites(BusinessUnit& unit, Prospect& prospect, const FieldWrites& writes, long long now) {
  for (const auto& [field, value] : writes.scalars) prospect.values[field] = value;
  for (const auto& [field, values] : writes.multi) {
    if (values.empty()) {
      prospect.multi.erase(field);
    } else {
      prospect.multi[field] = values;
    }
  }
  if (writes.email) prospect.values["email"] = *writes.email;
  for (const auto& [list_id, member] : writes.lists) {
    if (!member) {
      prospect.lists.erase(list_id);
    } else if (!prospect.lists.contains(list_id)) {
      ListMembership& membership = prospect.lists[list_id];
      membership.id = unit.next_list_membership_id++;
      membership.created_at = now;
      membership.updated_at = now;
    }
  }
  if (writes.user_id) prospect.assigned_user = writes.user_id;
  unit.Touch(prospect, now);

  std::vector<std::string> names;
  for (const auto& [field, value] : writes.scalars) names.push_back(field);
  for (const auto& [field, values] : writes.multi) names.push_back(field);
  if (writes.email) names.emplace_back("email");
  for (const auto& [list_id, member] : writes.lists) {
    names.push_back("list_" + std::to_string(list_id));
  }
  if (writes.user_id) names.emplace_back("user_id");
  unit.RecordWrite(prospect.id, std::move(names));
}

bool IsValidEmail(std::string_view email) {
  if (email.size() > 255) return false;
  const auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  constexpr std::string_view kSpecials = "()<>[]\\,;:\" ";
  for (const char c : local) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u == 0x7f || kSpecials.find(c) != std::string_view::npos) return false;
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return false;
  }
  if (domain.empty() || domain.front() == '.' || domain.back() == '.' || domain.front() == '-' ||
      domain.find('.') == std::string_view::npos || domain.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(domain.begin(), domain.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '-' || c == '.' || u >= 0x80;
  });
}

FidKind ClassifyFid(std::string_view fid) {
  if (fid.size() != 15 && fid.size() != 18) return FidKind::kInvalid;
  if (!std::all_of(fid.begin(), fid.end(),
                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
    return FidKind::kInvalid;
  }
  if (fid.starts_with("00Q")) return FidKind::kLead;
  if (fid.starts_with("003")) return FidKind::kContact;
  return FidKind::kInvalid;
}

std::string FidOf(const Prospect& prospect) {
  const std::string contact = prospect.Get("crm_contact_fid");
  return contact.empty() ? prospect.Get("crm_lead_fid") : contact;
}

void SetFid(Prospect& prospect, std::string_view fid) {
  const char* field = ClassifyFid(fid) == FidKind::kLead ? "crm_lead_fid" : "crm_contact_fid";
  prospect.values[field] = std::string(fid);
}

}  // namespace pdc::emulator
