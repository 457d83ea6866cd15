// Escaping for the HTML report: text placed in HTML, and JSON placed in a <script> block.
#pragma once

#include <string>
#include <string_view>

namespace pdc {

// Appends `text` escaped for HTML text and quoted attribute values (& < > " ').
void AppendHtmlText(std::string& out, std::string_view text);
// Appends `text` as a JSON string literal that is also safe inside <script>: < > & and the
// line separators U+2028/U+2029 become \u escapes, so no value can close the block or break it.
void AppendScriptJsonString(std::string& out, std::string_view text);

}  // namespace pdc
