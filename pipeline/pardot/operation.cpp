#include "pipeline/pardot/operation.h"

namespace pdc {

const char* OpStateName(OpState state) {
  switch (state) {
    case OpState::kPlanned:
      return "planned";
    case OpState::kSent:
      return "sent";
    case OpState::kConfirmed:
      return "confirmed";
    case OpState::kFailed:
      return "failed";
    case OpState::kUnknown:
      return "unknown";
  }
  return "?";
}

Value Operation::After(std::string_view field) const {
  for (const FieldWrite& w : fields) {
    if (w.field == field) return w.after;
  }
  return Value();
}

bool WasAlreadyGone(const Operation& operation) {
  return operation.kind == "delete" && operation.state == OpState::kConfirmed &&
         operation.error.starts_with(kAlreadyGone);
}

}  // namespace pdc
