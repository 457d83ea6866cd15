// A regular expression over decimal digits, in the shapes libphonenumber's metadata writes them:
// digits, \d, classes of digits and ranges ([2-9], [0-24-9]), groups ((...) and (?:...)),
// alternation, and the quantifiers ? * + {n} {n,} {n,m} (a lazy ? after one changes nothing for
// a whole match). It compiles to a Thompson automaton whose deterministic states are built as
// inputs reach them, so that a whole-match test costs a table step per digit once warm, where
// ICU's backtracking matcher takes microseconds on the longer patterns.
//
// Not thread-safe: a pattern fills its state table while matching (one per thread).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace pdc {

class DigitPattern {
 public:
  // The pattern compiled, or nullopt when it uses anything else (anchors, other characters,
  // negated classes, back-references...): the caller then needs a general matcher.
  static std::optional<DigitPattern> Compile(std::string_view pattern);

  // Whether the pattern matches the whole of `text`; a character other than a digit never
  // matches.
  bool FullMatch(std::string_view text);

  // How many deterministic states have been built so far (for tests).
  std::size_t built_states() const { return sets_.size(); }

 private:
  // An automaton state: on a digit in `mask`, go to `out`; with an empty mask, an epsilon state
  // with up to two successors (-1: none).
  struct NfaState {
    std::uint16_t mask = 0;
    int out = -1;
    std::array<int, 2> eps{-1, -1};
  };
  // Deterministic states: the sorted automaton states (digit states and the accepting one) an
  // input can be in; transitions -1 until first taken.
  int StateOf(std::vector<int> set);
  void Closure(int from, std::vector<int>& set, std::vector<std::uint32_t>& seen) const;

  std::vector<NfaState> nfa_;
  int start_ = -1;
  int accept_ = -1;
  std::map<std::vector<int>, int> ids_;
  std::vector<std::vector<int>> sets_;
  std::vector<std::array<int, 10>> next_;
  std::vector<bool> accepting_;
  std::vector<std::uint32_t> seen_;  // closure marks, by automaton state
  std::uint32_t mark_ = 0;
};

}  // namespace pdc
