// Prospect field names across API generations. Inside the pipeline fields carry their v3/v4
// snake_case names; the v5 client maps to and from camelCase (first_name <-> firstName,
// crm_lead_fid <-> salesforceLeadId) and custom fields X <-> X__c (DESIGN.md §3).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pdc::pardot {

// The v5 name of a pipeline field; custom fields (names not in the standard table) get "__c".
std::string ToV5Name(std::string_view snake);
// The pipeline name of a v5 field; "X__c" becomes "X".
std::string FromV5Name(std::string_view camel);
// True for standard fields that no API version lets a client write (id, grade, timestamps,
// CRM ids, ...): the writer never sends them.
bool IsReadOnlyField(std::string_view snake, int api_version);
// How v5 types a field's JSON value.
enum class V5Type { kString, kInteger, kBoolean };
V5Type V5TypeOf(std::string_view snake);

// True for the standard v3/v4 fields (anything else is a custom field).
bool IsStandardField(std::string_view snake);
// The standard fields' names, id first, in the order of pardot-api.md §5.
const std::vector<std::string_view>& StandardFieldNames();

}  // namespace pdc::pardot
