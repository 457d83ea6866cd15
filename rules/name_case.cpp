// name_case: proper-cases person names typed all in capitals or all in lower case, and keeps
// every other value exactly as typed ("eBay", "McDonald", "DeVito" are someone's choice).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/proper_case.h"
#include "rules/rule.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"fields", OptionType::kFields, "[first_name, last_name]", false, "the fields to case"},
    {"particles", OptionType::kStrings,
     "[van, von, de, da, di, le, der, den, del, della, du, la, dos, das, ter, ten]", false,
     "words kept lower case unless they are the first word"},
    {"mac_prefix", OptionType::kBool, "true", false,
     "treat Mac as a prefix (macdonald -> MacDonald) outside the built-in exceptions"},
    {"exceptions", OptionType::kStrings, "[]", false,
     "words whose casing wins, matched case-insensitively (e.g. DeVito, iPhone, MacKay)"},
};

// The code point at s[i], or 0 at the end.
char32_t Peek(std::string_view s, std::size_t i) { return i < s.size() ? utf8::Next(s, i) : 0; }

// Immutable once built; Apply is safe from many threads.
class NameCaseRule final : public Rule {
 public:
  NameCaseRule(const Options& o, std::vector<std::string> particles,
               std::vector<std::pair<std::string, std::string>> exceptions)
      : fields_(o.Fields("fields")),
        caser_(std::move(particles), exceptions, o.Bool("mac_prefix")) {}

  void Apply(Record& record) const override {
    for (const FieldId field : fields_) {
      RewriteTexts(record, field, index(),
                   [this](std::string_view in, std::string& out) { return Clean(in, out); });
    }
  }

 private:
  bool Clean(std::string_view in, std::string& out) const {
    // Ill-formed text is the `text` rule's business (sources repair it on reading).
    if (!utf8::IsValid(in)) return false;
    const Casing casing = ClassifyCasing(in);
    if (casing != Casing::kAllUpper && casing != Casing::kAllLower) return false;
    out.reserve(in.size());
    std::size_t words = 0;
    for (std::size_t i = 0; i < in.size();) {
      std::size_t start = i;
      while (i < in.size() && IsWhiteSpace(Peek(in, i))) utf8::Next(in, i);
      out.append(in.substr(start, i - start));  // separators as typed
      if (i == in.size()) break;
      start = i;
      while (i < in.size() && !IsWhiteSpace(Peek(in, i))) utf8::Next(in, i);
      caser_.CaseWord(in.substr(start, i - start), words++ == 0, out);
    }
    return out != in;
  }

  std::vector<FieldId> fields_;
  ProperCaser caser_;
};

// One word: not empty, no white space, well-formed.
bool IsOneWord(std::string_view s) {
  if (s.empty() || !utf8::IsValid(s)) return false;
  for (std::size_t i = 0; i < s.size();) {
    if (IsWhiteSpace(utf8::Next(s, i))) return false;
  }
  return true;
}

std::unique_ptr<Rule> MakeNameCaseRule(const Options& o) {
  std::vector<std::string> particles;
  for (const std::string& particle : o.Strings("particles")) {
    if (!IsOneWord(particle)) {
      o.Fail("particles", "a particle must be one word without spaces, got \"" + particle + "\"");
    }
    particles.emplace_back();
    AppendLower(particle, particles.back());
  }
  std::vector<std::pair<std::string, std::string>> exceptions;
  for (const std::string& word : o.Strings("exceptions")) {
    if (!IsOneWord(word)) {
      o.Fail("exceptions", "an exception must be one word without spaces, got \"" + word + "\"");
    }
    std::string lower;
    AppendLower(word, lower);
    exceptions.emplace_back(std::move(lower), word);
  }
  return std::make_unique<NameCaseRule>(o, std::move(particles), std::move(exceptions));
}

}  // namespace

const RuleSpec& NameCaseRuleSpec() {
  static const RuleSpec spec{
      "name_case",
      1,
      "proper-case names typed all upper or all lower case",
      "For each text of each field in `fields`: when its letters are all upper case or all lower "
      "case (in any cased script; a letter with no capital, such as U+00DF, does not count), the "
      "value is proper-cased; a value with mixed case, or with no cased letters (CJK, say), is "
      "kept as typed. Words are split on white space, which is kept as typed. A word matching "
      "an `exceptions` entry (case-insensitively) takes that entry's casing. Any word but the "
      "first that is one of `particles` stays lower case (ludwig van beethoven -> Ludwig van "
      "Beethoven, de la cruz -> De la Cruz), and II, III, IV, VI..IX after the first word are "
      "upper case. Otherwise each part of a word between hyphens or full stops (mary-ann -> "
      "Mary-Ann, j.r. -> J.R.) is matched against `exceptions`, then cased: a one-letter prefix "
      "before an apostrophe (' or U+2019) is capitalised as is the letter after it (o'brien -> "
      "O'Brien, d'angelo -> D'Angelo), except that d' stays lower case after the first word "
      "(d'Estaing); Mc followed by two or more letters gives McDonald; with `mac_prefix`, Mac "
      "followed by three or more letters gives MacDonald unless the word is a built-in exception "
      "(Mace, Macey, Machado, Machin, Macias, Maciel, Mack, Mackenzie, Mackey, Mackie, Macklin, "
      "Macon, Macy and others); anything else gets its first letter in title case and the rest "
      "in lower case, with Greek final sigma at the end of a word. Case mappings are Unicode's "
      "simple ones in the root locale (no Turkish dotless i).",
      kOptions,
      MakeNameCaseRule};
  return spec;
}

}  // namespace pdc
