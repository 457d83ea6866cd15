// phone: parses a phone number with libphonenumber in the record's region (or a configured
// default, never a silent US), writes it in E.164 (or national or international form), splits
// off the extension, and flags junk and invalid numbers instead of changing them. Parsing costs
// ~13 µs a number, so results are cached per thread by (raw value, region).
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <tbb/enumerable_thread_specific.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>

#include "rules/phone_parse.h"
#include "rules/rule.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr OptionSpec kOptions[] = {
    {"field", OptionType::kField, "phone", false, "the field holding the number"},
    {"region_from", OptionType::kField, "country", false,
     "the field with the record's ISO 3166-1 alpha-2 country (run `country` first)"},
    {"default_region", OptionType::kString, "", false,
     "ISO alpha-2 region for numbers without one (none: such numbers are flagged, never guessed)"},
    {"format", OptionType::kChoice, "e164", false, "how to write the number",
     "e164|international|national"},
    {"extension_to", OptionType::kField, "", false,
     "write the extension here (none: it stays in the value as \" ext. N\")"},
    {"type_to", OptionType::kField, "", false,
     "write the number type here (mobile, fixed_line, ...)"},
    {"valid_to", OptionType::kField, "", false, "write true or false here"},
};

// What one (raw value, region) comes to; cached.
struct Parsed {
  std::string number;  // formatted, or "" when the value is left alone
  std::string extension;
  std::string type;
  bool valid = false;
  std::string flag_code;  // phone.junk, phone.invalid, phone.no_region, or ""
  std::string flag_message;
};

const char* TypeName(PhoneNumberUtil::PhoneNumberType type) {
  switch (type) {
    case PhoneNumberUtil::FIXED_LINE:
      return "fixed_line";
    case PhoneNumberUtil::MOBILE:
      return "mobile";
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
      return "fixed_line_or_mobile";
    case PhoneNumberUtil::TOLL_FREE:
      return "toll_free";
    case PhoneNumberUtil::PREMIUM_RATE:
      return "premium_rate";
    case PhoneNumberUtil::SHARED_COST:
      return "shared_cost";
    case PhoneNumberUtil::VOIP:
      return "voip";
    case PhoneNumberUtil::PERSONAL_NUMBER:
      return "personal_number";
    case PhoneNumberUtil::PAGER:
      return "pager";
    case PhoneNumberUtil::UAN:
      return "uan";
    case PhoneNumberUtil::VOICEMAIL:
      return "voicemail";
    default:
      return "unknown";
  }
}

// Full-width and other compatibility forms (０３－１２３４) to plain ones (03-1234), so that
// numbers typed on CJK keyboards parse.
std::string Compatible(const std::string& raw) {
  if (utf8::IsAscii(raw)) return raw;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return raw;
  const icu::UnicodeString folded = nfkc->normalize(icu::UnicodeString::fromUTF8(raw), status);
  std::string out;
  if (U_FAILURE(status)) return raw;
  folded.toUTF8String(out);
  return out;
}

// The digits of a number typed with only digits, spaces and the punctuation people put between
// groups ( ) - . / and maybe a leading +: "(213) 922-7884" -> "2139227884", "+44 20 7946 0958"
// -> "+442079460958". libphonenumber drops that punctuation itself, so the compact form parses
// to the same number, faster (its patterns run over fewer characters), and formatting variants
// of one number share a cache entry. Anything else ("(0)", letters, an extension) -> "".
std::string CompactDigits(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size() && raw[i] == ' ') ++i;
  if (i < raw.size() && raw[i] == '+') {
    out += '+';
    ++i;
  }
  bool open = false;
  for (; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c >= '0' && c <= '9') {
      if (open && c == '0' && i + 1 < raw.size() && raw[i + 1] == ')' && raw[i - 1] == '(') {
        return {};  // "(0)": a trunk prefix written inside an international number
      }
      out += c;
    } else if (c == '(') {
      open = true;
    } else if (c == ')') {
      open = false;
    } else if (c != ' ' && c != '-' && c != '.' && c != '/') {
      return {};
    }
  }
  return out.size() > (out[0] == '+' ? 1u : 0u) ? out : std::string();
}

// Placeholder numbers people type into forms: 7 equal digits in a row, 7 consecutive digits up
// or down, the North American 555-01xx range reserved for fiction, or too few digits.
std::string JunkReason(const std::string& national, int country_code) {
  if (national.size() < 7) return "fewer than 7 digits";
  int same = 1, up = 1, down = 1;
  for (std::size_t i = 1; i < national.size(); ++i) {
    same = national[i] == national[i - 1] ? same + 1 : 1;
    up = national[i] == national[i - 1] + 1 ? up + 1 : 1;
    down = national[i] == national[i - 1] - 1 ? down + 1 : 1;
    if (same >= 7) return "7 or more equal digits";
    if (up >= 7 || down >= 7) return "7 or more consecutive digits";
  }
  if (country_code == 1 && national.size() == 10 && national.compare(3, 4, "5550") == 0 &&
      national[7] == '1') {
    return "a 555-01xx number, reserved for fiction";
  }
  return {};
}

class PhoneRule final : public Rule {
 public:
  explicit PhoneRule(const Options& o)
      : field_(o.Field("field")),
        region_from_(o.Field("region_from")),
        default_region_(o.String("default_region")),
        extension_to_(OptionalField(o, "extension_to")),
        type_to_(OptionalField(o, "type_to")),
        valid_to_(OptionalField(o, "valid_to")) {
    const std::string& format = o.String("format");
    format_ = format == "national"        ? PhoneNumberUtil::NATIONAL
              : format == "international" ? PhoneNumberUtil::INTERNATIONAL
                                          : PhoneNumberUtil::E164;
    for (char& c : default_region_)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    PhoneNumber example;
    if (!default_region_.empty() &&
        (default_region_.size() != 2 || !Util().GetExampleNumber(default_region_, &example))) {
      o.Fail("default_region", "\"" + default_region_ + "\" is not an ISO 3166-1 alpha-2 region");
    }
  }

  void Apply(Record& record) const override {
    const Value& value = record.Get(field_);
    if (value.kind() != Value::Kind::kText || value.empty()) return;
    const Parsed& p = Parse(std::string(value.view()), RegionOf(record));
    if (!p.flag_code.empty()) record.AddFlag(field_, index(), p.flag_code, p.flag_message);
    if (p.number.empty()) return;
    std::string out = p.number;
    if (!p.extension.empty()) {
      if (extension_to_) {
        record.Set(*extension_to_, Value::Text(p.extension), index());
      } else {
        out += " ext. " + p.extension;
      }
    }
    record.Set(field_, Value::Text(std::move(out)), index());
    if (type_to_) record.Set(*type_to_, Value::Text(p.type), index());
    if (valid_to_) record.Set(*valid_to_, Value::Text(p.valid ? "true" : "false"), index());
  }

 private:
  static std::optional<FieldId> OptionalField(const Options& o, std::string_view key) {
    if (!o.Has(key)) return std::nullopt;
    return o.Field(key);
  }
  static const PhoneNumberUtil& Util() { return *PhoneNumberUtil::GetInstance(); }

  std::string RegionOf(const Record& record) const {
    const std::string_view country = record.Get(region_from_).view();
    if (country.size() == 2 && std::isalpha(static_cast<unsigned char>(country[0])) &&
        std::isalpha(static_cast<unsigned char>(country[1]))) {
      return {static_cast<char>(std::toupper(static_cast<unsigned char>(country[0]))),
              static_cast<char>(std::toupper(static_cast<unsigned char>(country[1])))};
    }
    return default_region_;
  }

  const Parsed& Parse(const std::string& raw, const std::string& region) const {
    auto& cache = cache_.local();
    if (cache.size() > 100000) cache.clear();  // bounded: prospects repeat few numbers
    const std::string compact = CompactDigits(raw);
    std::string key = compact.empty() ? raw : compact;
    key += '\x1f';
    key += region;
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    Parsed p;
    PhoneNumber number;
    const auto error = !compact.empty() && ParseCompactNumber(compact, region, &number)
                           ? PhoneNumberUtil::NO_PARSING_ERROR
                           : Util().Parse(compact.empty() ? Compatible(raw) : compact,
                                          region.empty() ? "ZZ" : region, &number);
    if (error == PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR && region.empty()) {
      p.flag_code = "phone.no_region";
      p.flag_message = "no country on the record and no default_region: not guessed";
    } else if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
      p.flag_code = "phone.invalid";
      p.flag_message = "not a phone number";
    } else {
      p = Classify(number);
      // "001 617 786 9545" on a US record: 00 dials abroad from most of the world but not from
      // the record's region (011 there), so the digits read as one long national number that is
      // not valid. Read from abroad (+1 617 786 9545) it is kept when that is valid.
      if (!p.valid && compact.size() > 2 && compact.starts_with("00")) {
        PhoneNumber abroad;
        const std::string plus = "+" + compact.substr(2);
        if (ParseCompactNumber(plus, "", &abroad) ||
            Util().Parse(plus, "ZZ", &abroad) == PhoneNumberUtil::NO_PARSING_ERROR) {
          if (Parsed retry = Classify(abroad); retry.valid) p = std::move(retry);
        }
      }
    }
    return cache.emplace(key, std::move(p)).first->second;
  }

  // What a parsed number comes to: junk, or its type, validity, extension and written form.
  Parsed Classify(PhoneNumber number) const {
    Parsed p;
    std::string national;
    Util().GetNationalSignificantNumber(number, &national);
    if (std::string junk = JunkReason(national, number.country_code()); !junk.empty()) {
      p.flag_code = "phone.junk";
      p.flag_message = junk;
      return p;
    }
    // The type answers validity too (IsValidNumber is GetNumberType != UNKNOWN), from patterns
    // compiled once per thread; GetNumberType answers what NumberType cannot.
    bool known = false;
    PhoneNumberUtil::PhoneNumberType type = NumberType(number, &known);
    if (!known) type = Util().GetNumberType(number);
    p.valid = type != PhoneNumberUtil::UNKNOWN;
    if (!p.valid) {
      p.flag_code = "phone.invalid";
      p.flag_message = "not a valid number for its region";
    }
    p.extension = number.extension();
    number.clear_extension();
    Util().Format(number, format_, &p.number);
    p.type = TypeName(type);
    return p;
  }

  FieldId field_;
  FieldId region_from_;
  std::string default_region_;
  std::optional<FieldId> extension_to_, type_to_, valid_to_;
  PhoneNumberUtil::PhoneNumberFormat format_;
  mutable tbb::enumerable_thread_specific<std::unordered_map<std::string, Parsed>> cache_;
};

}  // namespace

const RuleSpec& PhoneRuleSpec() {
  static const RuleSpec spec{
      "phone",
      1,
      "parse and format phone numbers (libphonenumber)",
      "For a text in `field`: the region is the record's `region_from` field when it holds an "
      "ISO alpha-2 code, else `default_region`; a number written with + or 00 needs neither, "
      "and a number with no region at all is flagged phone.no_region and left alone (never a "
      "silent US). The number is parsed with libphonenumber; placeholder numbers (7 equal or 7 "
      "consecutive digits, the North American 555-01xx fiction range, fewer than 7 digits) are "
      "flagged phone.junk and left alone. Otherwise it is written in `format` (E.164 by "
      "default: +14155550132), its extension (x22, ext. 22, #22) goes to `extension_to` or "
      "stays as \" ext. 22\", and `type_to` / `valid_to` receive the number type and validity. A "
      "number that parses but is not valid for its region is written and flagged "
      "phone.invalid, unless it was dialled from abroad with 00 where the region dials out "
      "otherwise (001 617 786 9545 on a US record) and is valid read that way. Results are cached "
      "per thread by (value, region); a number typed as digits "
      "and group punctuation shares its entry with every other spelling of the same digits, "
      "and is parsed and validated straight from libphonenumber's metadata (the same answer "
      "as PhoneNumberUtil::Parse and GetNumberType, about four times faster).",
      kOptions,
      [](const Options& o) -> std::unique_ptr<Rule> { return std::make_unique<PhoneRule>(o); }};
  return spec;
}

}  // namespace pdc
