// Match keys: the folding every comparison in pardot-clean goes through (dedupe blocking and
// comparators, the company key, the `fold` rule).
//
// Fold(text): all-ASCII text is lower-cased (the fast path, no ICU); other text goes through
// NFKC case folding and then the ICU transform "Any-Latin; Latin-ASCII". Then every character
// outside [a-z0-9] and white space is dropped, white space runs become one space and the ends
// are trimmed. Characters still outside ASCII after the transform (say, the ʿ that Arabic ayn
// becomes) are dropped too and counted as residue. Invalid UTF-8 is read as U+FFFD, which is
// residue. Thread-safe: each thread has its own transliterator (created once, ~15 ms) and a
// bounded cache of non-ASCII results.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pdc {

struct FoldStats {
  std::size_t residue = 0;  // characters dropped because they had no ASCII form
};

// Appends the match key of `text` to `out`.
void AppendFold(std::string_view text, std::string& out, FoldStats* stats = nullptr);
std::string Fold(std::string_view text, FoldStats* stats = nullptr);

// OpenRefine's fingerprint: the folded tokens, sorted, without repeats ("Smith, John" and
// "John Smith" give "john smith").
std::string Fingerprint(std::string_view text, FoldStats* stats = nullptr);

// The folded text without spaces cut into character 2-grams, sorted, without repeats, joined
// ("Acme" -> "accmme"): a loose key for review, never for automatic merges.
std::string NgramKey(std::string_view text, FoldStats* stats = nullptr);

}  // namespace pdc
