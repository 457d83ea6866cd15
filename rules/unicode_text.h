// Code point classes and a field-rewriting loop shared by the text rules (text, name_case, email).
// Everything here is stateless and safe to call from many threads at once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/record.h"

namespace pdc {

// Unicode White_Space (tab, LF, CR, NBSP, U+2000..U+200A, U+3000, ...). ASCII needs no ICU.
bool IsWhiteSpace(char32_t c);

// A control (Cc) or format (Cf) character that is not White_Space: C0/C1 controls, soft hyphen,
// zero-width space/joiners, BOM, bidi marks, embeddings and isolates. Invisible in a name or an
// address, and usually pasted in by accident.
bool IsInvisible(char32_t c);

// Simple (one code point to one) case mappings, root locale: no Turkish dotless i, and U+00DF
// stays itself. ASCII needs no ICU.
char32_t ToLower(char32_t c);
char32_t ToUpper(char32_t c);
char32_t ToTitle(char32_t c);
// A letter of any script (general category L*).
bool IsLetter(char32_t c);

// `s` (well-formed) without white space and invisible characters at either end.
std::string_view TrimInvisible(std::string_view s);

// Appends well-formed `s` lower-cased code point by code point.
void AppendLower(std::string_view s, std::string& out);

// Rewrites every text of `value`, the current value of `field`, on behalf of `rule`.
// `clean(in, out)` gets an empty `out` and returns true, with the new text in `out`, only when the
// text changes. Null and JSON-literal values are left alone; nothing is built or stored when no
// text changes, which is the common case on the hot path.
template <typename Clean>
void RewriteValue(Record& record, FieldId field, const Value& value, RuleIndex rule,
                  Clean&& clean) {
  std::string out;
  if (value.kind() == Value::Kind::kText) {
    if (clean(value.view(), out)) record.Set(field, Value::Text(std::move(out)), rule);
    return;
  }
  if (value.kind() != Value::Kind::kList) return;
  const std::vector<std::string>& items = value.items();
  std::vector<std::string> next;  // built from the first changed item on
  bool changed = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out.clear();
    if (clean(std::string_view(items[i]), out)) {
      if (!changed) next.assign(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(i));
      changed = true;
      next.push_back(std::move(out));
    } else if (changed) {
      next.push_back(items[i]);
    }
  }
  if (changed) record.Set(field, Value::List(std::move(next)), rule);
}

// The same for `field` as the record holds it; an absent field is left absent.
template <typename Clean>
void RewriteTexts(Record& record, FieldId field, RuleIndex rule, Clean&& clean) {
  if (const Value* value = record.Find(field)) {
    RewriteValue(record, field, *value, rule, std::forward<Clean>(clean));
  }
}

}  // namespace pdc
