#include "rules/phone_parse.h"

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <list>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rules/digit_pattern.h"

namespace pdc {
namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberDesc;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr std::size_t kMinLengthForNsn = 2;
constexpr std::size_t kMaxLengthForNsn = 17;

// Region metadata by region code and, for calling codes, the main region's; read once.
class Metadata {
 public:
  static const Metadata& Get() {
    static const Metadata metadata;
    return metadata;
  }

  const PhoneMetadata* ForRegion(const std::string& region) const {
    const auto it = by_region_.find(region);
    return it == by_region_.end() ? nullptr : it->second;
  }

  // The main region's metadata for a calling code, or null for unknown and non-geographic
  // codes.
  const PhoneMetadata* ForCallingCode(int code) const {
    const auto it = by_code_.find(code);
    return it == by_code_.end() ? nullptr : it->second;
  }

  bool IsCallingCode(int code) const { return codes_.count(code) != 0; }

  // Every region of a calling code, main region first (as libphonenumber lists them).
  const std::vector<const PhoneMetadata*>* RegionsOf(int code) const {
    const auto it = regions_of_.find(code);
    return it == regions_of_.end() ? nullptr : &it->second;
  }

 private:
  Metadata() {
    if (!collection_.ParseFromArray(i18n::phonenumbers::metadata_get(),
                                    i18n::phonenumbers::metadata_size())) {
      return;  // no fast path: every number goes through Parse
    }
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    for (const PhoneMetadata& m : collection_.metadata()) {
      codes_.insert(m.country_code());
      if (m.id() != "001" && !regions_of_.count(m.country_code())) {
        std::list<std::string> regions;
        util.GetRegionCodesForCountryCallingCode(m.country_code(), &regions);
        std::vector<const PhoneMetadata*>& list = regions_of_[m.country_code()];
        for (const std::string& r : regions) {
          for (const PhoneMetadata& candidate : collection_.metadata()) {
            if (candidate.id() == r) list.push_back(&candidate);
          }
        }
        if (list.size() != regions.size()) list.clear();  // not all known: no fast answer
      }
      if (m.id() == "001") continue;  // non-geographic entities: Parse's business
      by_region_.emplace(m.id(), &m);
      std::string main;
      util.GetRegionCodeForCountryCode(m.country_code(), &main);
      if (main == m.id()) by_code_.emplace(m.country_code(), &m);
    }
  }

  PhoneMetadataCollection collection_;
  std::unordered_map<std::string, const PhoneMetadata*> by_region_;
  std::unordered_map<int, const PhoneMetadata*> by_code_;
  std::unordered_set<int> codes_;
  std::unordered_map<int, std::vector<const PhoneMetadata*>> regions_of_;
};

// One thread's compiled patterns, by pattern text.
class Patterns {
 public:
  static Patterns& ForThread() {
    thread_local Patterns patterns;
    return patterns;
  }

  // The length of the match of `pattern` at the start of `digits` (-1: none); `captured` tells
  // whether any capturing group took part in the match with some text.
  int LookingAt(const std::string& pattern, std::string_view digits, bool* captured) {
    icu::RegexMatcher* m = Matcher(pattern, digits);
    if (m == nullptr) return -2;
    UErrorCode status = U_ZERO_ERROR;
    if (!m->lookingAt(status) || U_FAILURE(status)) return -1;
    *captured = false;
    for (int32_t g = 1; g <= m->groupCount(); ++g) {
      if (m->start(g, status) >= 0 && m->end(g, status) > m->start(g, status)) *captured = true;
    }
    return m->end(status);
  }

  // Whether `pattern` matches the whole of `digits` (-1: the pattern does not compile). Patterns
  // of digits alone (nearly all of them) run as DigitPatterns, the rest through ICU.
  int Matches(const std::string& pattern, std::string_view digits) {
    Compiled& c = Of(pattern);
    if (c.digits) return c.digits->FullMatch(digits) ? 1 : 0;
    icu::RegexMatcher* m = Reset(c, digits);
    if (m == nullptr) return -1;
    UErrorCode status = U_ZERO_ERROR;
    return m->matches(status) && U_SUCCESS(status) ? 1 : 0;
  }

 private:
  struct Compiled {
    std::optional<DigitPattern> digits;
    std::unique_ptr<icu::RegexMatcher> icu;  // null: compiled lazily, or does not compile
    bool icu_tried = false;
  };

  // By the pattern's address: the patterns are libphonenumber's metadata strings, which live as
  // long as the process, and hashing an address spares comparing long patterns on each look-up.
  Compiled& Of(const std::string& pattern) {
    auto [it, added] = compiled_.try_emplace(&pattern);
    if (added) it->second.digits = DigitPattern::Compile(pattern);
    if (!it->second.digits) Icu(it->second, pattern);
    return it->second;
  }

  static void Icu(Compiled& c, const std::string& pattern) {
    if (c.icu_tried) return;
    c.icu_tried = true;
    UErrorCode status = U_ZERO_ERROR;
    c.icu.reset(new icu::RegexMatcher(icu::UnicodeString::fromUTF8(pattern), 0, status));
    if (U_FAILURE(status)) c.icu.reset();
  }

  icu::RegexMatcher* Reset(Compiled& c, std::string_view digits) {
    if (!c.icu) return nullptr;
    input_ = icu::UnicodeString::fromUTF8(
        icu::StringPiece(digits.data(), static_cast<int32_t>(digits.size())));
    c.icu->reset(input_);
    return c.icu.get();
  }

  icu::RegexMatcher* Matcher(const std::string& pattern, std::string_view digits) {
    Compiled& c = Of(pattern);
    Icu(c, pattern);
    return Reset(c, digits);
  }

  std::unordered_map<const std::string*, Compiled> compiled_;
  icu::UnicodeString input_;  // the text the last matcher was reset to; must outlive the match
};

enum class Length { kPossible, kTooShort, kTooLong, kLocalOnly, kInvalid };

// PhoneNumberUtil's length test for a number of unknown type against a region's lengths.
Length TestLength(std::size_t length, const PhoneMetadata& m) {
  const PhoneNumberDesc& general = m.general_desc();
  const auto& possible = general.possible_length();
  const auto& local = general.possible_length_local_only();
  if (possible.empty() || possible.Get(0) == -1) return Length::kInvalid;
  const int actual = static_cast<int>(length);
  if (std::find(local.begin(), local.end(), actual) != local.end()) return Length::kLocalOnly;
  if (possible.Get(0) == actual) return Length::kPossible;
  if (possible.Get(0) > actual) return Length::kTooShort;
  if (possible.Get(possible.size() - 1) < actual) return Length::kTooLong;
  return std::find(possible.begin() + 1, possible.end(), actual) != possible.end()
             ? Length::kPossible
             : Length::kInvalid;
}

// Parse's national-prefix step followed by its length test: the national number without its
// national prefix ("0" in 030 901820) when that keeps it a possible number. False: a step this
// path does not take.
bool StripNationalPrefix(const PhoneMetadata& m, std::string& national) {
  if (!m.has_national_prefix_for_parsing() || m.national_prefix_for_parsing().empty()) return true;
  Patterns& patterns = Patterns::ForThread();
  bool captured = false;
  const int end = patterns.LookingAt(m.national_prefix_for_parsing(), national, &captured);
  if (end == -2) return false;
  if (end < 0) return true;  // no national prefix
  if (captured || !m.national_prefix_transform_rule().empty()) return false;
  std::string stripped = national.substr(static_cast<std::size_t>(end));
  const std::string& general = m.general_desc().national_number_pattern();
  const int original_ok = patterns.Matches(general, national);
  const int stripped_ok = patterns.Matches(general, stripped);
  if (original_ok < 0 || stripped_ok < 0) return false;
  if (original_ok == 1 && stripped_ok == 0) return true;  // the "prefix" belongs to the number
  const Length length = TestLength(stripped.size(), m);
  if (length == Length::kTooShort || length == Length::kLocalOnly || length == Length::kInvalid) {
    return true;
  }
  national = std::move(stripped);
  return true;
}

}  // namespace

bool ParseCompactNumber(std::string_view compact, const std::string& region, PhoneNumber* number) {
  const Metadata& metadata = Metadata::Get();
  const bool plus = !compact.empty() && compact.front() == '+';
  std::string_view digits = plus ? compact.substr(1) : compact;
  if (digits.size() < 3 || digits.size() > 20) return false;
  int country_code = 0;
  const PhoneMetadata* m = nullptr;
  std::string national;
  if (plus) {
    if (digits.front() == '0') return false;
    for (std::size_t n = 1; n <= 3 && country_code == 0; ++n) {
      int code = 0;
      for (std::size_t i = 0; i < n; ++i) code = code * 10 + (digits[i] - '0');
      if (!metadata.IsCallingCode(code)) continue;
      m = metadata.ForCallingCode(code);
      if (m == nullptr) return false;  // a non-geographic code (+800, +882, ...)
      country_code = code;
      national.assign(digits.substr(n));
    }
    if (m == nullptr) return false;
  } else {
    if (region.empty()) return false;
    m = metadata.ForRegion(region);
    if (m == nullptr) return false;
    Patterns& patterns = Patterns::ForThread();
    bool captured = false;
    if (m->has_international_prefix()) {
      // Dialled from the region to abroad (00 49 ..., 011 44 ...): Parse strips the prefix and
      // reads the rest as after a +, unless a 0 follows it (no calling code starts with 0).
      const int end = patterns.LookingAt(m->international_prefix(), digits, &captured);
      if (end == -2) return false;
      if (end >= 0) {
        const auto rest = static_cast<std::size_t>(end);
        if (rest >= digits.size() || digits[rest] == '0') return false;
        return ParseCompactNumber("+" + std::string(digits.substr(rest)), "", number);
      }
    }
    const std::string code = std::to_string(m->country_code());
    if (digits.substr(0, code.size()) == code) return false;  // maybe the code without +
    country_code = m->country_code();
    national.assign(digits);
  }
  if (national.size() <= kMinLengthForNsn) return false;
  if (!StripNationalPrefix(*m, national)) return false;
  if (national.size() < kMinLengthForNsn || national.size() > kMaxLengthForNsn) return false;
  if (national.front() == '0') return false;  // Italian leading zeros: Parse's business
  std::uint64_t value = 0;
  for (const char c : national) value = value * 10 + static_cast<std::uint64_t>(c - '0');
  number->Clear();
  number->set_country_code(country_code);
  number->set_national_number(value);
  return true;
}

namespace {

// PhoneNumberUtil::IsNumberMatchingDesc: the possible lengths, then the pattern. -1: a pattern
// that does not compile here.
int MatchesDesc(const std::string& national, const PhoneNumberDesc& desc) {
  const auto& lengths = desc.possible_length();
  if (!lengths.empty() && std::find(lengths.begin(), lengths.end(),
                                    static_cast<int>(national.size())) == lengths.end()) {
    return 0;
  }
  if (desc.national_number_pattern().empty()) return 0;
  return Patterns::ForThread().Matches(desc.national_number_pattern(), national);
}

// PhoneNumberUtil::GetNumberTypeHelper, in its order. False in `known`: a pattern failed.
PhoneNumberUtil::PhoneNumberType TypeIn(const std::string& national, const PhoneMetadata& m,
                                        bool* known) {
  auto matches = [&](const PhoneNumberDesc& desc) {
    const int r = MatchesDesc(national, desc);
    if (r < 0) *known = false;
    return r == 1;
  };
  if (!matches(m.general_desc())) return PhoneNumberUtil::UNKNOWN;
  if (matches(m.premium_rate())) return PhoneNumberUtil::PREMIUM_RATE;
  if (matches(m.toll_free())) return PhoneNumberUtil::TOLL_FREE;
  if (matches(m.shared_cost())) return PhoneNumberUtil::SHARED_COST;
  if (matches(m.voip())) return PhoneNumberUtil::VOIP;
  if (matches(m.personal_number())) return PhoneNumberUtil::PERSONAL_NUMBER;
  if (matches(m.pager())) return PhoneNumberUtil::PAGER;
  if (matches(m.uan())) return PhoneNumberUtil::UAN;
  if (matches(m.voicemail())) return PhoneNumberUtil::VOICEMAIL;
  if (matches(m.fixed_line())) {
    if (m.same_mobile_and_fixed_line_pattern()) return PhoneNumberUtil::FIXED_LINE_OR_MOBILE;
    if (matches(m.mobile())) return PhoneNumberUtil::FIXED_LINE_OR_MOBILE;
    return PhoneNumberUtil::FIXED_LINE;
  }
  if (!m.same_mobile_and_fixed_line_pattern() && matches(m.mobile())) {
    return PhoneNumberUtil::MOBILE;
  }
  return PhoneNumberUtil::UNKNOWN;
}

}  // namespace

PhoneNumberUtil::PhoneNumberType NumberType(const PhoneNumber& number, bool* known) {
  *known = false;
  if (number.italian_leading_zero() || number.has_extension()) return PhoneNumberUtil::UNKNOWN;
  const std::vector<const PhoneMetadata*>* regions =
      Metadata::Get().RegionsOf(number.country_code());
  if (regions == nullptr || regions->empty()) return PhoneNumberUtil::UNKNOWN;
  const std::string national = std::to_string(number.national_number());
  *known = true;
  // PhoneNumberUtil::GetRegionCodeForNumber: the only region, or the first whose leading digits
  // match or, without leading digits, whose patterns know the number.
  const PhoneMetadata* region = nullptr;
  if (regions->size() == 1) {
    region = regions->front();
  } else {
    for (const PhoneMetadata* m : *regions) {
      if (m->has_leading_digits()) {
        bool captured = false;
        const int end = Patterns::ForThread().LookingAt(m->leading_digits(), national, &captured);
        if (end == -2) {
          *known = false;
          return PhoneNumberUtil::UNKNOWN;
        }
        if (end >= 0) {
          region = m;
          break;
        }
      } else if (TypeIn(national, *m, known) != PhoneNumberUtil::UNKNOWN) {
        region = m;
        break;
      }
      if (!*known) return PhoneNumberUtil::UNKNOWN;
    }
  }
  if (region == nullptr) return PhoneNumberUtil::UNKNOWN;
  return TypeIn(national, *region, known);
}

}  // namespace pdc
