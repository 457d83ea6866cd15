// A hash for unordered maps keyed by std::string that are looked up by std::string_view, so a
// cache hit allocates nothing (use with std::equal_to<>).
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace pdc {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace pdc
