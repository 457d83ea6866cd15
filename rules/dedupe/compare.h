// Field comparators for deduplication: given two values of one field, how alike are they?
//
// Every comparator returns a FieldComparison: a Level (the vocabulary of `explain`, of reports and
// of the Fellegi-Sunter weights) and a score in [0, 1] (what the Salesforce-style thresholds of the
// decision rule test). The inputs are match keys (rules/match_key.h: folded ASCII, single spaces)
// or, for phones, E.164 numbers, and for emails canonical keys (rules/email_domains.h); the string
// measures also accept any UTF-8 and work on code points (ill-formed bytes read as U+FFFD).
//
// An empty value on either side gives Level::kMissing with score 0: a blank is neither a match
// nor a mismatch, and the decision rule decides what a blank means for its group.
//
// Thread-safety: every function may be called from any thread. The nickname table is loaded from
// data/nicknames.tsv on first use (a function-local static, so the load happens once) and never
// changes after; nothing else keeps state.
//
// Costs (one core, bench/dedupe_bench_compare.cpp): Jaro-Winkler and Damerau-Levenshtein are
// O(n*m) in code points but allocate nothing for strings up to 64 code points (stack buffers;
// longer strings use the heap): about 100 and 150 ns for a pair of ASCII names, three times that
// for non-ASCII text, which is decoded first. Nickname lookup is two binary searches over a few
// hundred folded names (~90 ns); the `name` comparator costs about 250 ns in all. Double Metaphone
// is one pass per side (~110 ns). Phone sections (~90 ns) and acronyms (~250 ns plus the
// Jaro-Winkler of the `company` comparator) are linear scans without allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace pdc::dedupe {

// How alike two values are, best first. kExact: equal keys. kStrong and kWeak: the score reached
// the strong or the weak threshold (or an equivalence such as a nickname gave score 1).
// kDifferent: below the weak threshold. kMissing: a side is empty.
enum class Level : std::uint8_t { kExact, kStrong, kWeak, kDifferent, kMissing };

// Which test decided the result, for `explain` and the report.
enum class Basis : std::uint8_t {
  kNone,           // missing, or nothing matched
  kEqual,          // the keys are equal
  kNickname,       // NicknameEquivalent
  kInitials,       // InitialsCompatible
  kAcronym,        // AcronymMatch
  kJaroWinkler,    // the score is JaroWinkler
  kEditDistance,   // the score is DamerauLevenshteinSimilarity
  kPhonetic,       // Double Metaphone codes
  kPhoneNational,  // same national number, a country code differs or is missing
  kPhoneSections,  // PhoneSectionScore
};

struct FieldComparison {
  Level level = Level::kMissing;
  double score = 0.0;
  Basis basis = Basis::kNone;
};

// The thresholds that turn a score into a level. The decision rule passes its own per field,
// e.g. {0.92, 0.85} for first names (Salesforce's First Name threshold is 85).
struct Thresholds {
  double strong = 0.92;
  double weak = 0.85;
};

// The comparators a decision rule can name (YAML: `exact`, `name`, `jaro_winkler`, ...).
enum class ComparatorKind : std::uint8_t {
  kExact,        // equal keys or different
  kName,         // given names: equal, nickname, initials, else Jaro-Winkler
  kJaroWinkler,  // Jaro-Winkler score
  kLevenshtein,  // Damerau-Levenshtein (OSA) similarity
  kMetaphone,    // Double Metaphone: 1 on equal primary codes, 0.9 on another shared code
  kCompany,      // company keys: equal, acronym, else Jaro-Winkler
  kPhone,        // E.164: equal, same national number (a trunk 0 aside), else section score
  kEmail,        // canonical email keys: equal or different
};

std::string_view ComparatorName(ComparatorKind kind);
std::optional<ComparatorKind> ParseComparatorKind(std::string_view name);
std::string_view LevelName(Level level);
std::string_view BasisName(Basis basis);

// Compares `a` and `b` with `kind`; see ComparatorKind. Empty on either side (for phones: no
// digits) gives kMissing. Equal values give kExact with score 1 and Basis::kEqual (phones: equal
// country code and national number). Otherwise the level follows the score and the thresholds:
// kStrong at `strong` or above, kWeak at `weak` or above, else kDifferent; a nickname, initials
// or an acronym scores 1.
FieldComparison Compare(ComparatorKind kind, std::string_view a, std::string_view b,
                        const Thresholds& thresholds = {});

// --- String measures (code points; both empty: similarity 1) -----------------------------------

// Jaro similarity in [0, 1].
double Jaro(std::string_view a, std::string_view b);

// Jaro-Winkler as Winkler defined it: the Jaro similarity j, and when j > 0.7 plus
// l * 0.1 * (1 - j) for the common prefix length l (at most 4).
// JaroWinkler("MARTHA", "MARHTA") = 0.961, ("DWAYNE", "DUANE") = 0.84, ("DIXON", "DICKSONX") =
// 0.813.
double JaroWinkler(std::string_view a, std::string_view b);

// Damerau-Levenshtein distance in its optimal string alignment variant: insertions, deletions,
// substitutions and transpositions of adjacent code points, each costing 1, with no substring
// edited twice. It differs from the unrestricted distance only when a transposed pair is edited
// again: OSA("CA", "ABC") = 3, where the unrestricted distance is 2 (CA -> AC -> ABC).
std::size_t DamerauLevenshtein(std::string_view a, std::string_view b);

// 1 - DamerauLevenshtein(a, b) / max(code points of a, of b); 1 when both are empty.
double DamerauLevenshteinSimilarity(std::string_view a, std::string_view b);

// --- Names ------------------------------------------------------------------------------------

// True when two folded given names are the same person's name by data/nicknames.tsv: they are
// equal, or one is a short form of the other (bob ~ robert), or both are short forms of one formal
// name (bob ~ rob, both Robert). Two formal names that merely share a short form are NOT
// equivalent: Christopher and Christine share Chris, Alexander and Alexandra share Alex, so that
// reading would merge men and women; Catherine and Katherine (sharing Kate) are left to
// Jaro-Winkler (0.93) and Double Metaphone instead. The relation is not transitive (Chris ~
// Christopher and Chris ~ Christine). Its false-positive risk: two different people with names
// of one family (Tina and Chris, both from Christina) compare as equivalent; the other fields of
// the decision group must still agree.
// The first call loads the table; a missing or malformed file throws DataError then, so call
// LoadNicknames() at start-up to fail there rather than inside a pipeline stage.
bool NicknameEquivalent(std::string_view a, std::string_view b);

// The folded formal name of the first data/nicknames.tsv row a folded given name belongs to
// (bob -> robert, robert -> robert), or `name` itself when the table does not list it: a blocking
// key that a nickname and its formal name share. A short form of several formal names gets the
// first of them only (alex -> alexander), so two names with one FormalName are not necessarily
// NicknameEquivalent, nor the other way round. The view stays valid for the process's lifetime
// when it is not `name`; loads the table like NicknameEquivalent.
std::string_view FormalName(std::string_view name);

// Loads data/nicknames.tsv now if it is not loaded yet (throws DataError); cheap afterwards.
void LoadNicknames();

// True when one name can be the other written with initials: the names are split into words at
// spaces, full stops and hyphens, and word k of one must equal word k of the other or be a single
// letter that starts it, over the words both have; at least one such initial must be used. So
// "j" ~ "john", "j r" ~ "john robert", "john r" ~ "john robert", "j" ~ "john robert". A single word
// of two or more letters is also read as run-together initials when the other name has exactly
// that many words ("jr", the key of "J.R.", ~ "john robert"). "j" vs "k" and "john" vs "jane" are
// not compatible; neither are equal names without any initial.
bool InitialsCompatible(std::string_view a, std::string_view b);

// --- Companies --------------------------------------------------------------------------------

// True when one company key is the acronym of the other: "ibm" ~ "international business
// machines", "amd" ~ "advanced micro devices corp". The acronym side is one word of 2 to 10
// letters, or single letters separated by spaces ("i b m", the key of "I.B.M." written with
// spaces); the other side's initials are taken with legal forms (inc, corp, ltd, gmbh, ...) and
// stop words (of, and, the, for, de, ...) left out, and also with the stop words kept ("boa" ~
// "bank of america"). The full name must have at least two words.
bool AcronymMatch(std::string_view a, std::string_view b);

// --- Phones -----------------------------------------------------------------------------------

// Salesforce's sectioned phone score on two E.164 numbers ("+14155550132"): the country calling
// code weighs 0.1, the area code 0.5, the next three digits 0.3 and the last four 0.1, each
// section scoring when its digits are equal. The national number is split from its end: the last
// four digits, the three before, and the rest as the "area code" (exact for NANP and most
// ten-digit plans, an approximation elsewhere). A section empty on both sides (a short number)
// leaves the weighting and the others are scaled up; so does the country code when one number
// has none (no leading '+'), since it is unknown rather than different. Characters other than
// digits are ignored.
// Levels with the default thresholds: same area and next three, other last four: 0.9 (weak);
// same area, rest different: 0.6 (different).
double PhoneSectionScore(std::string_view a, std::string_view b);

}  // namespace pdc::dedupe
