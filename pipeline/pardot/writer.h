// ProspectWriter: sends planned operations to Pardot. Updates carry only the changed fields, by
// prospect id (never by email: with shared emails an email does not name one prospect).
//   update v3: do/batchUpdate with prospects={"prospects":{"<id>":{...}}}   (errors keyed by id)
//   update v4: do/batchUpdate with prospects={"prospects":[{"id":N,...}]}   (errors keyed by index)
//   update v5: PATCH /api/v5/objects/prospects/<id> with a JSON body, one request per prospect
//   delete v3/v4: POST do/delete/id/<id> (204), one request per prospect (no batch delete exists)
//   delete v5: DELETE /api/v5/objects/prospects/<id> (204)
//   undelete (any version): POST /api/v5/objects/prospects/do/undelete {"matchEmail":"<email>"}
//   list membership (list_membership.h): v3/v4 `list_<id>=1|0` in the update; v5 one operation
//   per list, through the list-membership object
// v3/v4 payloads go in URL-encoded POST bodies. Every request goes through the session, so the
// governor's five slots and daily budget bound deletes and undeletes like the rest.
// Thread-safe (each call is independent).
//
// Outcomes beyond "ok" and "the record's error":
// * A delete Pardot answers with "no such prospect" (v3/v4 3 or 132, v5 404 with 109 or 192) is
//   confirmed with a kAlreadyGone note (operation.h): the prospect is not active, which is all
//   a delete promises, and the run goes on; undo leaves such prospects alone.
// * An undelete is confirmed only when Pardot answers with the prospect it was meant to restore.
//   Pardot's undelete picks, by email, the deleted prospect with the latest activity, so another
//   prospect sharing the address may come back instead: that operation fails naming the one
//   restored. No deleted prospect with the address (404) fails too.
#pragma once

#include <vector>

#include "pipeline/pardot/operation.h"
#include "pipeline/pardot/session.h"
#include "rules/record.h"

namespace pdc::pardot {

inline constexpr std::size_t kMaxBatch = 50;

struct WriteOutcome {
  std::int64_t op_id = 0;
  OpState state = OpState::kConfirmed;  // confirmed, failed (the record's error) or unknown
  std::string error;
};

class ProspectWriter {
 public:
  ProspectWriter(Session& session, int api_version) : session_(session), version_(api_version) {}

  struct BatchResult {
    std::vector<WriteOutcome> outcomes;  // one per operation, in order
    Classified call;                     // the call's own outcome (kOk when it was answered)
    bool auth_failed = false;
  };
  // At most kMaxBatch operations. When the call itself fails (daily limit, auth, fatal), no
  // outcome is kConfirmed: operations stay as they were unless the effect is unknown.
  BatchResult Send(const std::vector<Operation>& operations);

  // Reads the prospect back to settle an operation whose outcome is unknown: for an update,
  // true when every field holds the value that was to be written; for a delete, true when the
  // prospect is gone or in the recycle bin; for an undelete, true when it is active.
  Result<bool> Verify(const Operation& operation);
  // Whether the prospect is active: false when Pardot has no such prospect or it is in the
  // recycle bin.
  Result<bool> Exists(const std::string& prospect_id);
  // The prospect's current values of the operation's fields (for undo conflict checks; v5 reads
  // only `fields`, v3/v4 the whole prospect). NotFound when Pardot refuses the prospect itself
  // (an unknown id), Io when the call failed.
  Result<Record> Read(const std::string& prospect_id, const std::vector<std::string>& fields);

 private:
  BatchResult SendBatch(const std::vector<Operation>& operations);
  // One request per operation, in order; stops at the first call that cannot go on.
  BatchResult SendEach(const std::vector<Operation>& operations);
  Request RequestFor(const Operation& operation) const;
  // v5: whether the operation changes one list membership (list_membership.h), which goes to
  // the list-membership object rather than the prospect; and that change, answered kOk once the
  // prospect is on the list, or off it, as asked.
  bool MembershipChange(const Operation& operation) const;
  Session::Result SendMembership(const Operation& operation);
  WriteOutcome OutcomeOf(const Operation& operation, const Session::Result& sent) const;

  Session& session_;
  int version_;
};

}  // namespace pdc::pardot
