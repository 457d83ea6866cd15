// The v5 names of prospect fields (pardot-api.md §5.2): resolving a `fields` list and rendering
// a prospect as the bare JSON record that read, create, update and query return.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/emulator/fields.h"
#include "tests/emulator/store.h"
#include "tests/emulator/v5_common.h"

namespace pdc::emulator::v5 {

// One v5 property: a standard field (camelCase) or one of the unit's custom fields, named
// `<fieldId>__c`. Points into the field table or `unit.custom_fields`, so it is valid while the
// unit's mutex is held.
struct Field {
  std::string name;
  const FieldDef* standard = nullptr;
  const CustomField* custom = nullptr;
};

// Resolves one property name; nullopt when the unit has no such field. Names are exact
// (case-sensitive); relationship paths such as `campaign.name` are not emulated.
std::optional<Field> FindField(std::string_view name, const BusinessUnit& unit);

// Resolves the `fields` query parameter: comma-separated, blanks around names ignored, a repeated
// name kept once. Absent or blank → 13 (the message of fixture
// v5_error_13_missing_fields_param.json); an unknown name → 51 naming it.
std::optional<Failure> ParseFieldList(const std::optional<std::string>& text,
                                      const BusinessUnit& unit, std::vector<Field>& out);
// The same for names already split (the `fields` array of an upsertLatestByEmail body).
std::optional<Failure> ResolveFieldNames(const std::vector<std::string>& names,
                                         const BusinessUnit& unit, std::vector<Field>& out);

// The same checks for an object whose fields are not prospect fields (list memberships, visitor
// activities): `known` tells which names exist; the names come back in the order given.
std::optional<Failure> ParseFieldNames(const std::optional<std::string>& text,
                                       const std::function<bool(std::string_view)>& known,
                                       std::vector<std::string>& out);

// The prospect as a JSON object whose keys are exactly `fields`, in that order. Real JSON types:
// integers for ids, score and campaignId; true/false for flags (stored "true"/"false", empty is
// false); null for any empty value; datetimes as ISO 8601 with the unit's offset; multi-value
// custom fields as arrays of strings. Custom values are strings even for `number` fields
// (UNCONFIRMED: whether Pardot sends numbers there, pardot-api.md §13).
std::string RenderRecord(const BusinessUnit& unit, const Prospect& prospect,
                         const std::vector<Field>& fields);

}  // namespace pdc::emulator::v5
