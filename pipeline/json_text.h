// Appending JSON text to a buffer, for the streaming report writers (no DOM, no allocation per
// value beyond the buffer's growth).
#pragma once

#include <string>
#include <string_view>

#include "rules/value.h"

namespace pdc {

// Appends `text` as a JSON string literal (quotes included).
void AppendJsonString(std::string& out, std::string_view text);
// Appends a Value: null, a string, an array of strings, or a JSON literal verbatim.
void AppendJsonValue(std::string& out, const Value& value);

}  // namespace pdc
