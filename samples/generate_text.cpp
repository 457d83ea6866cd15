// UTF-8 text noise: case changes, typing slips and spacing accidents, the kinds of dirt that
// survive form fills, list imports and copy-paste from spreadsheets.
#include <string>
#include <vector>

#include "samples/generate_internal.h"

namespace pdc::generate {
namespace {

// Decodes the code point at text[at] and advances `at`; a stray byte decodes as itself.
char32_t Decode(std::string_view text, size_t& at) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  size_t length = 1;
  char32_t c = lead;
  if (lead >= 0xF0) {
    length = 4;
    c = lead & 0x07;
  } else if (lead >= 0xE0) {
    length = 3;
    c = lead & 0x0F;
  } else if (lead >= 0xC0) {
    length = 2;
    c = lead & 0x1F;
  }
  if (length == 1 || at + length > text.size()) {
    ++at;
    return lead;
  }
  for (size_t i = 1; i < length; ++i) c = (c << 6) | (byte(at + i) & 0x3F);
  at += length;
  return c;
}

void Encode(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Latin Extended-A alternates upper/lower case in pairs; these blocks start with the upper case
// letter on an odd code point instead of an even one.
bool OddUpper(char32_t c) { return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E); }
bool EvenUpper(char32_t c) { return (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177); }

char32_t ToUpper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c == 0xFF) return 0x178;
  if (EvenUpper(c) && (c & 1)) return c - 1;
  if (OddUpper(c) && !(c & 1)) return c - 1;
  if (c == 0x3C2) return 0x3A3;  // final sigma
  if (c >= 0x3B1 && c <= 0x3C9) return c - 32;
  if (c == 0x3AC) return 0x386;
  if (c >= 0x3AD && c <= 0x3AF) return c - 37;
  if (c == 0x3CC) return 0x38C;
  if (c == 0x3CD || c == 0x3CE) return c - 63;
  if (c >= 0x430 && c <= 0x44F) return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  return c;
}

char32_t ToLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x178) return 0xFF;
  if (EvenUpper(c) && !(c & 1)) return c + 1;
  if (OddUpper(c) && (c & 1)) return c + 1;
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

// Byte offsets of each code point, plus text.size() at the end.
std::vector<size_t> Boundaries(std::string_view text) {
  std::vector<size_t> at;
  for (size_t i = 0; i < text.size();) {
    at.push_back(i);
    Decode(text, i);
  }
  at.push_back(text.size());
  return at;
}

}  // namespace

void InsertText(std::string& text, size_t at, std::string_view piece) {
  std::string out;
  out.reserve(text.size() + piece.size());
  out.append(text, 0, at).append(piece).append(text, at);
  text.swap(out);
}

bool HasNonAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return true;
  }
  return false;
}

void AppendCase(std::string_view text, bool upper, std::string& out) {
  for (size_t i = 0; i < text.size();) {
    const char32_t c = Decode(text, i);
    Encode(upper ? ToUpper(c) : ToLower(c), out);
  }
}

std::string Typo(Random& rng, std::string_view text) {
  const std::vector<size_t> at = Boundaries(text);
  const size_t letters = at.size() - 1;
  if (letters < 4) return std::string(text);
  const size_t i = 1 + rng.Below(letters - 2);  // a letter with a successor, not the first
  const std::string_view here = text.substr(at[i], at[i + 1] - at[i]);
  const std::string_view next = text.substr(at[i + 1], at[i + 2] - at[i + 1]);
  std::string out(text.substr(0, at[i]));
  if (rng.Chance(0.5) && here != next) {
    out += next;
    out += here;
  } else {
    out += next;  // drops `here`
  }
  out += text.substr(at[i + 2]);
  return out;
}

void AddSpacingNoise(Random& rng, std::string& value) {
  static constexpr std::string_view kNbsp = "\u00A0";
  static constexpr std::string_view kZeroWidth = "\u200B";
  const size_t space = value.find(' ');
  switch (rng.Below(7)) {
    case 0:
      InsertText(value, 0, " ");
      break;
    case 1:
      value += ' ';
      break;
    case 2:
      if (space != std::string::npos) {
        InsertText(value, space, " ");
      } else {
        value += "  ";
      }
      break;
    case 3:
      if (space != std::string::npos) {
        value.replace(space, 1, kNbsp);
      } else {
        value += kNbsp;
      }
      break;
    case 4:
      value += kZeroWidth;
      break;
    case 5: {
      // A zero-width space inside the value, at a code point boundary.
      const std::vector<size_t> at = Boundaries(value);
      InsertText(value, at[rng.Below(at.size())], kZeroWidth);
      break;
    }
    default:
      value += '\t';
      break;
  }
}

}  // namespace pdc::generate
