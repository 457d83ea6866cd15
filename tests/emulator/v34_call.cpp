#include "tests/emulator/v34_call.h"

#include <charconv>

#include "tests/emulator/errors.h"

namespace pdc::emulator {

std::optional<std::string> V34Call::Param(std::string_view name) const {
  return pdc::emulator::Param(params, name);
}

std::string V34Message(int code) {
  switch (code) {
    case 22:
      return "Unsupported feature in this version of the API";
    case 25:
      return "The is_starred parameter must be true or false";
    case 26:
      return "The assigned parameter must be true or false";
    case 28:
      return "The new parameter must be true or false";
    case 30:
      return "Invalid score range";
    case 31:
      return "Cannot combine score_equal_to with score_greater_than or score_less_than";
    case 32:
      return "Invalid grade value";
    case 33:
      return "Invalid grade range";
    case 34:
      return "Cannot combine grade_equal_to with grade_greater_than or grade_less_than";
    case 38:
      return "Invalid campaign ID";
    case 50:
      return "Invalid boolean";
    case 55:
      return "Invalid list ID";
    case 56:
      return "Invalid number for field";
    case 61:
      return "Invalid prospect account id";
    default:
      return std::string(ErrorMessage(code));
  }
}

HttpResponse V34Fail(const V34Call& call, const V34Failure& failure) {
  const std::string message = failure.message.empty() ? V34Message(failure.code) : failure.message;
  return V34Error(call.request, failure.code, 200, message);
}

HttpResponse V34Fail(const V34Call& call, int code) { return V34Fail(call, V34Failure{code, {}}); }

std::optional<long long> ParseInteger(std::string_view text) {
  long long value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<bool> ParseWordBool(std::string_view text) {
  if (text == "true") return true;
  if (text == "false") return false;
  return std::nullopt;
}

bool CaseSensitiveEmails(const BusinessUnit& unit) { return unit.ampsea; }

}  // namespace pdc::emulator
