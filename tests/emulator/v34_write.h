// Field writes of v3/v4 create, update, upsert and the batch rows (pardot-api.md §5.1).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/emulator/v34_call.h"

namespace pdc::emulator {

// The changes one request (or one batch row) asks for. They are all checked before anything is
// changed, so a rejected request leaves the prospect as it was.
struct FieldWrites {
  std::vector<std::pair<std::string, std::string>> scalars;  // stored form; "" clears
  std::map<std::string, std::vector<std::string>> multi;     // empty vector clears
  std::map<long long, bool> lists;                           // list id -> member or not
  std::optional<std::string> email;                          // checked syntax
  std::optional<long long> user_id;                          // assign to this user
};

// Reads the writes in `params` (the last value of a repeated name counts, as with PHP forms):
//  * `<field>=<value>` sets an editable standard field, `<field>=` clears it; score clears to
//    0; flags take 1/0/true/false/empty (else 50); campaign_id must be an integer (38),
//    score too (29), prospect_account_id too (61);
//  * custom fields by their API id; number fields must be numbers (56); multi-value fields
//    take `<field>_0=a&<field>_1=b` (replacing every value; `<field>_0=` alone clears) or a
//    single `<field>=a`;
//  * `list_<id>=1` subscribes, `list_<id>=0` removes the membership (55 for a non-numeric id,
//    50 for another value);
//  * `email` must be a valid address of at most 255 characters (4); an empty email is declined
//    with 4 too;
//  * `user_id` assigns (10 when no such user); `crm_owner_fid` is stored as the owner's
//    Salesforce id; both together → 125.
// Read-only fields (grade, created_at, crm_*_fid, opted_out, ...) and unknown names are
// ignored: the v3/v4 write operations have no "unknown parameter" error (§3.1's error 5 is for
// query), and a typo in a custom field name silently writing nothing is the behaviour clients
// report. UNCONFIRMED for read-only standard fields; ignoring is the safer reading.
V34Failure ParseWrites(const BusinessUnit& unit, const Params& params, FieldWrites& out);

// Applies checked writes, stamps updated_at and records the write in the unit's write log
// (store.h) with the names the writes supply: the scalar and multi-value fields, "email",
// "list_<id>" and "user_id". Every successful create, update, upsert and batch row of v3/v4
// comes through here. The v4 `fid` param is not listed: it names the prospect's CRM record.
void ApplyWrites(BusinessUnit& unit, Prospect& prospect, const FieldWrites& writes, long long now);

// At most 255 characters, one '@', a non-empty local part without spaces or specials, and a
// dotted domain of letters, digits and hyphens (non-ASCII bytes allowed in both parts).
bool IsValidEmail(std::string_view email);

// A Salesforce Lead (00Q…) or Contact (003…) id of 15 or 18 characters (v4 `fid`).
enum class FidKind { kInvalid, kLead, kContact };
FidKind ClassifyFid(std::string_view fid);
// The prospect's fid: its Contact id, else its Lead id ("" when it has neither).
std::string FidOf(const Prospect& prospect);
// Records `fid` as the prospect's Lead or Contact id; `fid` must be valid.
void SetFid(Prospect& prospect, std::string_view fid);

}  // namespace pdc::emulator
