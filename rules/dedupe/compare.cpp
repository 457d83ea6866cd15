#include "rules/dedupe/compare.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "rules/data_files.h"
#include "rules/dedupe/metaphone.h"
#include "rules/match_key.h"
#include "rules/utf8.h"

namespace pdc::dedupe {
namespace {

// Room on the stack for this many elements; longer inputs take the heap. 64 code points cover
// every real name, company key and email address in a CRM.
constexpr std::size_t kStackElements = 64;

// A zero-filled array of `size` elements that uses the stack up to `N`.
template <typename T, std::size_t N = kStackElements>
class ScratchArray {
 public:
  explicit ScratchArray(std::size_t size) : size_(size) {
    if (size > N) {
      heap_.assign(size, T{});
    } else {
      std::fill_n(stack_.begin(), size, T{});
    }
  }
  ScratchArray(const ScratchArray&) = delete;
  ScratchArray& operator=(const ScratchArray&) = delete;

  T* data() { return size_ > N ? heap_.data() : stack_.data(); }
  std::size_t size() const { return size_; }

 private:
  std::size_t size_;
  std::array<T, N> stack_;
  std::vector<T> heap_;
};

// Decodes one code point, reading an ill-formed sequence's first byte as U+FFFD so that any byte
// string compares without crashing (utf8::Next requires valid input).
char32_t NextTolerant(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len = 0;
  char32_t c = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    c = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    c = b0 & 0x07;
  }
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  i += len;
  return c;
}

std::size_t CountCodePoints(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) NextTolerant(s, i);
  return n;
}

// The code points of a string, on the stack when short.
class CodePoints {
 public:
  explicit CodePoints(std::string_view s) : points_(CountCodePoints(s)) {
    std::size_t k = 0;
    char32_t* out = points_.data();
    for (std::size_t i = 0; i < s.size();) out[k++] = NextTolerant(s, i);
  }
  const char32_t* data() { return points_.data(); }
  std::size_t size() const { return points_.size(); }

 private:
  ScratchArray<char32_t> points_;
};

template <typename C>
double JaroOf(const C* a, std::size_t n, const C* b, std::size_t m) {
  if (n == 0 && m == 0) return 1.0;
  if (n == 0 || m == 0) return 0.0;
  // Characters match when equal and no further apart than half the longer length, less one.
  const std::size_t half = std::max(n, m) / 2;
  const std::size_t window = half > 0 ? half - 1 : 0;
  ScratchArray<unsigned char> flags_a(n);
  ScratchArray<unsigned char> flags_b(m);
  unsigned char* matched_a = flags_a.data();
  unsigned char* matched_b = flags_b.data();
  std::size_t matches = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(i + window + 1, m);
    for (std::size_t j = lo; j < hi; ++j) {
      if (!matched_b[j] && a[i] == b[j]) {
        matched_a[i] = 1;
        matched_b[j] = 1;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  // Half the matched characters that are out of order.
  std::size_t out_of_order = 0;
  for (std::size_t i = 0, k = 0; i < n; ++i) {
    if (!matched_a[i]) continue;
    while (!matched_b[k]) ++k;
    if (a[i] != b[k]) ++out_of_order;
    ++k;
  }
  const double mm = static_cast<double>(matches);
  const double t = static_cast<double>(out_of_order) / 2.0;
  return (mm / static_cast<double>(n) + mm / static_cast<double>(m) + (mm - t) / mm) / 3.0;
}

template <typename C>
double JaroWinklerOf(const C* a, std::size_t n, const C* b, std::size_t m) {
  const double j = JaroOf(a, n, b, m);
  if (j <= 0.7) return j;  // Winkler's boost threshold
  std::size_t prefix = 0;
  const std::size_t limit = std::min<std::size_t>({n, m, 4});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return j + static_cast<double>(prefix) * 0.1 * (1.0 - j);
}

// Optimal string alignment distance with three rolling rows.
template <typename C>
std::size_t OsaOf(const C* a, std::size_t n, const C* b, std::size_t m) {
  if (n == 0) return m;
  if (m == 0) return n;
  ScratchArray<std::size_t, kStackElements + 1> row0(m + 1);  // two rows back
  ScratchArray<std::size_t, kStackElements + 1> row1(m + 1);  // previous row
  ScratchArray<std::size_t, kStackElements + 1> row2(m + 1);  // current row
  std::size_t* before = row0.data();
  std::size_t* prev = row1.data();
  std::size_t* cur = row2.data();
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      cur[j] = d;
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

// Runs `f` on the bytes when both strings are ASCII (the common case: match keys), else on their
// code points.
template <typename F>
auto OnCodeUnits(std::string_view a, std::string_view b, F f) {
  if (utf8::IsAscii(a) && utf8::IsAscii(b)) return f(a.data(), a.size(), b.data(), b.size());
  CodePoints ca(a);
  CodePoints cb(b);
  return f(ca.data(), ca.size(), cb.data(), cb.size());
}

}  // namespace

double Jaro(std::string_view a, std::string_view b) {
  return OnCodeUnits(a, b, [](const auto* x, std::size_t n, const auto* y, std::size_t m) {
    return JaroOf(x, n, y, m);
  });
}

double JaroWinkler(std::string_view a, std::string_view b) {
  return OnCodeUnits(a, b, [](const auto* x, std::size_t n, const auto* y, std::size_t m) {
    return JaroWinklerOf(x, n, y, m);
  });
}

std::size_t DamerauLevenshtein(std::string_view a, std::string_view b) {
  return OnCodeUnits(a, b, [](const auto* x, std::size_t n, const auto* y, std::size_t m) {
    return OsaOf(x, n, y, m);
  });
}

double DamerauLevenshteinSimilarity(std::string_view a, std::string_view b) {
  return OnCodeUnits(a, b, [](const auto* x, std::size_t n, const auto* y, std::size_t m) {
    const std::size_t longer = std::max(n, m);
    if (longer == 0) return 1.0;
    return 1.0 - static_cast<double>(OsaOf(x, n, y, m)) / static_cast<double>(longer);
  });
}

// --- Nicknames ---------------------------------------------------------------------------------

namespace {

// The folded names of data/nicknames.tsv, sorted, each with the formal names (as row numbers) it
// belongs to: a formal name belongs to its own row, a short form to every row that lists it.
// Immutable after construction.
class NicknameTable {
 public:
  static const NicknameTable& Get() {
    static const NicknameTable table;
    return table;
  }

  // The formal name of the first row `name` belongs to; `name` itself when it has none.
  std::string_view Formal(std::string_view name) const {
    const Entry* x = Find(name);
    return x == nullptr ? name : std::string_view(formals_[x->rows.front()]);
  }

  bool Equivalent(std::string_view a, std::string_view b) const {
    if (a == b) return true;
    const Entry* x = Find(a);
    const Entry* y = Find(b);
    if (x == nullptr || y == nullptr) return false;
    // Both row lists are sorted: they intersect when the two names share a formal name.
    auto i = x->rows.begin();
    auto j = y->rows.begin();
    while (i != x->rows.end() && j != y->rows.end()) {
      if (*i == *j) return true;
      if (*i < *j) {
        ++i;
      } else {
        ++j;
      }
    }
    return false;
  }

 private:
  struct Entry {
    std::string name;
    std::vector<std::uint32_t> rows;
  };

  NicknameTable() {
    const auto file = DataFile::Load("nicknames.tsv");
    std::vector<std::pair<std::string, std::uint32_t>> pairs;
    std::uint32_t row = 0;
    for (const DataLine& line : file->lines()) {
      const auto columns = DataFile::Columns(line.text, '\t');
      if (columns.size() != 2 || columns[0].empty()) {
        throw DataError(file->Where(line.number) + ": expected formal name, short forms");
      }
      formals_.push_back(Fold(columns[0]));
      pairs.emplace_back(formals_.back(), row);
      for (const std::string& nick : DataFile::Columns(columns[1], ',')) {
        std::string key = Fold(nick);
        if (!key.empty()) pairs.emplace_back(std::move(key), row);
      }
      ++row;
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (auto& [name, r] : pairs) {
      if (entries_.empty() || entries_.back().name != name) entries_.push_back({name, {}});
      entries_.back().rows.push_back(r);
    }
  }

  const Entry* Find(std::string_view name) const {
    const auto it = std::lower_bound(
        entries_.begin(), entries_.end(), name,
        [](const Entry& e, std::string_view key) { return std::string_view(e.name) < key; });
    return it != entries_.end() && it->name == name ? &*it : nullptr;
  }

  std::vector<Entry> entries_;
  std::vector<std::string> formals_;  // the folded formal name of each row
};

// Up to kMaxWords words of `text`, split at the given separators; the rest is ignored.
constexpr std::size_t kMaxWords = 16;
struct Words {
  std::array<std::string_view, kMaxWords> word;
  std::size_t count = 0;
};

Words SplitWords(std::string_view text, std::string_view separators) {
  Words out;
  std::size_t i = 0;
  while (i < text.size() && out.count < kMaxWords) {
    while (i < text.size() && separators.find(text[i]) != std::string_view::npos) ++i;
    const std::size_t start = i;
    while (i < text.size() && separators.find(text[i]) == std::string_view::npos) ++i;
    if (i > start) out.word[out.count++] = text.substr(start, i - start);
  }
  return out;
}

}  // namespace

bool NicknameEquivalent(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  return NicknameTable::Get().Equivalent(a, b);
}

std::string_view FormalName(std::string_view name) { return NicknameTable::Get().Formal(name); }

void LoadNicknames() { NicknameTable::Get(); }

// --- Initials ----------------------------------------------------------------------------------

bool InitialsCompatible(std::string_view a, std::string_view b) {
  const Words x = SplitWords(a, " .-");
  const Words y = SplitWords(b, " .-");
  if (x.count == 0 || y.count == 0) return false;
  // "jr" (J.R. folded) against "john robert": letters as run-together initials.
  const auto run_together = [](const Words& initials, const Words& full) {
    const std::string_view letters = initials.word[0];
    if (initials.count != 1 || letters.size() < 2 || letters.size() != full.count) return false;
    for (std::size_t k = 0; k < full.count; ++k) {
      if (full.word[k].size() < 2 || full.word[k][0] != letters[k]) return false;
    }
    return true;
  };
  if (run_together(x, y) || run_together(y, x)) return true;
  const std::size_t shared = std::min(x.count, y.count);
  bool initial_used = false;
  for (std::size_t k = 0; k < shared; ++k) {
    const std::string_view u = x.word[k];
    const std::string_view v = y.word[k];
    if (u == v) {
      if (u.size() == 1) initial_used = true;
      continue;
    }
    if (u.size() == 1 && v.front() == u.front()) {
      initial_used = true;
    } else if (v.size() == 1 && u.front() == v.front()) {
      initial_used = true;
    } else {
      return false;
    }
  }
  return initial_used;
}

// --- Company acronyms --------------------------------------------------------------------------

namespace {

// Folded legal forms left out of a name before taking its initials (the company key usually has
// them stripped already; this catches keys built without that step).
constexpr std::array<std::string_view, 34> kLegalForms = {
    "ab",           "ag",  "as",  "bv",      "co",  "corp", "corporation", "gmbh", "inc",
    "incorporated", "kg",  "kk",  "limited", "llc", "llp",  "lp",          "ltd",  "nv",
    "oy",           "plc", "pty", "pvt",     "sa",  "sarl", "sas",         "se",   "spa",
    "srl",          "ug",  "ulc", "bhd",     "sdn", "oyj",  "aps"};

// Folded words an acronym usually leaves out: "Bank of America" is BOA or BA.
constexpr std::array<std::string_view, 22> kStopWords = {
    "a",   "an",  "and", "the", "of", "for", "at", "on", "in", "und", "der",
    "die", "das", "de",  "des", "du", "la",  "le", "et", "y",  "del", "von"};

template <std::size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

Words WithoutLegalForms(const Words& words) {
  Words out;
  for (std::size_t k = 0; k < words.count; ++k) {
    if (!In(kLegalForms, words.word[k])) out.word[out.count++] = words.word[k];
  }
  return out;
}

// The acronym a side spells, or "" when it is not one: a word of 2 to 10 letters, or 2 to 10
// single letters ("i b m"). Written into `buffer`.
std::string_view AcronymOf(const Words& words, std::array<char, kMaxWords>& buffer) {
  if (words.count == 1) {
    const std::string_view w = words.word[0];
    if (w.size() < 2 || w.size() > 10) return {};
    return w;
  }
  if (words.count < 2 || words.count > 10) return {};
  for (std::size_t k = 0; k < words.count; ++k) {
    if (words.word[k].size() != 1) return {};
    buffer[k] = words.word[k][0];
  }
  return {buffer.data(), words.count};
}

bool InitialsSpell(const Words& name, std::string_view acronym, bool keep_stop_words) {
  std::size_t k = 0;
  for (std::size_t w = 0; w < name.count; ++w) {
    if (!keep_stop_words && In(kStopWords, name.word[w])) continue;
    if (k >= acronym.size() || name.word[w][0] != acronym[k]) return false;
    ++k;
  }
  return k == acronym.size();
}

bool IsAcronymOf(const Words& short_side, const Words& long_side) {
  std::array<char, kMaxWords> buffer{};
  const std::string_view acronym = AcronymOf(short_side, buffer);
  if (acronym.empty() || long_side.count < 2) return false;
  // The long side must be spelt out: "i b m" is not the name behind "ibm".
  bool spelt_out = false;
  for (std::size_t k = 0; k < long_side.count; ++k) spelt_out |= long_side.word[k].size() > 1;
  if (!spelt_out) return false;
  return InitialsSpell(long_side, acronym, false) || InitialsSpell(long_side, acronym, true);
}

}  // namespace

bool AcronymMatch(std::string_view a, std::string_view b) {
  const Words x = WithoutLegalForms(SplitWords(a, " "));
  const Words y = WithoutLegalForms(SplitWords(b, " "));
  return IsAcronymOf(x, y) || IsAcronymOf(y, x);
}

// --- Phones ------------------------------------------------------------------------------------

namespace {

// ITU-T E.164 country calling codes are prefix-free: 1 and 7 have one digit, these have two,
// every other code three.
bool TwoDigitCountryCode(int code) {
  static constexpr std::array<int, 44> kCodes = {
      20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
      55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98};
  return std::binary_search(kCodes.begin(), kCodes.end(), code);
}

struct PhoneParts {
  std::string_view country;   // calling code digits; empty when the number had no '+'
  std::string_view area;      // national number less its last seven digits
  std::string_view exchange;  // the three digits before the last four
  std::string_view line;      // the last four digits
  std::string_view national;  // the whole national number
};

// The digits of `phone` (without its '+') into `buffer`, split into sections.
PhoneParts SplitPhone(std::string_view phone, std::array<char, 32>& buffer) {
  std::size_t start = 0;
  while (start < phone.size() && phone[start] == ' ') ++start;
  const bool international = start < phone.size() && phone[start] == '+';
  std::size_t n = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9' && n < buffer.size()) buffer[n++] = c;
  }
  const std::string_view digits(buffer.data(), n);
  PhoneParts parts;
  std::size_t cc = 0;
  if (international && !digits.empty()) {
    if (digits[0] == '1' || digits[0] == '7') {
      cc = 1;
    } else if (digits.size() >= 2 &&
               TwoDigitCountryCode((digits[0] - '0') * 10 + digits[1] - '0')) {
      cc = 2;
    } else {
      cc = std::min<std::size_t>(3, digits.size());
    }
  }
  parts.country = digits.substr(0, cc);
  parts.national = digits.substr(cc);
  const std::string_view nat = parts.national;
  const std::size_t len = nat.size();
  parts.line = nat.substr(len > 4 ? len - 4 : 0);
  parts.exchange = len > 4 ? nat.substr(len > 7 ? len - 7 : 0, std::min<std::size_t>(3, len - 4))
                           : std::string_view();
  parts.area = len > 7 ? nat.substr(0, len - 7) : std::string_view();
  return parts;
}

double SectionScore(const PhoneParts& x, const PhoneParts& y) {
  double total = 0.0;
  double score = 0.0;
  const auto section = [&](std::string_view u, std::string_view v, double weight) {
    if (u.empty() && v.empty()) return;
    total += weight;
    if (u == v) score += weight;
  };
  // An unknown country code is not a different one.
  if (!x.country.empty() && !y.country.empty()) section(x.country, y.country, 0.1);
  section(x.area, y.area, 0.5);
  section(x.exchange, y.exchange, 0.3);
  section(x.line, y.line, 0.1);
  return total > 0.0 ? score / total : 0.0;
}

}  // namespace

double PhoneSectionScore(std::string_view a, std::string_view b) {
  std::array<char, 32> buffer_a{};
  std::array<char, 32> buffer_b{};
  return SectionScore(SplitPhone(a, buffer_a), SplitPhone(b, buffer_b));
}

// --- Dispatch ----------------------------------------------------------------------------------

namespace {

FieldComparison Scored(double score, Basis basis, const Thresholds& t) {
  FieldComparison out;
  out.score = score;
  out.basis = basis;
  out.level = score >= t.strong ? Level::kStrong
              : score >= t.weak ? Level::kWeak
                                : Level::kDifferent;
  return out;
}

FieldComparison ComparePhones(std::string_view a, std::string_view b, const Thresholds& t) {
  std::array<char, 32> buffer_a{};
  std::array<char, 32> buffer_b{};
  const PhoneParts x = SplitPhone(a, buffer_a);
  const PhoneParts y = SplitPhone(b, buffer_b);
  if (x.national.empty() || y.national.empty()) return {};
  if (x.country == y.country && x.national == y.national) {
    return {Level::kExact, 1.0, Basis::kEqual};
  }
  // A number written nationally keeps its trunk prefix ("0218902077" for "+41218902077"): with
  // the country unknown on that side, the national numbers that differ by that one leading 0
  // are the same.
  auto trunk = [](const PhoneParts& national_only, const PhoneParts& international) {
    return national_only.country.empty() && !international.country.empty() &&
           national_only.national.size() == international.national.size() + 1 &&
           national_only.national[0] == '0' &&
           national_only.national.substr(1) == international.national;
  };
  if (trunk(x, y) || trunk(y, x)) return {Level::kStrong, 1.0, Basis::kPhoneNational};
  const double score = SectionScore(x, y);
  return Scored(score, x.national == y.national ? Basis::kPhoneNational : Basis::kPhoneSections, t);
}

FieldComparison CompareMetaphone(std::string_view a, std::string_view b, const Thresholds& t) {
  const MetaphoneCodes x = DoubleMetaphone(a);
  const MetaphoneCodes y = DoubleMetaphone(b);
  double score = 0.0;
  if (!x.primary.empty() && x.primary == y.primary) {
    score = 1.0;
  } else if (MetaphoneMatch(x, y)) {
    score = 0.9;
  }
  return Scored(score, Basis::kPhonetic, t);
}

constexpr std::array<std::pair<ComparatorKind, std::string_view>, 8> kKindNames = {{
    {ComparatorKind::kExact, "exact"},
    {ComparatorKind::kName, "name"},
    {ComparatorKind::kJaroWinkler, "jaro_winkler"},
    {ComparatorKind::kLevenshtein, "levenshtein"},
    {ComparatorKind::kMetaphone, "metaphone"},
    {ComparatorKind::kCompany, "company"},
    {ComparatorKind::kPhone, "phone"},
    {ComparatorKind::kEmail, "email"},
}};

}  // namespace

std::string_view ComparatorName(ComparatorKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<ComparatorKind> ParseComparatorKind(std::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kExact:
      return "exact";
    case Level::kStrong:
      return "strong";
    case Level::kWeak:
      return "weak";
    case Level::kDifferent:
      return "different";
    case Level::kMissing:
      return "missing";
  }
  return "unknown";
}

std::string_view BasisName(Basis basis) {
  switch (basis) {
    case Basis::kNone:
      return "none";
    case Basis::kEqual:
      return "equal";
    case Basis::kNickname:
      return "nickname";
    case Basis::kInitials:
      return "initials";
    case Basis::kAcronym:
      return "acronym";
    case Basis::kJaroWinkler:
      return "jaro_winkler";
    case Basis::kEditDistance:
      return "edit_distance";
    case Basis::kPhonetic:
      return "phonetic";
    case Basis::kPhoneNational:
      return "phone_national";
    case Basis::kPhoneSections:
      return "phone_sections";
  }
  return "unknown";
}

FieldComparison Compare(ComparatorKind kind, std::string_view a, std::string_view b,
                        const Thresholds& thresholds) {
  if (a.empty() || b.empty()) return {};
  if (kind == ComparatorKind::kPhone) return ComparePhones(a, b, thresholds);
  if (a == b) return {Level::kExact, 1.0, Basis::kEqual};
  switch (kind) {
    case ComparatorKind::kExact:
    case ComparatorKind::kEmail:
    case ComparatorKind::kPhone:
      return {Level::kDifferent, 0.0, Basis::kNone};
    case ComparatorKind::kName:
      if (NicknameEquivalent(a, b)) return {Level::kStrong, 1.0, Basis::kNickname};
      if (InitialsCompatible(a, b)) return {Level::kStrong, 1.0, Basis::kInitials};
      return Scored(JaroWinkler(a, b), Basis::kJaroWinkler, thresholds);
    case ComparatorKind::kJaroWinkler:
      return Scored(JaroWinkler(a, b), Basis::kJaroWinkler, thresholds);
    case ComparatorKind::kLevenshtein:
      return Scored(DamerauLevenshteinSimilarity(a, b), Basis::kEditDistance, thresholds);
    case ComparatorKind::kMetaphone:
      return CompareMetaphone(a, b, thresholds);
    case ComparatorKind::kCompany:
      if (AcronymMatch(a, b)) return {Level::kStrong, 1.0, Basis::kAcronym};
      return Scored(JaroWinkler(a, b), Basis::kJaroWinkler, thresholds);
  }
  return {Level::kDifferent, 0.0, Basis::kNone};
}

}  // namespace pdc::dedupe
