// Phone numbers: drawing national numbers from a country's ranges and writing them the ways people
// type them ("(415) 555-0132", "+44 (0)20 7946 0958", "0049 30 12345678", "415.555.0132").
#include <string>

#include "samples/generate_internal.h"

namespace pdc::generate {

PhoneNumber DrawPhone(KeyedRandom& rng, const PhonePlan& plan, const NumberRange& range) {
  PhoneNumber number{&plan, &range, std::string(range.area)};
  if (plan.nanp) {
    // The 555-0100..0199 block is reserved for fiction; other 555 and N11 exchanges are either
    // directory services or look fake, so real-looking data avoids them.
    if (rng.Chance(0.01)) {
      number.digits += "55501";
      number.digits += rng.Digit();
      number.digits += rng.Digit();
      return number;
    }
    std::string exchange;
    do {
      exchange.assign(1, static_cast<char>('2' + rng.Below(8)));
      exchange += rng.Digit();
      exchange += rng.Digit();
    } while (exchange == "555" || (exchange[1] == '1' && exchange[2] == '1'));
    number.digits += exchange;
    for (int i = 0; i < 4; ++i) number.digits += rng.Digit();
    return number;
  }
  const std::string_view first = range.first_digits;
  number.digits += first[rng.Below(first.size())];
  for (int i = 1; i < range.subscriber_digits; ++i) number.digits += rng.Digit();
  return number;
}

namespace {

// Splits the national number into the range's groups; the last group takes any remainder.
int SplitGroups(const PhoneNumber& number, std::string_view groups[8]) {
  const std::string_view digits = number.digits;
  size_t at = 0;
  int count = 0;
  for (size_t i = 0; i < number.range->groups.size() && at < digits.size() && count < 8; ++i) {
    const size_t size = static_cast<size_t>(number.range->groups[i] - '0');
    const bool last = i + 1 == number.range->groups.size();
    groups[count++] = digits.substr(at, last ? std::string_view::npos : size);
    at += size;
  }
  if (count == 0) groups[count++] = digits;
  return count;
}

void AppendRest(std::string_view groups[8], int count, char separator, std::string& out) {
  for (int i = 1; i < count; ++i) {
    if (i > 1) out += separator;
    out += groups[i];
  }
}

}  // namespace

void FormatPhone(const PhoneNumber& number, PhoneFormat format, std::string& out) {
  if (number.plan == nullptr) return;
  const PhonePlan& plan = *number.plan;
  const NumberRange& range = *number.range;
  const std::string_view trunk = range.trunk ? plan.trunk : std::string_view();
  std::string_view groups[8];
  const int count = SplitGroups(number, groups);
  auto national = [&](char first_separator, char separator) {
    out += trunk;
    out += groups[0];
    if (count > 1) out += first_separator;
    AppendRest(groups, count, separator, out);
  };
  auto international = [&](std::string_view prefix, char code_separator, char first_separator,
                           char separator) {
    out += prefix;
    out += plan.country_code;
    out += code_separator;
    out += groups[0];
    if (count > 1) out += first_separator;
    AppendRest(groups, count, separator, out);
  };
  auto parenthesized = [&](char separator) {
    // "(020) 7946 0958" where the trunk is 0 or absent; "8 (495) 123-45-67" otherwise.
    if (trunk.empty() || trunk == "0") {
      out += '(';
      out += trunk;
    } else {
      out += trunk;
      out += " (";
    }
    out += groups[0];
    out += ") ";
    AppendRest(groups, count, separator, out);
  };

  switch (format) {
    case PhoneFormat::kNational:
      if (range.parens) {
        parenthesized(plan.separator);
      } else {
        national(plan.area_separator, plan.separator);
      }
      break;
    case PhoneFormat::kInternational:
      international("+", ' ', plan.area_separator, plan.separator);
      break;
    case PhoneFormat::kE164:
      out += '+';
      out += plan.country_code;
      out += number.digits;
      break;
    case PhoneFormat::kNationalDigits:
      out += trunk;
      out += number.digits;
      break;
    case PhoneFormat::kDots:
      national('.', '.');
      break;
    case PhoneFormat::kDashes:
      national('-', '-');
      break;
    case PhoneFormat::kDoubleZero:
      international("00", ' ', ' ', ' ');
      break;
    case PhoneFormat::kInternationalTrunk:
      if (trunk == "0") {
        out += '+';
        out += plan.country_code;
        out += " (0)";
        out += groups[0];
        if (count > 1) out += ' ';
        AppendRest(groups, count, ' ', out);
      } else {
        international("+", ' ', ' ', ' ');
      }
      break;
    case PhoneFormat::kParens:
      parenthesized(' ');
      break;
    case PhoneFormat::kDashedInternational:
      if (plan.nanp) {
        out += "1-";
        national('-', '-');
      } else {
        international("+", '-', '-', '-');
      }
      break;
    case PhoneFormat::kCount:
      break;
  }
}

}  // namespace pdc::generate
