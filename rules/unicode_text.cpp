#include "rules/unicode_text.h"

#include <unicode/uchar.h>

#include "rules/utf8.h"

namespace pdc {

bool IsWhiteSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool IsInvisible(char32_t c) {
  if (c < 0x80) return (c < 0x20 && !(c >= '\t' && c <= '\r')) || c == 0x7F;
  if (IsWhiteSpace(c)) return false;  // U+0085 is Cc but White_Space: it becomes a space
  const auto type = u_charType(static_cast<UChar32>(c));
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR;
}

char32_t ToLower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

char32_t ToUpper(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
  return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
}

char32_t ToTitle(char32_t c) {
  if (c < 0x80) return ToUpper(c);
  return static_cast<char32_t>(u_totitle(static_cast<UChar32>(c)));
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c));
}

void AppendLower(std::string_view s, std::string& out) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += static_cast<char>(ToLower(b));
      ++i;
    } else {
      utf8::Append(out, ToLower(utf8::Next(s, i)));
    }
  }
}

namespace {

// Whether the code point at s[i] is white space or invisible; advances i past it.
bool IsTrimmable(std::string_view s, std::size_t& i) {
  const char32_t c = utf8::Next(s, i);
  return IsWhiteSpace(c) || IsInvisible(c);
}

}  // namespace

std::string_view TrimInvisible(std::string_view s) {
  std::size_t begin = 0, end = s.size();
  for (std::size_t i = 0; i < end;) {
    if (!IsTrimmable(s, i)) break;
    begin = i;
  }
  while (end > begin) {
    std::size_t lead = end - 1;
    while (lead > begin && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead;
    std::size_t i = lead;
    if (!IsTrimmable(s, i)) break;
    end = lead;
  }
  return s.substr(begin, end - begin);
}

}  // namespace pdc
