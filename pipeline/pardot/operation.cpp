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

}  // namespace pdc
