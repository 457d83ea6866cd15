// FieldNames: interns field names into small ids so that records and rules compare fields by
// number. Thread-safe; ids are stable for the life of the process.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pdc {

using FieldId = std::uint32_t;

// Returns the id of `name`, assigning one on first use.
FieldId InternField(std::string_view name);
// The name of an id returned by InternField.
const std::string& FieldName(FieldId id);

// Fields every prospect source shares.
inline FieldId IdField() {
  static const FieldId id = InternField("id");
  return id;
}

}  // namespace pdc
