// Where each member value of a JSON object sits in its source text, so that readers can keep
// numbers, booleans and nested objects exactly as written instead of re-serializing them.
#pragma once

#include <string_view>
#include <vector>

namespace pdc {

// Replaces `values` with the source text of each member value of `object`, in source order,
// without surrounding whitespace. `object` must be a JSON object that a parser has accepted: the
// scan trusts its syntax and only tracks strings and nesting.
void MemberLiterals(std::string_view object, std::vector<std::string_view>& values);

}  // namespace pdc
