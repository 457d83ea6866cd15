#include "rules/value.h"

#include <ostream>

namespace pdc {

bool Value::empty() const {
  switch (kind()) {
    case Kind::kNull:
      return true;
    case Kind::kText:
      return std::get<1>(storage_).empty();
    case Kind::kList:
      return std::get<2>(storage_).empty();
    case Kind::kJson:
      return std::get<3>(storage_).text.empty() || std::get<3>(storage_).text == "null";
  }
  return true;
}

std::string_view Value::view() const {
  if (auto* s = std::get_if<1>(&storage_)) return *s;
  if (auto* j = std::get_if<3>(&storage_)) return j->text;
  return {};
}

std::string Value::text() const {
  if (kind() != Kind::kList) return std::string(view());
  std::string out;
  for (const auto& item : items()) {
    if (!out.empty()) out += '|';
    out += item;
  }
  return out;
}

void PrintTo(const Value& value, std::ostream* out) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      *out << "null";
      return;
    case Value::Kind::kText:
      *out << '"' << value.view() << '"';
      return;
    case Value::Kind::kJson:
      *out << value.view();
      return;
    case Value::Kind::kList:
      *out << '[';
      for (std::size_t i = 0; i < value.items().size(); ++i) {
        *out << (i ? ", \"" : "\"") << value.items()[i] << '"';
      }
      *out << ']';
      return;
  }
}

}  // namespace pdc
