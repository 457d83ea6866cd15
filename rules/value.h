// Value: what one prospect field holds: null, a text, a list of texts (multi-value fields), or a
// JSON literal kept verbatim (numbers, booleans and objects from JSON sources) so that a field no
// rule touched is written back exactly as it was read.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pdc {

class Value {
 public:
  enum class Kind { kNull, kText, kList, kJson };

  Value() = default;
  static Value Null() { return {}; }
  static Value Text(std::string text) {
    return Value(Storage(std::in_place_index<1>, std::move(text)));
  }
  static Value List(std::vector<std::string> items) {
    return Value(Storage(std::in_place_index<2>, std::move(items)));
  }
  // A JSON literal (number, boolean, object) as its source text.
  static Value Json(std::string literal) {
    return Value(Storage(std::in_place_index<3>, JsonLiteral{std::move(literal)}));
  }

  Kind kind() const { return static_cast<Kind>(storage_.index()); }
  bool is_null() const { return storage_.index() == 0; }
  // Null, an empty text and an empty list are all "empty" to conditions and `default`.
  bool empty() const;

  // The text of a kText or kJson value; empty for null. For a list, the items joined by "|".
  std::string text() const;
  // Borrowed text of a kText value (or kJson literal); empty for others.
  std::string_view view() const;
  const std::vector<std::string>& items() const { return std::get<2>(storage_); }

  friend bool operator==(const Value& a, const Value& b) { return a.storage_ == b.storage_; }

 private:
  struct JsonLiteral {
    std::string text;
    friend bool operator==(const JsonLiteral&, const JsonLiteral&) = default;
  };
  using Storage = std::variant<std::monostate, std::string, std::vector<std::string>, JsonLiteral>;
  explicit Value(Storage s) : storage_(std::move(s)) {}
  Storage storage_;
};

// For test failure messages: the value as JSON.
void PrintTo(const Value& value, std::ostream* out);

}  // namespace pdc
