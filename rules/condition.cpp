#include "rules/condition.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <unordered_set>

#include "rules/utf8.h"

namespace pdc {
namespace {

// True when `test` holds for the value's text or, for a list, for any item.
template <typename Test>
bool AnyText(const Value& value, Test&& test) {
  if (value.kind() == Value::Kind::kList) {
    return std::any_of(value.items().begin(), value.items().end(),
                       [&](const std::string& item) { return test(std::string_view(item)); });
  }
  if (value.is_null()) return false;
  return test(value.view());
}

class EmptyTest final : public Condition {
 public:
  EmptyTest(FieldId field, bool empty) : field_(field), empty_(empty) {}
  bool Holds(const Record& r) const override { return r.Get(field_).empty() == empty_; }

 private:
  FieldId field_;
  bool empty_;
};

class SetTest final : public Condition {
 public:
  SetTest(FieldId field, std::vector<std::string> values, bool fold) : field_(field), fold_(fold) {
    for (auto& v : values) values_.insert(fold ? FoldCase(v) : std::move(v));
  }
  bool Holds(const Record& r) const override {
    return AnyText(r.Get(field_), [&](std::string_view text) {
      return fold_ ? values_.count(FoldCase(text)) > 0 : values_.count(std::string(text)) > 0;
    });
  }

 private:
  FieldId field_;
  bool fold_;
  std::unordered_set<std::string> values_;
};

class RegexTest final : public Condition {
 public:
  RegexTest(FieldId field, std::shared_ptr<const IcuRegex> regex)
      : field_(field), regex_(std::move(regex)) {}
  bool Holds(const Record& r) const override {
    return AnyText(r.Get(field_), [&](std::string_view text) { return regex_->Find(text); });
  }

 private:
  FieldId field_;
  std::shared_ptr<const IcuRegex> regex_;
};

class Combination final : public Condition {
 public:
  Combination(std::vector<std::unique_ptr<Condition>> parts, bool all)
      : parts_(std::move(parts)), all_(all) {}
  bool Holds(const Record& r) const override {
    auto holds = [&](const auto& c) { return c->Holds(r); };
    return all_ ? std::all_of(parts_.begin(), parts_.end(), holds)
                : std::any_of(parts_.begin(), parts_.end(), holds);
  }

 private:
  std::vector<std::unique_ptr<Condition>> parts_;
  bool all_;
};

class Negation final : public Condition {
 public:
  explicit Negation(std::unique_ptr<Condition> inner) : inner_(std::move(inner)) {}
  bool Holds(const Record& r) const override { return !inner_->Holds(r); }

 private:
  std::unique_ptr<Condition> inner_;
};

}  // namespace

std::string FoldCase(std::string_view text) {
  std::string out;
  if (utf8::IsAscii(text)) {
    out.resize(text.size());
    std::transform(text.begin(), text.end(), out.begin(), [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
  }
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()))
      .foldCase()
      .toUTF8String(out);
  return out;
}

std::unique_ptr<Condition> IsEmpty(FieldId field, bool empty) {
  return std::make_unique<EmptyTest>(field, empty);
}
std::unique_ptr<Condition> InSet(FieldId field, std::vector<std::string> values, bool fold) {
  return std::make_unique<SetTest>(field, std::move(values), fold);
}
std::unique_ptr<Condition> Matches(FieldId field, std::shared_ptr<const IcuRegex> regex) {
  return std::make_unique<RegexTest>(field, std::move(regex));
}
std::unique_ptr<Condition> AllOf(std::vector<std::unique_ptr<Condition>> parts) {
  return std::make_unique<Combination>(std::move(parts), true);
}
std::unique_ptr<Condition> AnyOf(std::vector<std::unique_ptr<Condition>> parts) {
  return std::make_unique<Combination>(std::move(parts), false);
}
std::unique_ptr<Condition> Not(std::unique_ptr<Condition> inner) {
  return std::make_unique<Negation>(std::move(inner));
}

}  // namespace pdc
