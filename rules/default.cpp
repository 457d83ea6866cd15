// default: fills a field that is empty (null, "" or an empty list) with a fixed value.
#include "rules/rule.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"field", OptionType::kField, "", true, "the field to fill when empty"},
    {"value", OptionType::kValue, "", true, "the value to fill in"},
};

class DefaultRule final : public Rule {
 public:
  explicit DefaultRule(const Options& o) : field_(o.Field("field")), value_(o.ValueOf("value")) {}
  void Apply(Record& record) const override {
    if (record.Get(field_).empty()) record.Set(field_, value_, index());
  }

 private:
  FieldId field_;
  Value value_;
};

}  // namespace

const RuleSpec& DefaultRuleSpec() {
  static const RuleSpec spec{
      "default",
      1,
      "fill an empty field with a fixed value",
      "When `field` is null, an empty string or an empty list (or the record lacks it), sets it "
      "to `value`. A field holding anything else, even spaces, is left alone: run `text` first "
      "to trim.",
      kOptions,
      [](const Options& o) -> std::unique_ptr<Rule> { return std::make_unique<DefaultRule>(o); }};
  return spec;
}

}  // namespace pdc
