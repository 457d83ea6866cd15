// job_title: expands the abbreviations of a job title (Sr. Mktg Mgr -> Senior Marketing
// Manager), proper-cases a title typed all in capitals or all in lower case, and derives its
// seniority and function by ordered keyword rules. The taxonomy is data/job_titles.yaml, which
// a config may extend or replace with its own YAML file.
#include <tbb/enumerable_thread_specific.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rules/data_files.h"
#include "rules/proper_case.h"
#include "rules/rule.h"
#include "rules/text_hash.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"field", OptionType::kField, "job_title", false, "the field holding the job title"},
    {"to", OptionType::kField, "", false,
     "write the normalised title here (default: `field`); only with `expand`"},
    {"expand", OptionType::kBool, "true", false,
     "write the normalised title (abbreviations expanded, casing fixed); false keeps it as typed"},
    {"seniority_to", OptionType::kField, "seniority", false,
     "the field that receives the seniority level"},
    {"function_to", OptionType::kField, "function", false, "the field that receives the function"},
    {"taxonomy", OptionType::kString, "", false,
     "a YAML taxonomy file (relative to the config file) that extends or replaces the shipped "
     "data/job_titles.yaml"},
    {"taxonomy_mode", OptionType::kChoice, "extend", false,
     "extend: the file's entries are added to the shipped taxonomy; replace: only the file counts",
     "extend|replace"},
};

// A keyword or phrase as lower-case words; a word may start or end with `*`.
using Pattern = std::vector<std::string>;

struct Category {
  std::string name;
  std::vector<Pattern> keywords;
  std::vector<Pattern> unless;
};

// The taxonomy as read from YAML, before it is compiled.
struct Taxonomy {
  std::map<std::string, std::string> abbreviations;  // phrase as written -> expansion
  std::map<std::string, std::string> acronyms;       // lower case -> as written
  std::vector<std::string> particles;                // lower case
  std::vector<std::string> placeholders;             // lower case
  std::vector<Category> seniority;
  std::string default_seniority;
  std::vector<Category> functions;
};

class TaxonomyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Letters, digits and the marks that belong to letters (Devanagari vowel signs, a combining
// acute accent).
bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  const auto u = static_cast<UChar32>(c);
  return u_hasBinaryProperty(u, UCHAR_ALPHABETIC) || u_isdigit(u) ||
         (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0;
}

// Lower-case words of well-formed `s`: runs of letters and digits (and `*` when `stars`).
std::vector<std::string> LowerWords(std::string_view s, bool stars) {
  std::vector<std::string> words;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = utf8::Next(s, i);
    if (IsWordChar(c) || (stars && c == U'*')) {
      if (!in_word) words.emplace_back();
      AppendLower(s.substr(at, i - at), words.back());
      in_word = true;
    } else {
      in_word = false;
    }
  }
  return words;
}

// `s` in Unicode normalisation form C (é rather than e + U+0301); ASCII needs no ICU.
std::string Composed(const std::string& s) {
  if (utf8::IsAscii(s)) return s;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return s;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(s);
  if (nfc->isNormalized(text, status) && U_SUCCESS(status)) return s;
  status = U_ZERO_ERROR;
  const icu::UnicodeString composed = nfc->normalize(text, status);
  if (U_FAILURE(status)) return s;
  std::string out;
  composed.toUTF8String(out);
  return out;
}

bool WordMatches(const std::string& pattern, std::string_view word) {
  const bool lead = pattern.size() > 1 && pattern.front() == '*';
  const bool trail = pattern.size() > 1 && pattern.back() == '*';
  if (pattern == "*") return true;
  std::string_view core(pattern);
  if (lead) core.remove_prefix(1);
  if (trail) core.remove_suffix(1);
  if (lead && trail) return word.find(core) != std::string_view::npos;
  if (lead) return word.ends_with(core);
  if (trail) return word.starts_with(core);
  return word == core;
}

bool MatchesAt(const Pattern& pattern, const std::vector<std::string>& words, std::size_t at) {
  if (at + pattern.size() > words.size()) return false;
  for (std::size_t k = 0; k < pattern.size(); ++k) {
    if (!WordMatches(pattern[k], words[at + k])) return false;
  }
  return true;
}

// True when a keyword of `category` occurs in `words` outside its `unless` phrases.
bool CategoryMatches(const Category& category, const std::vector<std::string>& words) {
  std::vector<bool> hidden(words.size(), false);
  for (const Pattern& phrase : category.unless) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (MatchesAt(phrase, words, i)) {
        for (std::size_t k = 0; k < phrase.size(); ++k) hidden[i + k] = true;
      }
    }
  }
  for (const Pattern& keyword : category.keywords) {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!MatchesAt(keyword, words, i)) continue;
      bool visible = true;
      for (std::size_t k = 0; k < keyword.size(); ++k) visible = visible && !hidden[i + k];
      if (visible) return true;
    }
  }
  return false;
}

// Reads one taxonomy file into `t` (extending what is there); throws TaxonomyError naming
// file:line:column.
class TaxonomyReader {
 public:
  explicit TaxonomyReader(std::string path) : path_(std::move(path)) {}

  void Read(Taxonomy& t) {
    YAML::Node root;
    try {
      root = YAML::LoadFile(path_);
    } catch (const YAML::BadFile&) {
      throw TaxonomyError(path_ + ": cannot open the taxonomy file");
    } catch (const YAML::Exception& e) {
      Fail(e.mark, e.msg);
    }
    if (!root.IsMap())
      Fail(root.Mark(), "a taxonomy is a mapping (abbreviations:, seniority: ...)");
    for (const auto& entry : root) {
      const std::string key = entry.first.Scalar();
      const YAML::Node& value = entry.second;
      if (key == "abbreviations") {
        if (!value.IsMap()) Fail(value.Mark(), "abbreviations: expected a mapping");
        for (const auto& item : value) {
          const std::string from = Text(item.first, "an abbreviation");
          if (LowerWords(from, false).empty()) Fail(item.first.Mark(), "no word to expand");
          t.abbreviations[from] = Text(item.second, "an expansion");
        }
      } else if (key == "acronyms") {
        for (const std::string& word : List(value, "acronyms")) {
          std::string lower;
          AppendLower(word, lower);
          t.acronyms[lower] = word;
        }
      } else if (key == "particles" || key == "placeholders") {
        auto& into = key == "particles" ? t.particles : t.placeholders;
        for (const std::string& word : List(value, key)) {
          into.emplace_back();
          AppendLower(word, into.back());
        }
      } else if (key == "default_seniority") {
        t.default_seniority = Text(value, "default_seniority");
      } else if (key == "seniority" || key == "functions") {
        ReadCategories(value, key, key == "seniority" ? t.seniority : t.functions);
      } else {
        Fail(entry.first.Mark(), "unknown key \"" + key +
                                     "\" (expected abbreviations, acronyms, particles, "
                                     "placeholders, seniority, default_seniority, functions)");
      }
    }
  }

 private:
  [[noreturn]] void Fail(const YAML::Mark& mark, const std::string& message) const {
    std::string where = path_;
    if (!mark.is_null()) {
      where += ':' + std::to_string(mark.line + 1) + ':' + std::to_string(mark.column + 1);
    }
    throw TaxonomyError(where + ": " + message);
  }

  std::string Text(const YAML::Node& node, std::string_view what) const {
    if (!node.IsScalar() || node.Scalar().empty()) {
      Fail(node.Mark(), std::string(what) + ": expected a non-empty text");
    }
    if (!utf8::IsValid(node.Scalar())) Fail(node.Mark(), std::string(what) + ": not UTF-8");
    return node.Scalar();
  }

  std::vector<std::string> List(const YAML::Node& node, std::string_view what) const {
    if (!node.IsSequence()) Fail(node.Mark(), std::string(what) + ": expected a list");
    std::vector<std::string> items;
    for (const auto& item : node) items.push_back(Text(item, what));
    return items;
  }

  std::vector<Pattern> Patterns(const YAML::Node& node, std::string_view what) const {
    if (!node.IsSequence()) Fail(node.Mark(), std::string(what) + ": expected a list");
    std::vector<Pattern> patterns;
    for (const auto& item : node) {
      const std::string text = Text(item, what);
      Pattern words = LowerWords(Composed(text), true);
      if (words.empty()) Fail(item.Mark(), std::string(what) + ": \"" + text + "\" has no word");
      patterns.push_back(std::move(words));
    }
    return patterns;
  }

  void ReadCategories(const YAML::Node& node, const std::string& what,
                      std::vector<Category>& into) const {
    if (!node.IsSequence()) Fail(node.Mark(), what + ": expected a list of {name, keywords}");
    for (const auto& item : node) {
      if (!item.IsMap()) Fail(item.Mark(), what + ": expected {name:, keywords:, unless:}");
      Category category;
      bool has_name = false;
      for (const auto& field : item) {
        const std::string key = field.first.Scalar();
        if (key == "name") {
          category.name = Text(field.second, "name");
          has_name = true;
        } else if (key == "keywords" || key == "unless") {
          auto patterns = Patterns(field.second, key);
          auto& list = key == "keywords" ? category.keywords : category.unless;
          list.insert(list.end(), patterns.begin(), patterns.end());
        } else {
          Fail(field.first.Mark(),
               "unknown key \"" + key + "\" in " + what + " (expected name, keywords, unless)");
        }
      }
      if (!has_name) Fail(item.Mark(), what + ": an entry needs a name");
      // An entry of an existing name extends it; a new name goes last.
      Category* same = nullptr;
      for (Category& c : into) {
        if (c.name == category.name) same = &c;
      }
      if (same == nullptr) {
        into.push_back(std::move(category));
        continue;
      }
      same->keywords.insert(same->keywords.end(), category.keywords.begin(),
                            category.keywords.end());
      same->unless.insert(same->unless.end(), category.unless.begin(), category.unless.end());
    }
  }

  std::string path_;
};

// The shipped taxonomy, read once per process.
const Taxonomy& ShippedTaxonomy() {
  static const Taxonomy taxonomy = [] {
    const auto file = DataFile::Load("job_titles.yaml");
    Taxonomy t;
    try {
      TaxonomyReader(file->path()).Read(t);
    } catch (const TaxonomyError& e) {
      throw DataError(e.what());
    }
    return t;
  }();
  return taxonomy;
}

// A word of a title: a run of letters, digits and inner apostrophes, in bytes of the title.
struct Word {
  std::size_t begin, end;
  std::string lower;
};

std::vector<Word> SplitTitle(std::string_view s) {
  std::vector<Word> words;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = utf8::Next(s, i);
    bool word_char = IsWordChar(c);
    if (!word_char && in_word && (c == U'\'' || c == U'\u2019') && i < s.size()) {
      std::size_t j = i;
      word_char = IsWordChar(utf8::Next(s, j));  // O'Neil, d'équipe
    }
    if (word_char) {
      if (!in_word) words.push_back({at, i, {}});
      words.back().end = i;
      AppendLower(s.substr(at, i - at), words.back().lower);
    }
    in_word = word_char;
  }
  return words;
}

// A phrase to replace: its words and the exact text between them (" " for "bus dev", "&" for
// "R&D"), in lower case.
struct Phrase {
  std::vector<std::string> words;
  std::vector<std::string> gaps;
  std::string replacement;
  bool abbreviation;  // else an acronym, applied only when proper-casing
};

// What one raw title comes to; cached per thread.
struct Derived {
  std::string title;
  const std::string* seniority = nullptr;
  const std::string* function = nullptr;
};

class JobTitleRule final : public Rule {
 public:
  JobTitleRule(const Options& o, Taxonomy taxonomy)
      : field_(o.Field("field")),
        to_(o.Has("to") ? o.Field("to") : o.Field("field")),
        expand_(o.Bool("expand")),
        seniority_to_(o.Field("seniority_to")),
        function_to_(o.Field("function_to")),
        taxonomy_(std::move(taxonomy)),
        caser_(taxonomy_.particles, {}, /*mac_prefix=*/false) {
    if (seniority_to_ == function_to_) {
      o.Fail("function_to", "must differ from seniority_to");
    }
    for (const auto& [key, field] : {std::pair<const char*, FieldId>{"seniority_to", seniority_to_},
                                     {"function_to", function_to_}}) {
      if (field == field_ || field == to_) o.Fail(key, "must not be the title's field");
    }
    for (const auto& [from, to] : taxonomy_.abbreviations) AddPhrase(from, to, true);
    for (const auto& [lower, written] : taxonomy_.acronyms) AddPhrase(written, written, false);
    for (auto& [first, list] : phrases_) {
      std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
        return a.words.size() > b.words.size();
      });
    }
  }

  void Apply(Record& record) const override {
    const Value* value = record.Find(field_);
    if (value == nullptr || value->kind() == Value::Kind::kNull) {
      Clear(record, seniority_to_);
      Clear(record, function_to_);
      return;
    }
    if (value->kind() != Value::Kind::kText) return;
    const std::string_view raw = value->view();
    if (!utf8::IsValid(raw)) {
      record.AddFlag(field_, index(), "job_title.invalid", "not well-formed UTF-8");
      return;
    }
    const Derived& d = Lookup(raw);
    if (expand_ && (d.title != raw || to_ != field_)) {
      record.Set(to_, Value::Text(d.title), index());
    }
    Write(record, seniority_to_, d.seniority);
    Write(record, function_to_, d.function);
  }

 private:
  void Clear(Record& record, FieldId field) const {
    if (record.Find(field) != nullptr) record.Set(field, Value::Null(), index());
  }

  void Write(Record& record, FieldId field, const std::string* text) const {
    if (text == nullptr) {
      Clear(record, field);
    } else {
      record.Set(field, Value::Text(*text), index());
    }
  }

  void AddPhrase(const std::string& text, const std::string& replacement, bool abbreviation) {
    const std::vector<Word> words = SplitTitle(text);
    if (words.empty()) return;
    Phrase phrase{{}, {}, replacement, abbreviation};
    for (std::size_t i = 0; i < words.size(); ++i) {
      phrase.words.push_back(words[i].lower);
      if (i > 0) {
        phrase.gaps.emplace_back();
        AppendLower(
            std::string_view(text).substr(words[i - 1].end, words[i].begin - words[i - 1].end),
            phrase.gaps.back());
      }
    }
    auto& list = phrases_[phrase.words.front()];
    // An abbreviation and an acronym of the same words: the abbreviation wins.
    list.push_back(std::move(phrase));
  }

  const Derived& Lookup(std::string_view raw) const {
    auto& cache = cache_.local();
    if (raw.size() > 256) {
      cache.scratch = Derive(raw);
      return cache.scratch;
    }
    if (cache.map.size() > 100000) cache.map.clear();
    if (auto it = cache.map.find(raw); it != cache.map.end()) return it->second;
    Derived d = Derive(raw);
    return cache.map.emplace(std::string(raw), std::move(d)).first->second;
  }

  Derived Derive(std::string_view raw) const {
    Derived d;
    const std::string tidy = TidySpaces(raw);
    d.title = Normalise(tidy);
    std::string lower;
    AppendLower(tidy, lower);
    for (const std::string& placeholder : taxonomy_.placeholders) {
      if (lower == placeholder) {
        d.title.assign(raw);  // nothing to normalise in a title that is none
        return d;
      }
    }
    // Keywords are written precomposed; a title typed with combining accents must match too.
    const std::vector<std::string> words = LowerWords(Composed(d.title), false);
    if (words.empty()) return d;
    for (const Category& level : taxonomy_.seniority) {
      if (CategoryMatches(level, words)) {
        d.seniority = &level.name;
        break;
      }
    }
    if (d.seniority == nullptr && !taxonomy_.default_seniority.empty()) {
      d.seniority = &taxonomy_.default_seniority;
    }
    for (const Category& function : taxonomy_.functions) {
      if (CategoryMatches(function, words)) {
        d.function = &function.name;
        break;
      }
    }
    return d;
  }

  // The phrase that starts at word `i`, or null.
  const Phrase* PhraseAt(std::string_view s, const std::vector<Word>& words, std::size_t i,
                         bool proper) const {
    const auto it = phrases_.find(words[i].lower);
    if (it == phrases_.end()) return nullptr;
    for (const Phrase& p : it->second) {
      if (!p.abbreviation && !proper) continue;
      if (i + p.words.size() > words.size()) continue;
      bool same = true;
      for (std::size_t k = 1; same && k < p.words.size(); ++k) {
        std::string gap;
        AppendLower(s.substr(words[i + k - 1].end, words[i + k].begin - words[i + k - 1].end), gap);
        same = words[i + k].lower == p.words[k] && gap == p.gaps[k - 1];
      }
      if (same) return &p;
    }
    return nullptr;
  }

  // The title with abbreviations expanded and, when typed all upper or all lower case,
  // proper-cased; separators stay as typed.
  std::string Normalise(std::string_view s) const {
    const Casing casing = ClassifyCasing(s);
    const bool proper = casing == Casing::kAllUpper || casing == Casing::kAllLower;
    const std::vector<Word> words = SplitTitle(s);
    std::string out;
    out.reserve(s.size() + 16);
    std::size_t copied = 0;  // bytes of `s` dealt with
    for (std::size_t i = 0; i < words.size();) {
      out.append(s.substr(copied, words[i].begin - copied));
      const Phrase* p = PhraseAt(s, words, i, proper);
      if (p != nullptr) {
        out += p->replacement;
        i += p->words.size();
        copied = words[i - 1].end;
        // The full stop of an abbreviation goes with it (Sr. -> Senior), or becomes a space
        // before a word that follows at once (Sr.Mgr -> Senior Manager).
        if (p->abbreviation && copied < s.size() && s[copied] == '.') {
          ++copied;
          if (i < words.size() && words[i].begin == copied) out += ' ';
        }
        continue;
      }
      const std::string_view word = s.substr(words[i].begin, words[i].end - words[i].begin);
      if (proper) {
        if (i > 0 && caser_.IsParticle(words[i].lower)) {
          out += words[i].lower;
        } else {
          caser_.CaseWord(word, i == 0, out);
        }
      } else {
        out.append(word);
      }
      copied = words[i].end;
      ++i;
    }
    out.append(s.substr(copied));
    return out;
  }

  struct Cache {
    // Looked up by string_view: a hit allocates nothing.
    std::unordered_map<std::string, Derived, TextHash, std::equal_to<>> map;
    Derived scratch;
  };

  FieldId field_;
  FieldId to_;
  bool expand_;
  FieldId seniority_to_;
  FieldId function_to_;
  Taxonomy taxonomy_;
  ProperCaser caser_;
  std::unordered_map<std::string, std::vector<Phrase>> phrases_;  // by first word
  mutable tbb::enumerable_thread_specific<Cache> cache_;
};

std::unique_ptr<Rule> MakeJobTitleRule(const Options& o) {
  const bool replace = o.String("taxonomy_mode") == "replace";
  const std::string& file = o.String("taxonomy");
  if (file.empty()) {
    if (replace) {
      o.Fail("taxonomy_mode", "replace needs a `taxonomy` file");
    }
    return std::make_unique<JobTitleRule>(o, ShippedTaxonomy());
  }
  std::filesystem::path path(file);
  if (path.is_relative()) {
    path = std::filesystem::path(o.Where("taxonomy").file).parent_path() / path;
  }
  Taxonomy taxonomy = replace ? Taxonomy() : ShippedTaxonomy();
  try {
    TaxonomyReader(path.string()).Read(taxonomy);
  } catch (const TaxonomyError& e) {
    o.Fail("taxonomy", e.what());
  }
  if (taxonomy.seniority.empty() && taxonomy.default_seniority.empty()) {
    o.Fail("taxonomy", path.string() + ": the taxonomy has no seniority levels");
  }
  return std::make_unique<JobTitleRule>(o, std::move(taxonomy));
}

}  // namespace

const RuleSpec& JobTitleRuleSpec() {
  static const RuleSpec spec{
      "job_title",
      1,
      "expand job-title abbreviations and derive seniority and function",
      "For a text in `field`: white space runs become one space, the ends are trimmed and "
      "invisible characters (zero-width space, bidi marks; joiners U+200C/U+200D only where they "
      "join nothing) are "
      "dropped. With `expand` (the default) the normalised title goes to `to` (default: "
      "`field`): each abbreviation of the taxonomy is replaced by its expansion, on whole words "
      "only, any case, with its trailing full stop (Sr. Mktg Mgr -> Senior Marketing Manager, "
      "VP Sales -> Vice President Sales, Bus Dev -> Business Development; Mgr inside a word is "
      "left alone); a title whose letters are all upper or all lower case is proper-cased "
      "(Senior Account Executive), with the taxonomy's acronyms in their own casing (CEO, IT, "
      "HR, R&D, SaaS, EMEA) and its particles small after the first word (Head of Sales); "
      "mixed case stays as typed. Separators stay as typed. With `expand: false` the title is "
      "not rewritten. Whatever `expand`, the expanded title gives `seniority_to` (default "
      "seniority) and `function_to` (default function) by ordered keyword rules: the first "
      "seniority level (c_level, founder_owner, president, vp, head, director, manager, intern "
      "in the shipped taxonomy) with a keyword among the title's words wins, so CEO & "
      "Co-Founder is c_level and a title of several roles takes the first level of any of "
      "them; a title with letters that matches none is individual_contributor (the taxonomy's "
      "default_seniority). The function is the first of marketing, sales, product, support, "
      "engineering, finance, hr, legal, operations with a keyword in the title (Sales Engineer "
      "is sales, Head of People is hr); none leaves it null. Keywords are lower-case words, "
      "compared in Unicode NFC (combining accents match precomposed ones), "
      "matched in a row whatever punctuation stands between them; a word may start or end with "
      "* to match inside German compounds or unspaced scripts (Vertriebsleiter: vertrieb* -> "
      "sales, *leiter -> manager); `unless` phrases hide their words from a level's keywords "
      "(a vice president is no president; a product owner no owner). A placeholder title "
      "(n/a, -, tbd, unknown ...) and a null title derive nothing: the derived fields are set "
      "to null where they exist. The taxonomy is data/job_titles.yaml (abbreviations, acronyms, "
      "particles, placeholders, seniority, default_seniority, functions); `taxonomy` names a "
      "YAML file of the same shape, relative to the config file, whose entries extend the "
      "shipped ones (a level or function of an existing name gets more keywords, a new one goes "
      "last; an abbreviation replaces one of the same words) or, with `taxonomy_mode: "
      "replace`, stand alone. Errors in a taxonomy file name file:line:column. Text that is "
      "not well-formed UTF-8 is left alone and flagged job_title.invalid. Results are cached "
      "per thread by raw title.",
      kOptions,
      MakeJobTitleRule};
  return spec;
}

}  // namespace pdc
