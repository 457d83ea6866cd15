// map: replaces whole values through a lookup table.
#include <unordered_map>

#include "rules/condition.h"
#include "rules/rule.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"fields", OptionType::kFields, "", true, "the fields to map"},
    {"values", OptionType::kStringMap, "", true,
     "from-value: to-value pairs; a null to-value clears the field"},
    {"case_insensitive", OptionType::kBool, "false", false,
     "match from-values without regard to case"},
};

class MapRule final : public Rule {
 public:
  explicit MapRule(const Options& o)
      : fields_(o.Fields("fields")), fold_(o.Bool("case_insensitive")) {
    for (const auto& [from, to] : o.Map("values")) {
      const std::string key = fold_ ? FoldCase(from) : from;
      const Value mapped = to ? Value::Text(*to) : Value::Null();
      auto [it, inserted] = table_.emplace(key, mapped);
      if (!inserted && !(it->second == mapped)) {
        o.Fail("values", "\"" + from + "\" is mapped twice to different values");
      }
    }
  }

  void Apply(Record& record) const override {
    for (FieldId field : fields_) {
      const Value& value = record.Get(field);
      if (value.kind() == Value::Kind::kText) {
        if (const Value* to = Lookup(value.view())) record.Set(field, *to, index());
      } else if (value.kind() == Value::Kind::kList) {
        std::vector<std::string> items;
        for (const auto& item : value.items()) {
          const Value* to = Lookup(item);
          if (to == nullptr) {
            items.push_back(item);
          } else if (!to->is_null()) {
            items.push_back(std::string(to->view()));
          }
        }
        record.Set(field, Value::List(std::move(items)), index());
      }
    }
  }

 private:
  const Value* Lookup(std::string_view text) const {
    auto it = table_.find(fold_ ? FoldCase(text) : std::string(text));
    return it == table_.end() ? nullptr : &it->second;
  }

  std::vector<FieldId> fields_;
  bool fold_;
  std::unordered_map<std::string, Value> table_;
};

}  // namespace

const RuleSpec& MapRuleSpec() {
  static const RuleSpec spec{
      "map",
      1,
      "replace whole values through a lookup table",
      "When a field's whole value equals a key of `values` (optionally ignoring case), it is "
      "replaced by that key's value; a null value clears the field. Values not in the table are "
      "left as they are. On a multi-value field each item is mapped; an item mapped to null is "
      "removed.",
      kOptions,
      [](const Options& o) -> std::unique_ptr<Rule> { return std::make_unique<MapRule>(o); }};
  return spec;
}

}  // namespace pdc
