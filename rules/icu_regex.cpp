#include "rules/icu_regex.h"

#include <tbb/enumerable_thread_specific.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

namespace pdc {

struct IcuRegex::Impl {
  std::unique_ptr<icu::RegexPattern> pattern;
  // A matcher refers to its input rather than copying it, so the input lives beside it.
  struct PerThread {
    std::unique_ptr<icu::RegexMatcher> matcher;
    icu::UnicodeString input;
  };
  mutable tbb::enumerable_thread_specific<PerThread> threads;

  icu::RegexMatcher& Matcher(std::string_view text) const {
    PerThread& local = threads.local();
    local.input = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
    if (!local.matcher) {
      UErrorCode status = U_ZERO_ERROR;
      local.matcher.reset(pattern->matcher(local.input, status));
    } else {
      local.matcher->reset(local.input);
    }
    return *local.matcher;
  }
};

IcuRegex::IcuRegex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IcuRegex::~IcuRegex() = default;

Result<std::shared_ptr<const IcuRegex>> IcuRegex::Compile(const std::string& pattern,
                                                          bool case_insensitive) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  auto impl = std::make_unique<Impl>();
  impl->pattern.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern),
                                                 case_insensitive ? UREGEX_CASE_INSENSITIVE : 0,
                                                 where, status));
  if (U_FAILURE(status)) {
    return Status::InvalidArgument("invalid regular expression (" +
                                   std::string(u_errorName(status)) + " at offset " +
                                   std::to_string(where.offset) + ")");
  }
  return std::shared_ptr<const IcuRegex>(new IcuRegex(std::move(impl)));
}

bool IcuRegex::Find(std::string_view text) const {
  UErrorCode status = U_ZERO_ERROR;
  return impl_->Matcher(text).find(status) && U_SUCCESS(status);
}

std::string IcuRegex::ReplaceAll(std::string_view text, const std::string& replacement) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out =
      impl_->Matcher(text).replaceAll(icu::UnicodeString::fromUTF8(replacement), status);
  std::string result;
  if (U_FAILURE(status)) return std::string(text);
  out.toUTF8String(result);
  return result;
}

}  // namespace pdc
