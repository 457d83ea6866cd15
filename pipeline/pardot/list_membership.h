// Static list membership as prospect fields. Inside the pipeline a prospect's membership of list
// N is the field `list_N`: "1" when it is a member, empty when not. Rules and plugins put a
// prospect on a list by setting the field to "1" and take it off by clearing it; the diff, the
// journal, the reports and undo then treat it like any other field.
//
// Pardot does not return memberships with prospects (a v3/v4 query never includes list
// subscriptions, and v5 keeps them in an object of their own), so a run reads the members of each
// list its config names before it pulls, and marks every pulled prospect with the fields.
//   members v3/v4: prospect do/query?list_id=N&fields=id, keyset on id (200 a page)
//   members v5:    GET /api/v5/objects/list-memberships?fields=id,prospectId&listId=N&orderBy=id
//                  (1,000 a page, then nextPageToken)
//   add v3/v4:     `list_N=1` in the prospect's update (it rides in the batchUpdate row)
//   remove v3/v4:  `list_N=0` likewise
//   add v5:        POST /api/v5/objects/list-memberships {"listId":N,"prospectId":P}
//   remove v5:     the membership's id from a query by listId and prospectId, then
//                  DELETE /api/v5/objects/list-memberships/<id>
// In v5 both are idempotent as the pipeline sends them: an add that Pardot refuses because the
// prospect is already a member, and a remove that finds no membership, reach the state asked for
// and are confirmed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "pipeline/pardot/session.h"
#include "rules/value.h"

namespace pdc::pardot {

// The list id of a membership field ("list_12" -> 12); nullopt for any other field.
std::optional<long long> ListIdOf(std::string_view field);
std::string ListField(long long list_id);

// Whether a membership field's value means "member": "1", "true" or "yes" do; empty, "0",
// "false" and "no" do not; nullopt for anything else (a rule's mistake, refused by the writer).
std::optional<bool> IsMember(const Value& value);
// The value a membership field holds in the pipeline: "1" or null.
Value MemberValue(bool member);

// The ids of every prospect on the list; an error names the list and Pardot's answer.
struct ListMembersResult {
  std::unordered_set<long long> members;
  Classified outcome;  // kOk, or why the read stopped
  bool auth_failed = false;
  std::string error;  // for people: which list, and what went wrong
};
ListMembersResult PullListMembers(Session& session, int api_version, long long list_id);

// v5: the id of the prospect's membership of the list, nullopt when it is not a member.
struct MembershipLookup {
  std::optional<long long> membership_id;
  Session::Result sent;  // the query's answer, for its outcome
};
MembershipLookup FindV5Membership(Session& session, long long list_id,
                                  const std::string& prospect_id);

}  // namespace pdc::pardot
