// set: writes a fixed value (or null) into a field, whatever it held.
#include "rules/rule.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"field", OptionType::kField, "", true, "the field to write"},
    {"value", OptionType::kValue, "", true, "the value to write; null clears the field"},
};

class SetRule final : public Rule {
 public:
  explicit SetRule(const Options& o) : field_(o.Field("field")), value_(o.ValueOf("value")) {}
  void Apply(Record& record) const override { record.Set(field_, value_, index()); }

 private:
  FieldId field_;
  Value value_;
};

}  // namespace

const RuleSpec& SetRuleSpec() {
  static const RuleSpec spec{
      "set",
      1,
      "write a fixed value into a field",
      "Sets `field` to `value` on every record the rule reaches (use it under `when:`). A null "
      "value clears the field. The field is created when the record lacks it.",
      kOptions,
      [](const Options& o) -> std::unique_ptr<Rule> { return std::make_unique<SetRule>(o); }};
  return spec;
}

}  // namespace pdc
