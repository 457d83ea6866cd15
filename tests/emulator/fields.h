// The standard prospect fields (pardot-api.md §5): v3/v4 snake_case and v5 camelCase names, type
// and who may write them. Custom fields are described per business unit (store.h).
#pragma once

#include <span>
#include <string_view>

namespace pdc::emulator {

enum class FieldType {
  kString,
  kInteger,
  kFlag,       // boolean shown as "1" or empty in v3/v4 (is_do_not_email, opted_out, ...)
  kTimestamp,  // stored as epoch seconds; shown in the business unit's time zone
};

struct FieldDef {
  std::string_view snake;  // v3/v4 name; "" when the field exists in v5 only
  std::string_view camel;  // v5 name; "" when the field exists in v3/v4 only
  FieldType type;
  bool v34_editable;
  bool v5_editable;
};

std::span<const FieldDef> StandardFields();
const FieldDef* FindSnake(std::string_view snake);
const FieldDef* FindCamel(std::string_view camel);

}  // namespace pdc::emulator
