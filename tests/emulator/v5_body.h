// JSON request bodies of the v5 prospect writes (pardot-api.md §7.1): the envelope checks and the
// staging of prospect properties, so that a write changes nothing unless its whole body is valid.
//
// Errors, all HTTP 400: empty body 152; Content-Type not application/json 151; not a JSON object
// 150; a required property missing 153 (email on create, or email set to null or ""); an unknown
// property or a value of the wrong JSON type 154; a read-only property (createdAt, id, grade,
// password, assignedToId, ...) 180 — chosen over 154 so that a client can tell "known but not
// writable" from "unknown" (pardot-api.md allows either); a malformed email 4; an unknown userId
// 10; userId together with salesforceOwnerId 125.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/emulator/http.h"
#include "tests/emulator/store.h"
#include "tests/emulator/v5_common.h"

namespace pdc::emulator::v5 {

// The envelope of every v5 JSON body: empty 152, Content-Type not application/json 151, not a
// JSON object 150.
std::optional<Failure> ReadJsonObject(const HttpRequest& request, boost::json::object& out);
// 154 "Invalid property: <name>. <why>" and 153 "Missing required property: <name>".
Failure InvalidProperty(std::string_view name, std::string_view why);
Failure MissingProperty(std::string_view name);

// The staged effect of a body's properties on a prospect.
struct ProspectChanges {
  std::map<std::string, std::string> values;  // stored field name → text ("" clears)
  std::map<std::string, std::vector<std::string>> multi;
  std::optional<std::optional<long long>> assigned_user;  // assign (a user id) or unassign

  // The email the body sets, if it sets one.
  const std::string* Email() const;
};

// A create or update body: an object of v5 properties (camelCase standard fields whose
// v5_editable is true, and `<fieldId>__c` custom fields; multi-value ones as arrays of strings).
std::optional<Failure> ParseProspectBody(const HttpRequest& request, const BusinessUnit& unit,
                                         ProspectChanges& out);

// A do/upsertLatestByEmail body:
//   {"matchEmail":"a@example.com","prospect":{...properties...},"fields":["id","email"],
//    "secondaryDeletedSearch":true}
// matchEmail and prospect are required (153); fields and secondaryDeletedSearch are optional.
struct UpsertBody {
  std::string match_email;
  ProspectChanges changes;
  std::optional<std::vector<std::string>> fields;
  bool secondary_deleted_search = false;
};
std::optional<Failure> ParseUpsertBody(const HttpRequest& request, const BusinessUnit& unit,
                                       UpsertBody& out);

// A do/undelete body: {"matchEmail":"a@example.com"}. The shape is UNCONFIRMED (pardot-api.md
// §1.5): the documented operation "undeletes the record in deleted state with the latest activity
// at, by email", which names an email and nothing else, and matchEmail is the property the sibling
// operation upsertLatestByEmail uses for that email, so the emulator takes the same name.
// matchEmail is required, a non-empty string (153 when missing or empty, 154 when not a string);
// any other property → 154.
std::optional<Failure> ParseUndeleteBody(const HttpRequest& request, std::string& match_email);

// Syntax only: one '@', non-empty local part, a dotted domain, no blanks, at most 255 bytes.
bool PlausibleEmail(std::string_view email);

// Applies staged changes to `prospect` (a prospect of `unit`) and records the write in the
// unit's write log (store.h). Every successful v5 create, PATCH and upsertLatestByEmail comes
// through here. The names recorded are the staged ones, already in the log's vocabulary: v3/v4
// names of standard fields, custom field ids without "__c", and "user_id" for userId.
void ApplyChanges(const ProspectChanges& changes, BusinessUnit& unit, Prospect& prospect);

}  // namespace pdc::emulator::v5
