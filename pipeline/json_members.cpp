#include "pipeline/json_members.h"

#include <cstring>

namespace pdc {
namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::size_t SkipSpace(std::string_view s, std::size_t i) {
  while (i < s.size() && IsJsonSpace(s[i])) ++i;
  return i;
}

// `s[i]` is an opening quote; returns the offset past the closing one.
std::size_t SkipString(std::string_view s, std::size_t i) {
  for (++i; i < s.size();) {
    const void* hit = std::memchr(s.data() + i, '"', s.size() - i);
    if (hit == nullptr) return s.size();
    const auto quote = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
    std::size_t backslashes = 0;
    while (quote - backslashes > i && s[quote - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote + 1;  // not escaped
    i = quote + 1;
  }
  return s.size();
}

std::size_t SkipValue(std::string_view s, std::size_t i) {
  if (i >= s.size()) return i;
  if (s[i] == '"') return SkipString(s, i);
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    while (i < s.size()) {
      const char c = s[i];
      if (c == '"') {
        i = SkipString(s, i);
        continue;
      }
      ++i;
      if (c == '{' || c == '[') ++depth;
      if ((c == '}' || c == ']') && --depth == 0) break;
    }
    return i;
  }
  while (i < s.size() && !IsJsonSpace(s[i]) && s[i] != ',' && s[i] != '}' && s[i] != ']') ++i;
  return i;
}

}  // namespace

void MemberLiterals(std::string_view s, std::vector<std::string_view>& values) {
  values.clear();
  std::size_t i = SkipSpace(s, 0) + 1;  // past '{'
  for (;;) {
    i = SkipSpace(s, i);
    if (i >= s.size() || s[i] != '"') return;  // '}' of an empty object
    i = SkipSpace(s, SkipString(s, i)) + 1;    // past ':'
    i = SkipSpace(s, i);
    const std::size_t start = i;
    i = SkipValue(s, i);
    values.push_back(s.substr(start, i - start));
    i = SkipSpace(s, i);
    if (i >= s.size() || s[i] != ',') return;
    ++i;
  }
}

}  // namespace pdc
