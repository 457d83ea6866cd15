// copy: copies one field's value into another.
#include "rules/rule.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"from", OptionType::kField, "", true, "the field to read"},
    {"to", OptionType::kField, "", true, "the field to write"},
    {"overwrite", OptionType::kBool, "true", false,
     "write even when `to` already holds a value (false: only fill an empty `to`)"},
    {"skip_empty", OptionType::kBool, "true", false, "do nothing when `from` is empty"},
};

class CopyRule final : public Rule {
 public:
  explicit CopyRule(const Options& o)
      : from_(o.Field("from")),
        to_(o.Field("to")),
        overwrite_(o.Bool("overwrite")),
        skip_empty_(o.Bool("skip_empty")) {
    if (from_ == to_) o.Fail("to", "copies a field onto itself");
  }
  void Apply(Record& record) const override {
    const Value& source = record.Get(from_);
    if (skip_empty_ && source.empty()) return;
    if (!overwrite_ && !record.Get(to_).empty()) return;
    record.Set(to_, source, index());
  }

 private:
  FieldId from_;
  FieldId to_;
  bool overwrite_;
  bool skip_empty_;
};

}  // namespace

const RuleSpec& CopyRuleSpec() {
  static const RuleSpec spec{
      "copy",
      1,
      "copy one field into another",
      "Copies the value of `from` (text, list or null) into `to`, creating `to` when the record "
      "lacks it. With `overwrite: false` only an empty `to` is filled; with `skip_empty: true` "
      "(the default) an empty `from` copies nothing, so it never clears `to`.",
      kOptions,
      [](const Options& o) -> std::unique_ptr<Rule> { return std::make_unique<CopyRule>(o); }};
  return spec;
}

}  // namespace pdc
