// Proper-casing of words typed all in capitals or all in lower case, and the spacing clean-up,
// shared by the rules that tidy how people typed names (name_case, company, job_title).
// Immutable once built; safe to use from many threads at once.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pdc {

enum class Casing { kUncased, kAllUpper, kAllLower, kMixed };

// How the letters of well-formed `s` are cased. A lower-case letter with no capital (U+00DF ß)
// does not count, so "GROßMANN" is all upper; a title-case letter (U+01C5) makes it mixed.
Casing ClassifyCasing(std::string_view s);

// Well-formed `s` trimmed, without invisible characters (zero-width space, bidi marks; but the
// joiners U+200C/U+200D that some scripts need, when they stand between two visible characters),
// every run of white space one space.
std::string TidySpaces(std::string_view s);

// Appends lower-case `s` with its first letter in title case, with Greek final sigma.
void AppendTitled(std::string_view s, std::string& out);

class ProperCaser {
 public:
  // `particles` in lower case; `exceptions` as (lower case, as written); the first of equal
  // exceptions wins.
  ProperCaser(std::vector<std::string> particles,
              const std::vector<std::pair<std::string, std::string>>& exceptions, bool mac_prefix);

  // Writes the cased form of `in` to the empty `out` and returns true when it differs: a value
  // typed all upper or all lower case is cased word by word (white space kept as typed); mixed
  // case, uncased and ill-formed values return false (leaving `out` unspecified).
  bool Case(std::string_view in, std::string& out) const;

  // Appends one word (well-formed, no white space) proper-cased: an exception's casing, a
  // particle in lower case after the first word, II..IX in capitals after the first word, else
  // each part between hyphens and full stops cased on its own (O'Brien, McDonald, Mary-Ann).
  void CaseWord(std::string_view word, bool first_word, std::string& out) const;

  // The casing of lower-case `lower` when it is an exception, else null.
  const std::string* FindException(std::string_view lower) const;
  bool IsParticle(std::string_view lower) const;

 private:
  void CasePart(std::string_view part, bool first_word, std::string& out) const;

  std::vector<std::string> particles_;                        // lower case
  std::map<std::string, std::string, std::less<>> exceptions_;  // lower case -> as written
  bool mac_prefix_;
};

// One word: not empty, no white space, well-formed.
bool IsOneWord(std::string_view s);

// A caser from the options the name-casing rules share: `particles`, `exceptions` (one word
// each; OptionError otherwise) and `mac_prefix`.
class Options;
ProperCaser ProperCaserFrom(const Options& o);

}  // namespace pdc
