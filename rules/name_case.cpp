// name_case: proper-cases person names typed all in capitals or all in lower case, and keeps
// every other value exactly as typed ("eBay", "McDonald", "DeVito" are someone's choice).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/proper_case.h"
#include "rules/rule.h"
#include "rules/unicode_text.h"

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

// Immutable once built; Apply is safe from many threads.
class NameCaseRule final : public Rule {
 public:
  explicit NameCaseRule(const Options& o)
      : fields_(o.Fields("fields")), caser_(ProperCaserFrom(o)) {}

  void Apply(Record& record) const override {
    for (const FieldId field : fields_) {
      RewriteTexts(record, field, index(),
                   [this](std::string_view in, std::string& out) { return caser_.Case(in, out); });
    }
  }

 private:
  std::vector<FieldId> fields_;
  ProperCaser caser_;
};

std::unique_ptr<Rule> MakeNameCaseRule(const Options& o) { return std::make_unique<NameCaseRule>(o); }

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
