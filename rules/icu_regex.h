// IcuRegex: a compiled ICU regular expression usable from many threads: the pattern is shared
// (ICU patterns are immutable) and each thread gets its own matcher (ICU matchers are not
// thread-safe).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "rules/status.h"

namespace pdc {

class IcuRegex {
 public:
  // Compiles `pattern` (ICU syntax); the error names the offending offset.
  static Result<std::shared_ptr<const IcuRegex>> Compile(const std::string& pattern,
                                                         bool case_insensitive);
  ~IcuRegex();

  // True when the pattern matches anywhere in `text`.
  bool Find(std::string_view text) const;
  // Every match replaced with `replacement` ($1 refers to group 1, as in ICU).
  std::string ReplaceAll(std::string_view text, const std::string& replacement) const;

  struct Impl;

 private:
  explicit IcuRegex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pdc
