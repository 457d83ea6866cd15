// name: person names as a careful data steward would fix them. "Smith, John" typed into one field
// is split; honorifics (Dr., Mrs.) and suffixes (Jr., PhD) move to fields of their own; values
// that name nobody ("test", "n/a", a lone letter) become null and are flagged; names typed all in
// capitals or all in lower case are proper-cased as name_case does. The affix, junk and nickname
// lists are data files.
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "rules/data_files.h"
#include "rules/match_key.h"
#include "rules/proper_case.h"
#include "rules/rule.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"first", OptionType::kField, "first_name", false, "the given-name field"},
    {"last", OptionType::kField, "last_name", false, "the family-name field"},
    {"honorific_to", OptionType::kField, "salutation", false,
     "where an honorific taken from the name goes (only when that field is empty)"},
    {"suffix_to", OptionType::kField, "", false,
     "where suffixes taken from the name go (none: they stay at the end of the family name, "
     "spelt as the affix list writes them)"},
    {"formal_to", OptionType::kField, "", false,
     "write the formal given name(s) for a short form here (Bob -> Robert; Alex -> Alexander; "
     "Alexandra)"},
    {"junk", OptionType::kStrings, "[]", false,
     "more values that name nobody, besides data/junk_names.txt (matched case-insensitively)"},
    {"case", OptionType::kBool, "true", false,
     "proper-case names typed all upper or all lower case, as name_case does"},
    {"particles", OptionType::kStrings,
     "[van, von, de, da, di, le, der, den, del, della, du, la, dos, das, ter, ten]", false,
     "words kept lower case unless they are the first word"},
    {"mac_prefix", OptionType::kBool, "true", false,
     "treat Mac as a prefix (macdonald -> MacDonald) outside the built-in exceptions"},
    {"exceptions", OptionType::kStrings, "[]", false,
     "words whose casing wins, matched case-insensitively (e.g. DeVito, LaToya)"},
};

// The shipped lists, read once per process.
struct NameData {
  std::unordered_map<std::string, std::string> honorifics;  // lower-case spelling -> written
  std::unordered_map<std::string, std::string> suffixes;
  std::unordered_set<std::string> junk;                         // lower case, spaces collapsed
  std::unordered_map<std::string, std::string> formal_names;  // folded short form -> "A; B"

  static const NameData& Get() {
    static const NameData data;
    return data;
  }

 private:
  NameData() {
    const auto affixes = DataFile::Load("name_affixes.tsv");
    for (const DataLine& line : affixes->lines()) {
      const auto columns = DataFile::Columns(line.text, '\t');
      if (columns.size() != 3 || (columns[0] != "honorific" && columns[0] != "suffix")) {
        throw DataError(affixes->Where(line.number) +
                        ": expected kind (honorific or suffix), spelling, variants");
      }
      auto& table = columns[0] == "honorific" ? honorifics : suffixes;
      for (const std::string& variant : DataFile::Columns(columns[2], ',')) {
        std::string lower;
        AppendLower(variant, lower);
        table.emplace(std::move(lower), columns[1]);
      }
    }
    for (const DataLine& line : DataFile::Load("junk_names.txt")->lines()) {
      junk.insert(Collapsed(line.text));
    }
    const auto nicknames = DataFile::Load("nicknames.tsv");
    for (const DataLine& line : nicknames->lines()) {
      const auto columns = DataFile::Columns(line.text, '\t');
      if (columns.size() != 2 || columns[0].empty()) {
        throw DataError(nicknames->Where(line.number) + ": expected formal name, short forms");
      }
      for (const std::string& nick : DataFile::Columns(columns[1], ',')) {
        std::string& formal = formal_names[Fold(nick)];
        if (!formal.empty()) formal += "; ";
        formal += columns[0];
      }
    }
  }

 public:
  // Lower case, spaced as TidySpaces leaves it: what the junk list is compared in.
  static std::string Collapsed(std::string_view s) {
    std::string lower;
    AppendLower(TidySpaces(s), lower);
    return lower;
  }
};

constexpr FieldId kNone = ~FieldId{0};  // an optional output field that is not set

// A word of a name as typed, with a trailing comma noted apart.
struct Word {
  std::string_view text;
  bool comma = false;
};

std::vector<Word> SplitWords(std::string_view s) {
  std::vector<Word> words;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i, end = i;
    while (end < s.size()) {
      std::size_t next = end;
      if (IsWhiteSpace(utf8::Next(s, next))) break;
      end = next;
    }
    if (end > start) {
      Word word{s.substr(start, end - start)};
      while (!word.text.empty() && word.text.back() == ',') {
        word.text.remove_suffix(1);
        word.comma = true;
      }
      if (!word.text.empty()) {
        words.push_back(word);
      } else if (!words.empty()) {
        words.back().comma = true;  // "Smith , John"
      }
    }
    i = end;
    while (i < s.size()) {
      std::size_t next = i;
      if (!IsWhiteSpace(utf8::Next(s, next))) break;
      i = next;
    }
  }
  return words;
}

std::string JoinWords(const std::vector<Word>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i].text;
    if (words[i].comma && i + 1 < to) out += ',';
  }
  return out;
}

// Scripts whose single characters are whole names (王, 李): the lone-letter rule skips them.
bool IsLogographicOrSyllabic(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         script == USCRIPT_HANGUL || script == USCRIPT_YI;
}

class NameRule final : public Rule {
 public:
  NameRule(const Options& o, const NameData& data)
      : data_(data),
        first_(o.Field("first")),
        last_(o.Field("last")),
        honorific_to_(o.Field("honorific_to")),
        suffix_to_(o.Has("suffix_to") ? o.Field("suffix_to") : kNone),
        formal_to_(o.Has("formal_to") ? o.Field("formal_to") : kNone),
        case_(o.Bool("case")),
        caser_(ProperCaserFrom(o)) {
    for (const std::string& value : o.Strings("junk")) junk_.insert(NameData::Collapsed(value));
  }

  void Apply(Record& record) const override {
    std::string first, last;
    const bool has_first = ReadText(record, first_, first);
    const bool has_last = ReadText(record, last_, last);
    if (!has_first && !has_last) return;
    std::vector<std::string> honorifics, suffixes;

    // "Smith, John" in one field while the other is empty.
    if (first.empty() != last.empty()) {
      std::string& one = first.empty() ? last : first;
      SplitLastFirst(one, first, last, suffixes);
    }
    TakeHonorifics(first.empty() ? last : first, honorifics);
    if (!first.empty()) TakeHonorifics(last, honorifics);  // "Dr. García, José"
    TakeSuffixes(last.empty() ? first : last, suffixes);

    std::string kept_suffixes;  // stay at the end of the family name, after casing
    if (suffix_to_ == kNone && !last.empty()) kept_suffixes = Join(suffixes, " ");
    Write(record, first_, has_first, first, {});
    Write(record, last_, has_last, last, kept_suffixes);
    if (!honorifics.empty()) FillEmpty(record, honorific_to_, Join(honorifics, " "));
    if (!suffixes.empty() && suffix_to_ != kNone) {
      FillEmpty(record, suffix_to_, Join(suffixes, ", "));
    }
    if (formal_to_ != kNone) WriteFormal(record);
  }

 private:
  // The text of a field, when it is well-formed text; false leaves the field alone.
  static bool ReadText(const Record& record, FieldId field, std::string& out) {
    const Value* value = record.Find(field);
    if (value == nullptr || value->kind() != Value::Kind::kText) return false;
    if (!utf8::IsValid(value->view())) return false;
    out.assign(TrimInvisible(value->view()));
    return true;
  }

  void SplitLastFirst(std::string& one, std::string& first, std::string& last,
                      std::vector<std::string>& suffixes) const {
    if (one.find(',') == std::string::npos) return;
    std::vector<Word> words = SplitWords(one);
    // Suffixes after a comma ("Smith, Jr.") are suffixes, not a given name.
    while (words.size() > 1 && words[words.size() - 2].comma &&
           Lookup(data_.suffixes, words.back().text) != nullptr) {
      suffixes.insert(suffixes.begin(), *Lookup(data_.suffixes, words.back().text));
      words.pop_back();
      words.back().comma = false;
    }
    std::size_t commas = 0, at = 0;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i].comma) {
        ++commas;
        at = i;
      }
    }
    if (commas == 1) {
      const std::string family = JoinWords(words, 0, at + 1);
      const std::string given = JoinWords(words, at + 1, words.size());
      last = family;
      first = given;
      return;
    }
    one = JoinWords(words, 0, words.size());
  }

  void TakeHonorifics(std::string& value, std::vector<std::string>& out) const {
    std::vector<Word> words = SplitWords(value);
    std::size_t n = 0;
    while (n + 1 < words.size()) {
      const std::string* written = Lookup(data_.honorifics, words[n].text);
      if (written == nullptr) break;
      out.push_back(*written);
      ++n;
    }
    if (n > 0) value = JoinWords(words, n, words.size());
  }

  void TakeSuffixes(std::string& value, std::vector<std::string>& out) const {
    std::vector<Word> words = SplitWords(value);
    std::size_t end = words.size();
    std::vector<std::string> found;
    while (end > 1) {
      const std::string* written = Lookup(data_.suffixes, words[end - 1].text);
      if (written == nullptr) break;
      found.insert(found.begin(), *written);
      --end;
    }
    if (end == words.size()) return;
    value = JoinWords(words, 0, end);
    out.insert(out.begin(), found.begin(), found.end());
  }

  static const std::string* Lookup(const std::unordered_map<std::string, std::string>& table,
                                   std::string_view word) {
    std::string lower;
    AppendLower(word, lower);
    const auto it = table.find(lower);
    return it == table.end() ? nullptr : &it->second;
  }

  // Why `value` names nobody, or "".
  std::string Junk(std::string_view value) const {
    const std::string collapsed = NameData::Collapsed(value);
    if (data_.junk.count(collapsed) || junk_.count(collapsed)) return "a placeholder, not a name";
    std::size_t letters = 0;
    char32_t only = 0;
    bool repeated = true;
    for (std::size_t i = 0; i < collapsed.size();) {
      const char32_t c = utf8::Next(collapsed, i);
      if (!IsLetter(c)) continue;
      if (IsLogographicOrSyllabic(c)) return {};
      if (letters++ == 0) only = c;
      repeated = repeated && c == only;
    }
    if (letters == 0) return "no letters";
    if (letters == 1) return "a lone letter";
    if (repeated && letters >= 3) return "one letter repeated";
    return {};
  }

  // Writes `value` (then `suffixes`, when any) to `field` unless that changes nothing.
  void Write(Record& record, FieldId field, bool present, const std::string& value,
             std::string_view suffixes) const {
    if (!present && value.empty()) return;
    if (const std::string why = Junk(value); !why.empty() && !value.empty()) {
      record.AddFlag(field, index(), "name.junk", why + ": \"" + value + "\"");
      record.Set(field, Value::Null(), index());
      return;
    }
    std::string out;
    if (!case_ || !caser_.Case(value, out)) out = value;
    if (!suffixes.empty()) {
      out += ' ';
      out += suffixes;
    }
    const Value* current = record.Find(field);
    if (current != nullptr && current->kind() == Value::Kind::kText && current->view() == out) {
      return;
    }
    record.Set(field, Value::Text(out), index());
  }

  void FillEmpty(Record& record, FieldId field, std::string value) const {
    const Value& current = record.Get(field);
    if (current.kind() == Value::Kind::kText && !TrimInvisible(current.view()).empty()) return;
    if (current.kind() == Value::Kind::kList || current.kind() == Value::Kind::kJson) return;
    record.Set(field, Value::Text(std::move(value)), index());
  }

  void WriteFormal(Record& record) const {
    const Value& given = record.Get(first_);
    if (given.kind() != Value::Kind::kText || !utf8::IsValid(given.view())) return;
    const std::vector<Word> words = SplitWords(given.view());
    if (words.empty()) return;
    const auto it = data_.formal_names.find(Fold(words.front().text));
    if (it == data_.formal_names.end()) return;
    const Value& current = record.Get(formal_to_);
    if (current.kind() == Value::Kind::kText && current.view() == it->second) return;
    record.Set(formal_to_, Value::Text(it->second), index());
  }

  static std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
      if (!out.empty()) out += separator;
      out += part;
    }
    return out;
  }

  const NameData& data_;
  FieldId first_, last_, honorific_to_, suffix_to_, formal_to_;
  bool case_;
  ProperCaser caser_;
  std::unordered_set<std::string> junk_;
};

std::unique_ptr<Rule> MakeNameRule(const Options& options) {
  return std::make_unique<NameRule>(options, NameData::Get());
}

}  // namespace

const RuleSpec& NameRuleSpec() {
  static const RuleSpec spec{
      "name",
      1,
      "person names: Last, First split, honorifics and suffixes moved out, junk cleared, cased",
      "Works on the `first` and `last` fields together (text values; others are left alone), "
      "each trimmed of white space and invisible characters. (1) When one of them is empty "
      "and the other holds exactly one comma between words, it is read as \"Last, First\" "
      "(\"Smith, John\" -> last Smith, first John); a suffix after a comma (\"Smith, Jr.\") is "
      "a suffix, not a given name. (2) Honorifics at the start of the given name and of the "
      "family name are removed and written, in the affix list's spelling, "
      "to `honorific_to` when that field is empty: Mr., Mrs., Ms., Miss, Mx., Dr., Prof., Sir, "
      "Dame, Rev., Herr, Frau, Mme, Mlle, Sr. (Señor), Sra., Dott., Dhr., Mevr., Ing. and "
      "others. (3) Suffixes at the end of the family name (or of the given name when there is "
      "none) are removed: Jr., Sr., II, III, IV, V, PhD, MD, MBA, CPA, Esq. and other degrees; "
      "they go to `suffix_to` when it is set and empty, else they stay at the end of the family "
      "name in the list's spelling (SMITH JR -> Smith Jr.). A name is never reduced to nothing "
      "by (2) or (3). (4) A value that names nobody becomes null and is flagged name.junk: one "
      "of data/junk_names.txt or `junk` (test, unknown, n/a, none, asdf, xxx, nolastname, ... "
      "compared in lower case), no letters at all (-, ., 123), a lone letter, or one letter "
      "repeated (aaa); a single Han, kana or Hangul character is a name. (5) With `case`, a "
      "value typed all upper or all lower case is proper-cased exactly as name_case does "
      "(particles, Mc/Mac/O', hyphens, `exceptions` win); mixed case stays as typed. With "
      "`formal_to`, a given name that is a short form in data/nicknames.tsv gets its formal "
      "name(s) there, separated by \"; \" (Bob -> Robert); the given name itself is never "
      "rewritten. Data: data/name_affixes.tsv, data/junk_names.txt, data/nicknames.tsv.",
      kOptions,
      MakeNameRule};
  return spec;
}

}  // namespace pdc
