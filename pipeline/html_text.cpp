#include "pipeline/html_text.h"

#include "pipeline/json_text.h"

namespace pdc {

void AppendHtmlText(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the pending run of bytes that need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text, run, i - run);
    out += entity;
    run = i + 1;
  }
  out.append(text, run, text.size() - run);
}

void AppendScriptJsonString(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  AppendJsonString(out, text);
  // Most values need nothing more: rewrite the literal only when it holds a byte to escape.
  if (out.find_first_of("<>&\xE2", start) == std::string::npos) return;
  const std::string literal = out.substr(start);
  out.resize(start);
  for (std::size_t i = 0; i < literal.size(); ++i) {
    const char c = literal[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < literal.size() && literal[i + 1] == '\x80' &&
               (literal[i + 2] == '\xA8' || literal[i + 2] == '\xA9')) {
      out += literal[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
}

}  // namespace pdc
