// regex_replace: replaces every match of an ICU regular expression in the given fields.
#include "rules/icu_regex.h"
#include "rules/unicode_text.h"
#include "rules/rule.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"fields", OptionType::kFields, "", true, "the fields to rewrite"},
    {"pattern", OptionType::kString, "", true, "an ICU regular expression"},
    {"replacement", OptionType::kString, "\"\"", false,
     "what replaces each match; $1 is the first group, \\$ a literal dollar"},
    {"case_insensitive", OptionType::kBool, "false", false, "match without regard to case"},
};

class RegexReplaceRule final : public Rule {
 public:
  explicit RegexReplaceRule(const Options& o)
      : fields_(o.Fields("fields")), replacement_(o.String("replacement")) {
    auto regex = IcuRegex::Compile(o.String("pattern"), o.Bool("case_insensitive"));
    if (!regex.ok()) o.Fail("pattern", regex.status().message());
    regex_ = *regex;
  }

  void Apply(Record& record) const override {
    for (FieldId field : fields_) {
      RewriteTexts(record, field, index(), [&](std::string_view text, std::string& out) {
        if (text.empty()) return false;
        out = regex_->ReplaceAll(text, replacement_);
        return out != text;
      });
    }
  }

 private:
  std::vector<FieldId> fields_;
  std::string replacement_;
  std::shared_ptr<const IcuRegex> regex_;
};

}  // namespace

const RuleSpec& RegexReplaceRuleSpec() {
  static const RuleSpec spec{
      "regex_replace",
      1,
      "rewrite text with an ICU regular expression",
      "In each of `fields`, replaces every match of `pattern` (ICU syntax, Unicode-aware) with "
      "`replacement`, where $1..$9 refer to groups. Each item of a multi-value field is rewritten "
      "on its own; null and empty values are left alone. An invalid pattern is a config error.",
      kOptions,
      [](const Options& o) -> std::unique_ptr<Rule> {
        return std::make_unique<RegexReplaceRule>(o);
      }};
  return spec;
}

}  // namespace pdc
