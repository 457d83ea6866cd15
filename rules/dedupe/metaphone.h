// Double Metaphone: Lawrence Philips' phonetic code (C/C++ Users Journal, June 2000), which gives a
// word a primary code and an alternate code for a second plausible pronunciation ("Smith" is
// SM0/XMT, "Schmidt" XMT/SMT: they share XMT). Last-name comparison and the phonetic blocking keys
// use it.
//
// The input is a match key (rules/match_key.h): ASCII letters, digits and single spaces. Text with
// any non-ASCII byte is folded with Fold() first, so "Müller" and "Muller" get the same codes.
// Letters are upper-cased, digits and other characters dropped; spaces are kept because several
// rules look for a word end ("VAN ", "SAN ", "JOSE" as a whole word). The codes use the letters
// A F H J K L M N P R S T X and 0 (zero, for "th").
//
// Thread-safe (no shared state). Cost: one pass over the word; no allocation for words up to 15
// letters and codes up to 15 characters (the string's small buffer); Fold's cost for non-ASCII.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pdc::dedupe {

struct MetaphoneCodes {
  std::string primary;
  // The second pronunciation; equal to `primary` when the word has only one.
  std::string alternate;
};

// The codes of `word`, each cut to `max_length` characters (0: no limit). The empty word, or one
// without letters, gives two empty codes.
MetaphoneCodes DoubleMetaphone(std::string_view word, std::size_t max_length = 4);

// True when the two words share a code (primary or alternate, in any combination) and the shared
// code is not empty.
bool MetaphoneMatch(const MetaphoneCodes& a, const MetaphoneCodes& b);

}  // namespace pdc::dedupe
