#include "rules/proper_case.h"

#include <unicode/uchar.h>

#include "rules/options.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

// Lower-case words that start with "mac" but where Mac is not a separate prefix: given names,
// Spanish, Portuguese and Italian surnames, and Mac- names usually written with a small letter.
// Mackenzie is here because as a given name it is nearly always written so; users who want
// MacKenzie add it to `exceptions`.
constexpr std::string_view kMacExceptions[] = {
    "macaluso",   "macario", "macchi",   "macchia",  "mace",   "maceda",    "macedo",  "macera",
    "macevicius", "macey",   "machado",  "machar",   "machen", "machin",    "machlin", "machuca",
    "macias",     "maciel",  "maciulis", "mack",     "macken", "mackenzie", "mackey",  "mackie",
    "mackintosh", "mackle",  "macklin",  "macomber", "macon",  "macquarie", "macri",   "macy",
};

// Generational suffixes written in capitals (John Smith III); v and x are initials anyway.
constexpr std::string_view kRomanNumerals[] = {"ii", "iii", "iv", "vi", "vii", "viii", "ix"};

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }

// The code point at s[i], or 0 at the end.
char32_t Peek(std::string_view s, std::size_t i) { return i < s.size() ? utf8::Next(s, i) : 0; }

template <std::size_t N>
bool Contains(const std::string_view (&list)[N], std::string_view word) {
  for (const std::string_view item : list) {
    if (item == word) return true;
  }
  return false;
}

// Letters in `s` from its start up to the first non-letter.
std::size_t LeadingLetters(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size() && IsLetter(utf8::Next(s, i));) ++n;
  return n;
}

}  // namespace

Casing ClassifyCasing(std::string_view s) {
  bool upper = false, lower = false;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = utf8::Next(s, i);
    if (c < 0x80) {
      upper = upper || (c >= 'A' && c <= 'Z');
      lower = lower || (c >= 'a' && c <= 'z');
    } else if (u_isupper(static_cast<UChar32>(c))) {
      upper = true;
    } else if (u_islower(static_cast<UChar32>(c))) {
      lower = lower || ToUpper(c) != c;
    } else if (u_istitle(static_cast<UChar32>(c))) {
      return Casing::kMixed;
    }
    if (upper && lower) return Casing::kMixed;
  }
  return upper ? Casing::kAllUpper : lower ? Casing::kAllLower : Casing::kUncased;
}

std::string TidySpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = utf8::Next(s, i);
    if (IsWhiteSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (IsInvisible(c)) {
      // A joiner only means something between two visible characters.
      const bool joiner = c == U'\u200C' || c == U'\u200D';
      std::size_t j = i;
      const char32_t next = i < s.size() ? utf8::Next(s, j) : U' ';
      if (!joiner || out.empty() || space || IsWhiteSpace(next) || IsInvisible(next)) continue;
    }
    if (space) out += ' ';
    space = false;
    out.append(s.substr(at, i - at));
  }
  return out;
}

// Greek small sigma at the end of a word becomes final sigma, which a code-point mapping of
// capital sigma cannot produce.
void AppendTitled(std::string_view s, std::string& out) {
  bool titled = false, after_letter = false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = utf8::Next(s, i);
    const bool letter = IsLetter(c);
    if (letter && !titled) {
      c = ToTitle(c);
      titled = true;
    } else if (c == U'\u03C3' && after_letter && !IsLetter(Peek(s, i))) {
      c = U'\u03C2';
    }
    after_letter = letter;
    utf8::Append(out, c);
  }
}

ProperCaser::ProperCaser(std::vector<std::string> particles,
                         const std::vector<std::pair<std::string, std::string>>& exceptions,
                         bool mac_prefix)
    : particles_(std::move(particles)), mac_prefix_(mac_prefix) {
  for (const auto& [lower, exact] : exceptions) exceptions_.emplace(lower, exact);
}

const std::string* ProperCaser::FindException(std::string_view lower) const {
  const auto it = exceptions_.find(lower);
  return it == exceptions_.end() ? nullptr : &it->second;
}

bool ProperCaser::IsParticle(std::string_view lower) const {
  for (const std::string& particle : particles_) {
    if (particle == lower) return true;
  }
  return false;
}

void ProperCaser::CaseWord(std::string_view word, bool first_word, std::string& out) const {
  std::string lower;
  AppendLower(word, lower);
  if (const std::string* exact = FindException(lower)) {
    out += *exact;
    return;
  }
  if (!first_word) {
    if (IsParticle(lower)) {
      out += lower;
      return;
    }
    if (Contains(kRomanNumerals, lower)) {
      for (const char ch : lower) out += static_cast<char>(ToUpper(static_cast<char32_t>(ch)));
      return;
    }
  }
  // Parts between hyphens and full stops are cased separately: Mary-Ann, J.R., St.John.
  std::size_t start = 0;
  for (bool first_part = true;; first_part = false) {
    const std::size_t end = lower.find_first_of("-.", start);
    const std::string_view part = std::string_view(lower).substr(start, end - start);
    if (const std::string* exact = FindException(part)) {
      out += *exact;
    } else {
      CasePart(part, first_word && first_part, out);
    }
    if (end == std::string::npos) break;
    out += lower[end];
    start = end + 1;
  }
}

// Cases one lower-case part of a word.
void ProperCaser::CasePart(std::string_view part, bool first_word, std::string& out) const {
  // A one-letter prefix and an apostrophe: O'Brien, D'Angelo; d' stays small inside a name.
  std::size_t i = 0;
  const char32_t first = Peek(part, 0);
  if (!part.empty()) utf8::Next(part, i);
  std::size_t j = i;
  if (IsLetter(first) && j < part.size() && IsApostrophe(utf8::Next(part, j)) &&
      IsLetter(Peek(part, j))) {
    utf8::Append(out, first == U'd' && !first_word ? first : ToTitle(first));
    out.append(part.substr(i, j - i));
    AppendTitled(part.substr(j), out);
    return;
  }
  if (part.starts_with("mc") && LeadingLetters(part.substr(2)) >= 2) {
    out += "Mc";
    AppendTitled(part.substr(2), out);
    return;
  }
  if (mac_prefix_ && part.starts_with("mac") && LeadingLetters(part.substr(3)) >= 3 &&
      !Contains(kMacExceptions, part)) {
    out += "Mac";
    AppendTitled(part.substr(3), out);
    return;
  }
  AppendTitled(part, out);
}

bool ProperCaser::Case(std::string_view in, std::string& out) const {
  // Ill-formed text is the `text` rule's business (sources repair it on reading).
  if (!utf8::IsValid(in)) return false;
  const Casing casing = ClassifyCasing(in);
  if (casing != Casing::kAllUpper && casing != Casing::kAllLower) return false;
  out.reserve(in.size());
  std::size_t words = 0;
  for (std::size_t i = 0; i < in.size();) {
    std::size_t start = i;
    while (i < in.size() && IsWhiteSpace(Peek(in, i))) utf8::Next(in, i);
    out.append(in.substr(start, i - start));  // separators as typed
    if (i == in.size()) break;
    start = i;
    while (i < in.size() && !IsWhiteSpace(Peek(in, i))) utf8::Next(in, i);
    CaseWord(in.substr(start, i - start), words++ == 0, out);
  }
  return out != in;
}

bool IsOneWord(std::string_view s) {
  if (s.empty() || !utf8::IsValid(s)) return false;
  for (std::size_t i = 0; i < s.size();) {
    if (IsWhiteSpace(utf8::Next(s, i))) return false;
  }
  return true;
}

ProperCaser ProperCaserFrom(const Options& o) {
  std::vector<std::string> particles;
  for (const std::string& particle : o.Strings("particles")) {
    if (!IsOneWord(particle)) {
      o.Fail("particles", "a particle must be one word without spaces, got \"" + particle + "\"");
    }
    particles.emplace_back();
    AppendLower(particle, particles.back());
  }
  std::vector<std::pair<std::string, std::string>> exceptions;
  for (const std::string& word : o.Strings("exceptions")) {
    if (!IsOneWord(word)) {
      o.Fail("exceptions", "an exception must be one word without spaces, got \"" + word + "\"");
    }
    std::string lower;
    AppendLower(word, lower);
    exceptions.emplace_back(std::move(lower), word);
  }
  return ProperCaser(std::move(particles), exceptions, o.Bool("mac_prefix"));
}

}  // namespace pdc
