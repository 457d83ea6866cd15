// UTF-8 helpers shared by the readers and the text rules. Fast paths for ASCII, which is most
// prospect data.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pdc::utf8 {

// True when every byte is below 0x80.
bool IsAscii(std::string_view s);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool IsValid(std::string_view s);

// Replaces each maximal ill-formed subsequence with U+FFFD, as the Unicode standard recommends.
// Returns how many replacements were made.
std::size_t Repair(std::string& s);

// Decodes the code point at `s[i]` and advances `i`. `s` must be valid UTF-8.
char32_t Next(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of `c`.
void Append(std::string& out, char32_t c);

}  // namespace pdc::utf8
