// Email addresses: corporate conventions, consumer and disposable mailboxes, role accounts, and the
// ways addresses get mangled on their way into a CRM (mailto:, brackets, display names, domain
// typos, plus tags, moved Gmail dots, broken syntax).
#include <algorithm>
#include <string>

#include "samples/generate_internal.h"

namespace pdc::generate {
namespace {

constexpr std::string_view kRoleLocals[] = {
    "info",  "sales",   "contact", "office", "hello", "marketing",
    "admin", "support", "billing", "hr",     "team",  "enquiries",
};
constexpr std::string_view kPlusTags[] = {
    "news", "newsletter", "pardot",  "work", "promo", "2024",
    "sf",   "events",     "webinar", "spam", "shop",  "crm",
};

// Misspellings of common consumer domains, as seen in form fills ('|' list after the domain).
constexpr std::string_view kDomainTypos[] = {
    "gmail.com|gmial.com|gmail.con|gmai.com|gmail.co|gmaill.com|gnail.com|gmail.comcom",
    "hotmail.com|hotmial.com|hotmail.con|hotmal.com|hotmail.co",
    "yahoo.com|yaho.com|yahoo.con|yahooo.com",
    "outlook.com|outlok.com|outlook.con|outllok.com",
    "icloud.com|iclod.com|icloud.con",
    "web.de|wed.de|web.dee",
    "hotmail.co.uk|hotmail.co|hotmail.couk",
};

std::string_view DomainOf(std::string_view address) {
  const size_t at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view() : address.substr(at + 1);
}

// Replaces the domain of `address` with a typo, or returns false when none applies.
bool TypoDomain(Random& rng, std::string& address) {
  const size_t at = address.rfind('@');
  if (at == std::string::npos) return false;
  const std::string_view domain = std::string_view(address).substr(at + 1);
  for (std::string_view typos : kDomainTypos) {
    if (Alternative(typos, 0) == domain) {
      const std::string replacement(
          Alternative(typos, 1 + rng.Below(CountAlternatives(typos) - 1)));
      address.replace(at + 1, std::string::npos, replacement);
      return true;
    }
  }
  if (domain.ends_with(".com")) {
    static constexpr std::string_view kEndings[] = {".con", ".cm", ".comcom", ".com.com", ".co"};
    address.replace(address.size() - 4, 4, rng.Pick(kEndings));
    return true;
  }
  return false;
}

// Breaks the syntax the way real bad rows are broken.
void MakeInvalid(Random& rng, std::string& address) {
  const size_t at = address.find('@');
  if (at == std::string::npos || at == 0) return;
  switch (rng.Below(5)) {
    case 0:
      address.erase(at, 1);  // missing @
      break;
    case 1:
      address.replace(at, 1, " at ");
      break;
    case 2:
      InsertText(address, at > 1 ? at / 2 : 1, "..");  // consecutive dots in the local part
      break;
    case 3:
      InsertText(address, at > 1 ? at / 2 : 1, " ");  // a space inside
      break;
    default:
      InsertText(address, at, rng.Chance(0.5) ? "." : "@");  // trailing dot or doubled @
      break;
  }
}

}  // namespace

std::string LocalPart(int pattern, std::string_view first, std::string_view last) {
  if (first.empty()) first = "user";
  if (last.empty()) last = first;
  std::string local;
  switch (pattern) {
    case 0:
      local.append(first).append(".").append(last);
      break;
    case 1:
      local.append(first.substr(0, 1)).append(last);
      break;
    case 2:
      local.append(first);
      break;
    case 3:
      local.append(first).append(last.substr(0, 1));
      break;
    case 4:
      local.append(first).append("_").append(last);
      break;
    case 5:
      local.append(first.substr(0, 1)).append(".").append(last);
      break;
    case 6:
      local.append(last).append(".").append(first);
      break;
    case 7:
      local.append(first).append(last);
      break;
    default:
      local.append(last).append(first.substr(0, 1));
      break;
  }
  return local;
}

std::string FreeMailAddress(Random& rng, const Region& region, std::string_view first,
                            std::string_view last) {
  static constexpr int kPatternWeights[kLocalPatterns] = {30, 12, 10, 5, 8, 5, 5, 15, 4};
  std::string address = LocalPart(static_cast<int>(rng.Weighted(kPatternWeights)), first, last);
  const double digits = rng.Unit();
  if (digits < 0.25) {
    address += std::to_string(rng.Between(60, 99));  // birth-year style: jsmith84
  } else if (digits < 0.35) {
    address += std::to_string(rng.Between(1960, 2004));
  } else if (digits < 0.5) {
    address += std::to_string(rng.Between(1, 999));
  }
  address += '@';
  const std::string_view domains = region.free_mail;
  if (rng.Chance(0.4) && domains.find("gmail.com") != std::string_view::npos) {
    address += "gmail.com";
  } else if (rng.Chance(0.04)) {
    address += rng.Chance(0.5) ? "proton.me" : "googlemail.com";
  } else {
    address += Alternative(domains, rng.Below(CountAlternatives(domains)));
  }
  return address;
}

std::string RoleAddress(Random& rng, const Region& region, std::string_view domain) {
  std::string address(region.iso2 == "DE" && rng.Chance(0.4) ? "kontakt" : rng.Pick(kRoleLocals));
  return address.append("@").append(domain);
}

std::string DisposableAddress(Random& rng, std::string_view first, std::string_view last) {
  std::string address = LocalPart(static_cast<int>(rng.Below(kLocalPatterns)), first, last);
  if (rng.Chance(0.5)) address += std::to_string(rng.Between(1, 9999));
  return address.append("@").append(rng.Pick(DisposableDomains()));
}

std::string PlusTagged(Random& rng, std::string_view address) {
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos) return std::string(address) + "+" + "x";
  const size_t plus = address.substr(0, at).find('+');
  std::string tagged(address.substr(0, std::min(plus, at)));
  std::string_view tag = rng.Pick(kPlusTags);
  if (plus != std::string_view::npos && address.substr(plus + 1, at - plus - 1) == tag) {
    tag = "alt";
  }
  return tagged.append("+").append(tag).append(address.substr(at));
}

bool IsGmail(std::string_view address) {
  const std::string_view domain = DomainOf(address);
  return domain == "gmail.com" || domain == "googlemail.com";
}

std::string GmailDotVariant(Random& rng, std::string_view address) {
  const size_t at = address.rfind('@');
  std::string bare;
  for (char c : address.substr(0, at)) {
    if (c != '.') bare += c;
  }
  std::string variant;
  for (int attempt = 0; attempt < 8; ++attempt) {
    variant = bare;
    const uint64_t dots = bare.size() < 3 ? 0 : 1 + rng.Below(2);
    for (uint64_t d = 0; d < dots; ++d) {
      const size_t position = 1 + rng.Below(variant.size() - 1);
      if (variant[position] != '.' && variant[position - 1] != '.') {
        InsertText(variant, position, ".");
      }
    }
    const bool other_domain = rng.Chance(0.3);
    variant += '@';
    variant += other_domain ? (DomainOf(address) == "gmail.com" ? "googlemail.com" : "gmail.com")
                            : DomainOf(address);
    if (variant != address) return variant;
  }
  return PlusTagged(rng, address);
}

void RenderEmail(Random& rng, std::string_view address, bool light, std::string_view display_name,
                 std::string& out) {
  std::string value(address);
  if (!light) {
    const double structural = rng.Unit();
    if (structural < 0.012) {
      TypoDomain(rng, value);
    } else if (structural < 0.017) {
      MakeInvalid(rng, value);
    }
  }
  const double casing = rng.Unit();
  if (casing < 0.025) {
    std::string upper;
    AppendCase(value, true, upper);
    value = std::move(upper);
  } else if (casing < 0.06) {
    // "Jane.Smith@Acme.com": each letter after a separator capitalized.
    bool start = true;
    for (char& c : value) {
      if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
      start = (c == '.' || c == '@' || c == '_' || c == '-');
    }
  }
  out.clear();
  const double wrapping = light ? 1.0 : rng.Unit();
  if (wrapping < 0.004) {
    out += rng.Chance(0.8) ? "mailto:" : "MAILTO:";
    out += value;
  } else if (wrapping < 0.008) {
    out.append("<").append(value).append(">");
  } else if (wrapping < 0.016 && !display_name.empty()) {
    out.append(display_name).append(" <").append(value).append(">");
  } else {
    out += value;
  }
  if (rng.Chance(0.02)) {
    const uint64_t kind = rng.Below(4);
    if (kind == 0 || kind == 2) InsertText(out, 0, " ");
    if (kind == 1 || kind == 2) out += ' ';
    if (kind == 3) out += '\t';
  }
}

}  // namespace pdc::generate
