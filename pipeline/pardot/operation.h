// Operation: one planned write to one prospect, with the before-image of every field it
// changes. The journal stores it before it is sent; the writer sends it; undo reverses it.
// Kinds:
//   update    the changed fields (before = the value pulled, after = the value to write)
//   delete    moves the prospect to Pardot's recycle bin; `fields` hold every field read from
//             Pardot (before = the value read, after = null), so the journal keeps what was
//             deleted and undo can tell which prospect to restore
//   undelete  brings a deleted prospect back (undo of a delete; v5 do/undelete by email);
//             `fields` are the delete's before-images (before = null, after = the value the
//             prospect held when it was deleted)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/value.h"

namespace pdc {

enum class OpState { kPlanned, kSent, kConfirmed, kFailed, kUnknown };
const char* OpStateName(OpState state);

struct FieldWrite {
  std::string field;
  Value before;  // the value pulled from Pardot (the undo value)
  Value after;   // the value to write
};

struct Operation {
  std::int64_t op_id = 0;  // unique within a run, in planning order
  std::string prospect_id;
  std::string kind = "update";  // update | flag | delete | undelete
  std::vector<FieldWrite> fields;
  OpState state = OpState::kPlanned;
  // For failed operations: the Pardot code and message. For a confirmed delete of a prospect
  // that was already gone when the delete was sent: kAlreadyGone followed by Pardot's answer.
  std::string error;

  // Whether Pardot takes the operation one request per prospect (delete, undelete) rather than
  // in a batch of updates.
  bool single_request() const { return kind == "delete" || kind == "undelete"; }
  // The value a field is to hold (`after`), null when the operation does not name the field.
  Value After(std::string_view field) const;
};

// Marks a delete that Pardot answered "no such prospect" (v3/v4 error 3 or 132, v5 404 with 109
// or 192): the prospect is not active, which is what the delete was for, so the operation is
// confirmed; but this run did not put it in the recycle bin, so undo does not restore it.
inline constexpr std::string_view kAlreadyGone = "already gone when the delete was sent: ";
bool WasAlreadyGone(const Operation& operation);

}  // namespace pdc
