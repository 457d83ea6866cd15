// company: tidies a company name for display (spaces, casing of names typed all in capitals or
// all in lower case) and moves its legal form (Inc, GmbH, S.A. de C.V., 株式会社 ...) into a
// field of its own, keeping the canonical spelling; optionally writes a match key on which
// "The ACME Company, Inc." and "acme company" meet. Legal forms come from data/legal_forms.tsv,
// the casing of known words from data/company_words.txt.
#include <tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rules/data_files.h"
#include "rules/match_key.h"
#include "rules/proper_case.h"
#include "rules/rule.h"
#include "rules/text_hash.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"field", OptionType::kField, "company", false, "the field holding the company name"},
    {"to", OptionType::kField, "", false, "write the display name here (default: `field`)"},
    {"legal_form_to", OptionType::kField, "legal_form", false,
     "the field that receives the legal form, in its canonical spelling"},
    {"keep_legal_form", OptionType::kBool, "false", false,
     "keep the legal form (in its canonical spelling) in the display name"},
    {"proper_case", OptionType::kBool, "true", false,
     "proper-case names typed all in capitals or all in lower case"},
    {"particles", OptionType::kStrings,
     "[of, and, the, for, in, on, at, by, to, de, del, della, der, des, di, du, la, le, les, und, "
     "van, von, y, e, et, da, do, dos, das, en, für, zu, zum, zur]",
     false, "words kept lower case unless they are the first word"},
    {"key_to", OptionType::kField, "", false,
     "write the match key here (the name without legal form, folded)"},
    {"acronym_to", OptionType::kField, "", false,
     "write the acronym key here (the first letter of each word of the match key)"},
};

enum class Position { kEnd, kEither, kPrefix, kAttached };

struct LegalForm {
  std::string canonical;
  Position position;
};

// The legal-form table, keyed two ways: the spelling lower-cased with its words joined by one
// space ("s.a. de c.v."), and the same without full stops and spaces ("sadecv"); an exact
// spelling is tried before the loose one.
struct FormTable {
  std::vector<LegalForm> forms;
  std::unordered_map<std::string, std::size_t> exact;
  std::unordered_map<std::string, std::size_t> loose;
  std::vector<std::pair<std::string, std::size_t>> attached;  // longest first
  std::size_t max_words = 1;
};

bool IsSeparator(char32_t c) { return c == U',' || IsWhiteSpace(c); }

struct Span {
  std::size_t begin, end;
};

// Words of well-formed `s` split on white space and commas.
std::vector<Span> SplitWords(std::string_view s) {
  std::vector<Span> words;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t at = i;
    const char32_t c = utf8::Next(s, i);
    if (IsSeparator(c)) continue;
    if (words.empty() || words.back().end != at) {
      words.push_back({at, i});
    } else {
      words.back().end = i;
    }
  }
  return words;
}

void AppendExactKey(std::string_view word, std::string& key) {
  if (!key.empty()) key += ' ';
  AppendLower(word, key);
}

void AppendLooseKey(std::string_view word, std::string& key) {
  std::string lower;
  AppendLower(word, lower);
  for (const char c : lower) {
    if (c != '.') key += c;
  }
}

Position ParsePosition(const std::string& text, const DataFile& file, int line) {
  if (text.empty() || text == "end") return Position::kEnd;
  if (text == "either") return Position::kEither;
  if (text == "prefix") return Position::kPrefix;
  if (text == "attached") return Position::kAttached;
  throw DataError(file.Where(line) + ": position \"" + text +
                  "\" is not one of end, either, prefix, attached");
}

std::shared_ptr<const FormTable> LoadForms() {
  static const std::shared_ptr<const FormTable> table = [] {
    auto file = DataFile::Load("legal_forms.tsv");
    auto t = std::make_shared<FormTable>();
    for (const DataLine& line : file->lines()) {
      const std::vector<std::string> columns = DataFile::Columns(line.text, '\t');
      if (columns.size() < 3 || columns[0].empty() || !utf8::IsValid(line.text)) {
        throw DataError(file->Where(line.number) +
                        ": expected canonical, variants, country and an optional position");
      }
      const Position position =
          ParsePosition(columns.size() > 3 ? columns[3] : std::string(), *file, line.number);
      const std::size_t index = t->forms.size();
      t->forms.push_back({columns[0], position});
      std::vector<std::string> spellings = {columns[0]};
      for (const std::string& variant : DataFile::Columns(columns[1], '|')) {
        if (!variant.empty()) spellings.push_back(variant);
      }
      for (const std::string& spelling : spellings) {
        if (position == Position::kAttached) {
          t->attached.emplace_back(spelling, index);
          continue;
        }
        std::string exact, loose;
        const std::vector<Span> words = SplitWords(spelling);
        for (const Span& w : words) {
          const std::string_view word = std::string_view(spelling).substr(w.begin, w.end - w.begin);
          AppendExactKey(word, exact);
          AppendLooseKey(word, loose);
        }
        t->max_words = std::max(t->max_words, words.size());
        t->exact.emplace(std::move(exact), index);  // an earlier row keeps its spelling
        t->loose.emplace(std::move(loose), index);
      }
    }
    std::stable_sort(t->attached.begin(), t->attached.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    // Loose spellings written with spaces between letters ("S. A. de C. V.") have more words.
    t->max_words += 2;
    return std::shared_ptr<const FormTable>(std::move(t));
  }();
  return table;
}

// Known words, lower case -> as written.
std::vector<std::pair<std::string, std::string>> LoadWords() {
  auto file = DataFile::Load("company_words.txt");
  std::vector<std::pair<std::string, std::string>> words;
  for (const DataLine& line : file->lines()) {
    if (!utf8::IsValid(line.text)) throw DataError(file->Where(line.number) + ": not UTF-8");
    std::string lower;
    AppendLower(line.text, lower);
    words.emplace_back(std::move(lower), line.text);
  }
  return words;
}

// What one raw name comes to; cached per thread.
struct Cleaned {
  std::string display;
  std::string legal_form;  // canonical, or "" when none was found
  std::string key;
  std::string acronym;
};

std::string_view TrimSeparators(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',' || s.front() == '-')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '-')) s.remove_suffix(1);
  return s;
}

bool HasLetterOrDigit(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = utf8::Next(s, i);
    if (IsLetter(c) || (c >= U'0' && c <= U'9')) return true;
  }
  return false;
}

// A name in quotes after its legal form (ООО «Ромашка», "Acme" GmbH) loses the quotes.
std::string_view Unquote(std::string_view s) {
  static constexpr std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"\"", "\""},         {"\u00AB", "\u00BB"}, {"\u201E", "\u201C"},
      {"\u201C", "\u201D"}, {"'", "'"},           {"\u300C", "\u300D"}};
  for (const auto& [open, close] : kQuotes) {
    if (s.size() > open.size() + close.size() && s.starts_with(open) && s.ends_with(close)) {
      const std::string_view inner = s.substr(open.size(), s.size() - open.size() - close.size());
      if (inner.find(open) == std::string_view::npos &&
          inner.find(close) == std::string_view::npos) {
        return inner;
      }
    }
  }
  return s;
}

bool IsAsciiConsonant(char c) {
  c = static_cast<char>(c | 0x20);
  return c >= 'a' && c <= 'z' && c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u' &&
         c != 'y';
}

// Ordinal endings after digits, kept in lower case (21st, 3rd, 2e, 1er, 2ème).
bool IsOrdinalEnding(std::string_view lower) {
  for (const std::string_view end : {"st", "nd", "rd", "th", "e", "er", "re", "ème", "eme"}) {
    if (lower == end) return true;
  }
  return false;
}

class CompanyRule final : public Rule {
 public:
  CompanyRule(const Options& o, std::vector<std::string> particles)
      : field_(o.Field("field")),
        to_(o.Has("to") ? o.Field("to") : o.Field("field")),
        legal_form_to_(o.Field("legal_form_to")),
        keep_legal_form_(o.Bool("keep_legal_form")),
        proper_case_(o.Bool("proper_case")),
        has_key_(o.Has("key_to")),
        has_acronym_(o.Has("acronym_to")),
        key_to_(has_key_ ? o.Field("key_to") : o.Field("field")),
        acronym_to_(has_acronym_ ? o.Field("acronym_to") : o.Field("field")),
        forms_(LoadForms()),
        caser_(std::move(particles), LoadWords(), /*mac_prefix=*/false) {
    for (const auto& [key, field] :
         {std::pair<const char*, bool>{"legal_form_to", legal_form_to_ == to_},
          {"key_to", has_key_ && (key_to_ == to_ || key_to_ == legal_form_to_)},
          {"acronym_to", has_acronym_ && (acronym_to_ == to_ || acronym_to_ == legal_form_to_ ||
                                          (has_key_ && acronym_to_ == key_to_))}}) {
      if (field) o.Fail(key, "must name a field of its own, not one another output goes to");
    }
  }

  void Apply(Record& record) const override {
    const Value* value = record.Find(field_);
    if (value == nullptr || value->kind() == Value::Kind::kNull) {
      ClearKeys(record);
      return;
    }
    if (value->kind() != Value::Kind::kText) return;
    const std::string_view raw = value->view();
    if (!utf8::IsValid(raw)) {
      record.AddFlag(field_, index(), "company.invalid", "not well-formed UTF-8");
      return;
    }
    const Cleaned& c = Lookup(raw);
    if (c.display != raw || to_ != field_) record.Set(to_, Value::Text(c.display), index());
    if (!c.legal_form.empty()) record.Set(legal_form_to_, Value::Text(c.legal_form), index());
    if (has_key_) SetKey(record, key_to_, c.key);
    if (has_acronym_) SetKey(record, acronym_to_, c.acronym);
  }

 private:
  void ClearKeys(Record& record) const {
    if (has_key_ && record.Find(key_to_) != nullptr) record.Set(key_to_, Value::Null(), index());
    if (has_acronym_ && record.Find(acronym_to_) != nullptr) {
      record.Set(acronym_to_, Value::Null(), index());
    }
  }

  void SetKey(Record& record, FieldId field, const std::string& key) const {
    if (key.empty()) {
      if (record.Find(field) != nullptr) record.Set(field, Value::Null(), index());
      return;
    }
    record.Set(field, Value::Text(key), index());
  }

  const Cleaned& Lookup(std::string_view raw) const {
    auto& cache = cache_.local();
    // Long values are rare and would bloat the cache: those are cleaned each time.
    if (raw.size() > 256) {
      cache.scratch = Clean(raw);
      return cache.scratch;
    }
    if (cache.map.size() > 100000) cache.map.clear();
    if (auto it = cache.map.find(raw); it != cache.map.end()) return it->second;
    Cleaned c = Clean(raw);
    return cache.map.emplace(std::string(raw), std::move(c)).first->second;
  }

  Cleaned Clean(std::string_view raw) const {
    Cleaned c;
    const std::string tidy = TidySpaces(raw);
    const Found found = FindForm(tidy);
    const LegalForm* form = found.form;
    std::string_view name = tidy;
    if (form != nullptr) {
      c.legal_form = form->canonical;
      // Quotes set the name off from a leading form; without the form they have no use.
      name = keep_legal_form_ ? found.name : Unquote(found.name);
    }
    std::string display;
    const Casing casing = ClassifyCasing(name);
    if (proper_case_ && (casing == Casing::kAllUpper || casing == Casing::kAllLower)) {
      CaseName(name, display);
    } else {
      display.assign(name);
    }
    if (form != nullptr && keep_legal_form_) {
      std::string whole;
      if (found.leading) {
        whole = form->canonical;
        whole += found.separator;
        whole += display;
      } else {
        whole = std::move(display);
        whole += found.separator;
        whole += form->canonical;
      }
      display = std::move(whole);
    }
    c.display = std::move(display);
    MakeKeys(name, c);
    return c;
  }

  // A legal form found in a tidy name: the form, the rest of the name, whether the form led,
  // and the separator that stood between them (", ", " " or "").
  struct Found {
    const LegalForm* form = nullptr;
    std::string_view name;
    bool leading = false;
    std::string_view separator;
  };

  Found FindForm(std::string_view tidy) const {
    const FormTable& t = *forms_;
    const std::vector<Span> words = SplitWords(tidy);
    const std::size_t n = words.size();
    const std::size_t most = std::min(t.max_words, n > 0 ? n - 1 : 0);
    // Trailing words, longest first; the name keeps at least one word.
    for (std::size_t k = most; k >= 1; --k) {
      const std::size_t first = n - k;
      const std::size_t index = Match(tidy, words, first, n, Position::kEnd);
      if (index == kNone) continue;
      const std::string_view prev =
          tidy.substr(words[first - 1].begin, words[first - 1].end - words[first - 1].begin);
      std::string prev_lower;
      AppendLower(prev, prev_lower);
      // "Smith & Co." and "Smith and Co": the partners' company is part of the name.
      if (t.forms[index].canonical == "Co" &&
          (prev.ends_with('&') || prev.ends_with('+') || prev_lower == "and" ||
           prev_lower == "und" || prev_lower == "et" || prev_lower == "y")) {
        break;
      }
      const std::string_view head = tidy.substr(0, words[first].begin);
      const std::string_view rest = TrimSeparators(head);
      if (!HasLetterOrDigit(rest)) break;
      const bool comma = head.substr(rest.size()).find(',') != std::string_view::npos;
      return {&t.forms[index], rest, false, comma ? ", " : " "};
    }
    for (std::size_t k = most; k >= 1; --k) {
      const std::size_t index = Match(tidy, words, 0, k, Position::kPrefix);
      if (index == kNone) continue;
      const std::string_view rest = TrimSeparators(tidy.substr(words[k - 1].end));
      if (!HasLetterOrDigit(rest)) break;
      return {&t.forms[index], rest, true, " "};
    }
    for (const auto& [spelling, index] : t.attached) {
      if (tidy.size() <= spelling.size()) continue;
      if (tidy.ends_with(spelling)) {
        const std::string_view head = tidy.substr(0, tidy.size() - spelling.size());
        const std::string_view rest = TrimSeparators(head);
        if (!HasLetterOrDigit(rest)) continue;
        return {&t.forms[index], rest, false, head.size() > rest.size() ? " " : ""};
      }
      if (tidy.starts_with(spelling)) {
        const std::string_view tail = tidy.substr(spelling.size());
        const std::string_view rest = TrimSeparators(tail);
        if (!HasLetterOrDigit(rest)) continue;
        return {&t.forms[index], rest, true, tail.size() > rest.size() ? " " : ""};
      }
    }
    return {};
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // The form spelled by words [first, last) that may stand at `where`, or kNone.
  std::size_t Match(std::string_view tidy, const std::vector<Span>& words, std::size_t first,
                    std::size_t last, Position where) const {
    const FormTable& t = *forms_;
    std::string exact, loose;
    for (std::size_t i = first; i < last; ++i) {
      const std::string_view w = tidy.substr(words[i].begin, words[i].end - words[i].begin);
      AppendExactKey(w, exact);
      AppendLooseKey(w, loose);
    }
    for (const auto* map : {&t.exact, &t.loose}) {
      const auto it = map->find(map == &t.exact ? exact : loose);
      if (it == map->end()) continue;
      const Position p = t.forms[it->second].position;
      const bool fits = p == Position::kEither || p == where;
      if (fits) return it->second;
    }
    return kNone;
  }

  // Proper-cases a name typed all upper or all lower case, word by word.
  void CaseName(std::string_view name, std::string& out) const {
    bool first_word = true;
    for (std::size_t i = 0; i < name.size();) {
      if (name[i] == ' ') {
        out += ' ';
        ++i;
        continue;
      }
      const std::size_t end = std::min(name.find(' ', i), name.size());
      CaseCompanyWord(name.substr(i, end - i), first_word, out);
      first_word = false;
      i = end;
    }
  }

  void CaseCompanyWord(std::string_view word, bool first_word, std::string& out) const {
    // Brackets, quotes and a trailing comma do not hide a known word ("AT&T," "(IBM)").
    std::size_t lead = 0, trail = 0;
    while (lead < word.size() &&
           std::string_view("(\"'").find(word[lead]) != std::string_view::npos) {
      ++lead;
    }
    while (trail < word.size() - lead &&
           std::string_view(",;:)\"'").find(word[word.size() - 1 - trail]) !=
               std::string_view::npos) {
      ++trail;
    }
    out.append(word.substr(0, lead));
    CaseBareWord(word.substr(lead, word.size() - lead - trail), first_word, out);
    out.append(word.substr(word.size() - trail));
  }

  void CaseBareWord(std::string_view word, bool first_word, std::string& out) const {
    std::string lower;
    AppendLower(word, lower);
    if (const std::string* exact = caser_.FindException(lower)) {
      out += *exact;
      return;
    }
    if (!first_word && caser_.IsParticle(lower)) {
      out += lower;
      return;
    }
    // Parts between & + / - . ( ) are cased on their own (A&B, Hewlett-Packard, J.P.).
    std::size_t start = 0;
    bool first_part = true;
    for (std::size_t i = 0; i <= word.size(); ++i) {
      if (i < word.size() && std::string_view("&+/-.()").find(word[i]) == std::string_view::npos) {
        continue;
      }
      if (i > start) {
        CasePart(word.substr(start, i - start), first_word && first_part, out);
        first_part = false;
      }
      if (i < word.size()) out += word[i];
      start = i + 1;
    }
  }

  void CasePart(std::string_view part, bool first, std::string& out) const {
    std::string lower;
    AppendLower(part, lower);
    if (const std::string* exact = caser_.FindException(lower)) {
      out += *exact;
      return;
    }
    // Digits then letters: an ordinal ending stays small (21st), other letters are a code (3M).
    std::size_t digits = 0;
    while (digits < lower.size() && lower[digits] >= '0' && lower[digits] <= '9') ++digits;
    if (digits > 0) {
      const std::string_view tail = std::string_view(lower).substr(digits);
      if (IsOrdinalEnding(tail) || !utf8::IsAscii(tail)) {
        out += lower;
      } else {
        for (const char ch : lower) out += static_cast<char>(ToUpper(static_cast<char32_t>(ch)));
      }
      return;
    }
    // A word of two or more Latin letters without a vowel is an abbreviation: KPMG, HSBC, BCBS.
    // Non-ASCII letters may be vowels (é, ö), so only all-ASCII words qualify.
    std::size_t letters = 0;
    bool consonants_only = utf8::IsAscii(lower);
    for (std::size_t i = 0; consonants_only && i < lower.size(); ++i) {
      const char ch = lower[i];
      if (ch >= 'a' && ch <= 'z') {
        consonants_only = IsAsciiConsonant(ch);
        ++letters;
      }
    }
    if (consonants_only && letters >= 2) {
      for (const char ch : lower) out += static_cast<char>(ToUpper(static_cast<char32_t>(ch)));
      return;
    }
    caser_.CaseWord(part, first, out);
  }

  void MakeKeys(std::string_view name, Cleaned& c) const {
    if (!has_key_ && !has_acronym_) return;
    std::string text;
    text.reserve(name.size() + 8);
    for (const char ch : name) {
      if (ch == '&' || ch == '+') {
        text += " and ";
      } else {
        text += ch;
      }
    }
    std::string key = Fold(text);
    if (key.starts_with("the ")) key.erase(0, 4);
    if (has_acronym_) {
      for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] != ' ' && (i == 0 || key[i - 1] == ' ')) c.acronym += key[i];
      }
    }
    c.key = std::move(key);
  }

  struct Cache {
    // Looked up by string_view: a hit allocates nothing.
    std::unordered_map<std::string, Cleaned, TextHash, std::equal_to<>> map;
    Cleaned scratch;
  };

  FieldId field_;
  FieldId to_;
  FieldId legal_form_to_;
  bool keep_legal_form_;
  bool proper_case_;
  bool has_key_;
  bool has_acronym_;
  FieldId key_to_;
  FieldId acronym_to_;
  std::shared_ptr<const FormTable> forms_;
  ProperCaser caser_;
  mutable tbb::enumerable_thread_specific<Cache> cache_;
};

std::unique_ptr<Rule> MakeCompanyRule(const Options& o) {
  std::vector<std::string> particles;
  for (const std::string& particle : o.Strings("particles")) {
    if (particle.empty() || !utf8::IsValid(particle) || particle.find(' ') != std::string::npos) {
      o.Fail("particles", "a particle must be one word without spaces, got \"" + particle + "\"");
    }
    particles.emplace_back();
    AppendLower(particle, particles.back());
  }
  return std::make_unique<CompanyRule>(o, std::move(particles));
}

}  // namespace

const RuleSpec& CompanyRuleSpec() {
  static const RuleSpec spec{
      "company",
      1,
      "tidy a company name and move its legal form (Inc, GmbH, S.A. ...) to a field of its own",
      "For a text in `field`: white space runs become one space, the ends are trimmed and "
      "invisible characters (zero-width space, bidi marks; joiners U+200C/U+200D only where they "
      "join nothing) are "
      "dropped. The legal form is looked up in data/legal_forms.tsv: as the trailing word(s) of "
      "the name, after an optional comma (ACME, INC. -> ACME + Inc; Müller GmbH & Co. KG -> "
      "Müller + GmbH & Co. KG), the longest spelling first; forms marked `either` or `prefix` "
      "also as the leading word(s) (ООО «Ромашка» -> Ромашка + ООО); forms marked `attached` "
      "also glued to the name (ソニー株式会社, 株式会社ソニー). Matching is on whole words, "
      "case-insensitive, and full stops do not count (S.A. = SA), but a spelling with full "
      "stops as typed wins (a.s. is Czech, AS Norwegian). \"Company\" is never a legal form, "
      "and Co after &, +, and, und, et or y stays in the name (Smith & Co.). A form is only "
      "taken when some letter or digit of the name remains; the table's country column "
      "documents where a form comes from, and matching does not depend on the record's country. "
      "The canonical spelling goes to "
      "`legal_form_to` (default legal_form; a name without a form leaves that field as it "
      "is); the name keeps it, canonical and after a space or comma as typed, only with "
      "`keep_legal_form`; otherwise quotes around what remains (\"...\", «...», „...“) go. With "
      "`proper_case`, a name whose letters are all upper or all lower case is proper-cased "
      "(mixed case such as eBay or McKinsey & Company stays as typed): a word listed in "
      "data/company_words.txt takes that casing (IBM, SAP, AT&T, PwC, St); `particles` after "
      "the first word stay lower case (Bank of America); other words are cased in parts "
      "between & + / - . ( ) : a part of two or more ASCII letters with no vowel (a e i o u "
      "y) is an abbreviation in capitals (KPMG, HSBC, BCBS), digits followed by an ordinal "
      "ending stay small (21st) and by other letters go to capitals (3M), the rest are cased "
      "as name_case does (O'Reilly, McDonald's, no Mac prefix). `to` receives the display "
      "name (default: `field`). `key_to` receives the match key: the name without its legal "
      "form, & and + read as \"and\", folded as the fold rule does (case, accents, script and "
      "punctuation), a leading \"the\" dropped: \"The ACME Company, Inc.\" and \"acme company\" "
      "both give \"acme company\". `acronym_to` receives the first letter of each word of the "
      "key (international business machines -> ibm). A null name clears the keys. Text that "
      "is not well-formed UTF-8 is left alone and flagged company.invalid. Results are cached "
      "per thread by raw value.",
      kOptions,
      MakeCompanyRule};
  return spec;
}

}  // namespace pdc
