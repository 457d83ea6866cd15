// Proper-casing of person and company names, shared by name_case, name and company: values typed
// all in capitals or all in lower case are cased word by word (particles, Mc/Mac/O', hyphenated
// parts, Roman numerals, user exceptions); every other value is someone's choice and stays as
// typed. Immutable once built; safe from many threads.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pdc {

enum class Casing { kUncased, kAllUpper, kAllLower, kMixed };

// How the letters of well-formed `s` are cased. A lower-case letter with no capital (U+00DF ß)
// does not count, so "GROßMANN" is all upper; a title-case letter (U+01C5) makes it mixed.
Casing ClassifyCasing(std::string_view s);

// One word: not empty, no white space, well-formed.
bool IsOneWord(std::string_view s);

class NameCaser {
 public:
  // `particles` and the keys of `exceptions` in lower case; exceptions map to their casing.
  NameCaser(std::vector<std::string> particles,
            std::vector<std::pair<std::string, std::string>> exceptions, bool mac_prefix)
      : particles_(std::move(particles)),
        exceptions_(std::move(exceptions)),
        mac_prefix_(mac_prefix) {}

  // Writes the cased form of `in` to the empty `out` and returns true when it differs; returns
  // false (leaving `out` unspecified) when `in` is mixed case, uncased or ill-formed.
  bool Case(std::string_view in, std::string& out) const;
  // Cases one word regardless of how the whole value is cased.
  void CaseWord(std::string_view word, bool first_word, std::string& out) const;
  // The user's casing for `word` (any case), or null.
  const std::string* Exception(std::string_view word) const;

 private:
  void CasePart(std::string_view part, bool first_word, std::string& out) const;
  const std::string* FindException(std::string_view lower) const;

  std::vector<std::string> particles_;                           // lower case
  std::vector<std::pair<std::string, std::string>> exceptions_;  // lower case -> as written
  bool mac_prefix_;
};

// The user options shared by the rules that case names: `particles`, `exceptions` (one word
// each) and `mac_prefix`. Throws OptionError for a value that is not one word.
class Options;
NameCaser NameCaserFrom(const Options& o);

}  // namespace pdc
