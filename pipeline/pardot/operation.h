// Operation: one planned write to one prospect, with the before-image of every field it
// changes. The journal stores it before it is sent; the writer sends it; undo reverses it.
#pragma once

#include <cstdint>
#include <string>
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
  std::string kind = "update";  // update | flag | delete
  std::vector<FieldWrite> fields;
  OpState state = OpState::kPlanned;
  std::string error;  // for failed operations: the Pardot code and message
};

}  // namespace pdc
