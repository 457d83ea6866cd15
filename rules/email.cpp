// email: cleans an email address (wrapping, case, internationalised domain) and checks its
// syntax. An address that fails the check is kept and flagged, never cleared: people fix it.
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "rules/domain.h"
#include "rules/rule.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"field", OptionType::kField, "email", false, "the field holding the address"},
    {"lowercase_local", OptionType::kBool, "true", false,
     "lower-case the local part as well as the domain"},
    {"allow_utf8_local", OptionType::kBool, "true", false,
     "accept a non-ASCII local part (RFC 6531)"},
};

constexpr std::size_t kMaxLocal = 64, kMaxDomain = 253, kMaxAddress = 254, kMaxLabel = 63;

bool StartsWithNoCase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (ToLower(static_cast<unsigned char>(s[i])) != static_cast<char32_t>(lower_prefix[i])) {
      return false;
    }
  }
  return true;
}

bool HasAsciiUpper(std::string_view s) {
  for (const char ch : s) {
    if (ch >= 'A' && ch <= 'Z') return true;
  }
  return false;
}

// RFC 5322 atext, the characters of a dot-atom besides the dots.
bool IsAtext(char ch) {
  if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) {
    return true;
  }
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(ch) != std::string_view::npos;
}

bool IsLdh(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '-';
}

// A character for a message: 'x' when printable ASCII, else its code point.
std::string Describe(char32_t c) {
  if (c == ' ') return "a space";
  if (c > 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

// Why `local` is not a dot-atom local part; empty when it is.
std::string CheckLocal(std::string_view local, bool allow_utf8) {
  if (local.empty()) return "local part is empty";
  if (local.size() > kMaxLocal) return "local part longer than 64 octets";
  if (local.size() >= 2 && local.front() == '"' && local.back() == '"') {
    return "quoted local part is not accepted";
  }
  if (local.front() == '.') return "local part starts with a dot";
  if (local.back() == '.') return "local part ends with a dot";
  if (local.find("..") != std::string_view::npos) return "local part has consecutive dots";
  for (std::size_t i = 0; i < local.size();) {
    const char32_t c = utf8::Next(local, i);
    if (c < 0x80) {
      if (c != '.' && !IsAtext(static_cast<char>(c))) return "local part contains " + Describe(c);
    } else if (!allow_utf8) {
      return "local part contains non-ASCII " + Describe(c);
    } else if ((IsWhiteSpace(c) || IsInvisible(c))) {
      return "local part contains " + Describe(c);
    }
  }
  return {};
}

// Why ASCII `domain` is not a host name of two or more LDH labels; empty when it is.
std::string CheckDomain(std::string_view domain) {
  if (domain.empty()) return "domain is empty";
  if (domain.size() > kMaxDomain) return "domain longer than 253 octets";
  if (domain.front() == '[') return "domain literal (an address in brackets) is not accepted";
  std::size_t dots = 0;
  std::string_view label;
  for (std::size_t start = 0;; ++dots) {
    const std::size_t dot = domain.find('.', start);
    label = domain.substr(start, dot - start);
    if (label.empty()) return "domain has an empty label";
    if (label.size() > kMaxLabel) return "domain label longer than 63 octets";
    for (const char ch : label) {
      if (!IsLdh(ch)) return "domain contains " + Describe(static_cast<unsigned char>(ch));
    }
    if (label.front() == '-') return "domain label starts with '-'";
    if (label.back() == '-') return "domain label ends with '-'";
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (dots == 0) return "domain has only one label";
  if (label.find_first_not_of("0123456789") == std::string_view::npos) {
    return "top-level domain is all digits";
  }
  return {};
}

// Immutable once built; Apply is safe from many threads (the IDNA instance is shared and const).
class EmailRule final : public Rule {
 public:
  explicit EmailRule(const Options& o)
      : field_(o.Field("field")),
        lowercase_local_(o.Bool("lowercase_local")),
        allow_utf8_local_(o.Bool("allow_utf8_local")) {}

  void Apply(Record& record) const override {
    RewriteTexts(record, field_, index(), [&](std::string_view in, std::string& out) {
      std::string why;
      const bool changed = Clean(in, out, why);
      if (!why.empty()) record.AddFlag(field_, index(), "email.invalid", std::move(why));
      return changed;
    });
  }

 private:
  // Fills `out` and returns true when `in` changes; sets `why` when the address is invalid.
  bool Clean(std::string_view in, std::string& out, std::string& why) const {
    if (in.empty()) return false;
    if (!utf8::IsValid(in)) {
      why = "not well-formed UTF-8";
      return false;
    }
    std::string_view v = TrimInvisible(in);
    if (v.empty()) return true;  // only white space: cleaned to empty, which is not an address
    // "John Doe <jd@x.com>" and "<jd@x.com>": the address is in the last brackets.
    if (v.back() == '>') {
      if (const std::size_t lt = v.rfind('<'); lt != std::string_view::npos) {
        v = TrimInvisible(v.substr(lt + 1, v.size() - lt - 2));
      }
    }
    if (StartsWithNoCase(v, "mailto:")) {
      v = v.substr(v.find(':') + 1);
      v = TrimInvisible(
          v.substr(0, v.find('?')));  // a mailto URI's headers (?subject=...) are no address
    }
    if (v.empty()) {
      why = "no address in the value";
      return false;
    }
    // The unquoted '@'s: "a@b"@c.com has one.
    std::size_t at = std::string_view::npos, ats = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i] == '\\' && quoted) {
        ++i;
      } else if (v[i] == '"') {
        quoted = !quoted;
      } else if (v[i] == '@' && !quoted) {
        ++ats;
        at = i;
      }
    }
    if (ats != 1) {
      why = ats == 0 ? "no '@'" : "more than one '@'";
      if (v == in) return false;
      out.assign(v);  // unwrapped and trimmed, but no case change without a known domain
      return true;
    }
    const std::string_view local = v.substr(0, at);
    std::string_view domain = v.substr(at + 1);
    if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);  // the DNS root

    std::string local_buf;
    std::string_view local_out = local;
    if (lowercase_local_ && (HasAsciiUpper(local) || !utf8::IsAscii(local))) {
      AppendLower(local, local_buf);
      local_out = local_buf;
    }
    std::string domain_buf;
    std::string_view domain_out = domain;
    if (!NeedsIdna(domain)) {
      if (HasAsciiUpper(domain)) {
        AppendLower(domain, domain_buf);
        domain_out = domain_buf;
      }
    } else {
      why = DomainToAscii(domain, domain_buf);
      domain_out = domain_buf;
    }
    if (why.empty()) why = CheckLocal(local_out, allow_utf8_local_);
    if (why.empty()) why = CheckDomain(domain_out);
    if (why.empty() && local_out.size() + 1 + domain_out.size() > kMaxAddress) {
      why = "address longer than 254 octets";
    }
    if (local_out.size() + 1 + domain_out.size() == in.size() && in.starts_with(local_out) &&
        in[local_out.size()] == '@' && in.ends_with(domain_out)) {
      return false;  // already clean: nothing built
    }
    out.reserve(local_out.size() + 1 + domain_out.size());
    out.append(local_out).append(1, '@').append(domain_out);
    return true;
  }

  FieldId field_;
  bool lowercase_local_;
  bool allow_utf8_local_;
};

std::unique_ptr<Rule> MakeEmailRule(const Options& o) { return std::make_unique<EmailRule>(o); }

}  // namespace

const RuleSpec& EmailRuleSpec() {
  static const RuleSpec spec{
      "email",
      1,
      "clean an email address and flag it when its syntax is invalid",
      "For each text of `field` (list items one by one; empty, null and JSON values untouched): "
      "white space and invisible characters are trimmed from both ends; a display name and "
      "angle brackets are removed (John Doe <JD@X.com> -> JD@X.com, then cased as below); a "
      "leading `mailto:` (any case) and any ?query after it are removed. With exactly one "
      "unquoted '@', the domain is lower-cased, converted to ASCII with UTS #46 (nontransitional; "
      "josé@bücher.de -> josé@xn--bcher-kva.de) and loses one trailing dot; with "
      "`lowercase_local` the local part is lower-cased too (Unicode simple case mapping). The "
      "result is then checked: the local part is a dot-atom of 1..64 octets (RFC 5322 atext and "
      "dots, no dot first, last or doubled; non-ASCII only with `allow_utf8_local`, and never "
      "white space or invisible characters); the domain is at most 253 octets of two or more "
      "labels, each 1..63 letters, digits and hyphens, not starting or ending with '-', the last "
      "not all digits; the whole address is at most 254 octets. Quoted local parts and domain "
      "literals are not accepted. An address that fails is never cleared: the cleaned value (or, "
      "when no address could be found, the value as it was) is kept, and the record gets the "
      "flag `email.invalid` with the reason. A value of white space only becomes empty and is "
      "not flagged; without exactly one '@' the case is left as typed.",
      kOptions,
      MakeEmailRule};
  return spec;
}

}  // namespace pdc
