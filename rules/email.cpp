// email: cleans an email address (wrapping, case, internationalised domain) and checks its
// syntax. An address that fails the check is kept and flagged, never cleared: people fix it.
// On request it also derives a provider-aware match key (Gmail's dots and '+', never on other
// domains, where they may tell two people apart), a medium-confidence key, the address class
// (disposable, role, free, corporate) and a typo suggestion, which is reported, never applied.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/domain.h"
#include "rules/email_domains.h"
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
    {"key_to", OptionType::kField, "", false,
     "write the provider-aware canonical key here (j.smith+x@gmail.com -> jsmith@gmail.com)"},
    {"secondary_key_to", OptionType::kField, "", false,
     "write the medium-confidence key here (jane+x@acme.com -> jane@acme.com)"},
    {"class_to", OptionType::kField, "", false,
     "write the class here: disposable, role, free or corporate"},
    {"allowlist", OptionType::kStrings, "[]", false,
     "domains (and their subdomains) never classed disposable, besides "
     "data/disposable_allowlist.txt"},
    {"typos", OptionType::kBool, "false", false,
     "flag a likely mistyped domain (email.typo, \"did you mean ...?\"); the value is kept"},
};

bool HasAsciiUpper(std::string_view s) {
  for (const char ch : s) {
    if (ch >= 'A' && ch <= 'Z') return true;
  }
  return false;
}

// `s` up to the first `c`, unless `c` is first (then there is nothing before it) or absent.
std::string_view CutAt(std::string_view s, char c) {
  const std::size_t at = s.find(c);
  return at == 0 || at == std::string_view::npos ? s : s.substr(0, at);
}

// What the options ask for besides the cleaned address; filled only for a valid address.
struct Derived {
  bool valid = false;
  std::string key;
  std::string secondary;
  std::string_view cls;
};

unsigned DataParts(const Options& o) {
  unsigned parts = 0;
  if (o.Has("key_to") || o.Has("secondary_key_to")) parts |= kEmailProviders;
  if (o.Has("class_to")) parts |= kEmailClasses;
  if (o.Bool("typos")) parts |= kEmailTypos | kEmailProviders;
  return parts;
}

std::optional<FieldId> OptionalField(const Options& o, std::string_view key) {
  if (!o.Has(key)) return std::nullopt;
  return o.Field(key);
}

// Immutable once built; Apply is safe from many threads (the IDNA instance is shared and const,
// the domain facts are cached per thread).
class EmailRule final : public Rule {
 public:
  explicit EmailRule(const Options& o)
      : field_(o.Field("field")),
        lowercase_local_(o.Bool("lowercase_local")),
        allow_utf8_local_(o.Bool("allow_utf8_local")),
        key_to_(OptionalField(o, "key_to")),
        secondary_key_to_(OptionalField(o, "secondary_key_to")),
        class_to_(OptionalField(o, "class_to")),
        typos_(o.Bool("typos")),
        parts_(DataParts(o)),
        facts_(parts_) {
    for (const std::string& entry : o.Strings("allowlist")) {
      const std::string_view trimmed = TrimInvisible(entry);
      std::string domain;
      std::string why = utf8::IsValid(entry) ? DomainToAscii(trimmed, domain) : "not UTF-8";
      if (why.empty()) why = CheckDomainName(domain);
      if (!why.empty()) o.Fail("allowlist", "\"" + entry + "\" is not a domain: " + why);
      allowlist_.insert(std::move(domain));
    }
    LoadEmailData(parts_);
  }

  void Apply(Record& record) const override {
    const Value* value = record.Find(field_);
    if (value == nullptr) return;
    const bool list = value->kind() == Value::Kind::kList;
    const bool derive = key_to_ || secondary_key_to_ || class_to_;
    Derived one;
    std::vector<Derived> items;  // one per list item
    RewriteValue(record, field_, *value, index(), [&](std::string_view in, std::string& out) {
      std::string why, typo;
      Derived derived;
      const bool changed = Clean(in, out, why, derived, typo);
      if (!why.empty()) record.AddFlag(field_, index(), "email.invalid", std::move(why));
      if (!typo.empty()) record.AddFlag(field_, index(), "email.typo", std::move(typo));
      if (derive) (list ? items.emplace_back() : one) = std::move(derived);
      return changed;
    });
    if (!derive) return;
    Write(record, key_to_, list, one, items, &Derived::key);
    Write(record, secondary_key_to_, list, one, items, &Derived::secondary);
    if (class_to_) {
      Write(record, class_to_, list, one, items, [](const Derived& d) { return d.cls; });
    }
  }

 private:
  // Writes what `get` gives for the valid address(es) to `to`: a text for a text, a list with
  // "" for the items without an address for a list. Nothing is written without a valid address.
  template <typename Get>
  void Write(Record& record, const std::optional<FieldId>& to, bool list, Derived& one,
             std::vector<Derived>& items, Get get) const {
    if (!to) return;
    if (!list) {
      if (one.valid) record.Set(*to, Value::Text(std::string(std::invoke(get, one))), index());
      return;
    }
    bool any = false;
    std::vector<std::string> texts;
    texts.reserve(items.size());
    for (Derived& d : items) {
      any = any || d.valid;
      texts.emplace_back(d.valid ? std::string(std::invoke(get, d)) : std::string());
    }
    if (any) record.Set(*to, Value::List(std::move(texts)), index());
  }

  // Fills `out` and returns true when `in` changes; sets `why` when the address is invalid. For
  // a valid address, fills `derived` as the options ask and `typo` with a suggestion.
  bool Clean(std::string_view in, std::string& out, std::string& why, Derived& derived,
             std::string& typo) const {
    if (in.empty()) return false;
    if (!utf8::IsValid(in)) {
      why = "not well-formed UTF-8";
      return false;
    }
    std::string_view v = TrimInvisible(in);
    if (v.empty()) return true;  // only white space: cleaned to empty, which is not an address
    v = UnwrapEmail(v);
    if (v.empty()) {
      why = "no address in the value";
      return false;
    }
    std::size_t ats = 0;
    const std::size_t at = FindEmailAt(v, ats);
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
    if (why.empty()) why = CheckLocalPart(local_out, allow_utf8_local_);
    if (why.empty()) why = CheckDomainName(domain_out);
    if (why.empty() && local_out.size() + 1 + domain_out.size() > kMaxEmailAddress) {
      why = "address longer than 254 octets";
    }
    if (why.empty() && parts_ != 0) Derive(local_out, domain_out, derived, typo);
    if (local_out.size() + 1 + domain_out.size() == in.size() && in.starts_with(local_out) &&
        in[local_out.size()] == '@' && in.ends_with(domain_out)) {
      return false;  // already clean: nothing built
    }
    out.reserve(local_out.size() + 1 + domain_out.size());
    out.append(local_out).append(1, '@').append(domain_out);
    return true;
  }

  // The keys, class and typo suggestion of a valid address (`domain` lower-case ASCII).
  void Derive(std::string_view local, std::string_view domain, Derived& d,
              std::string& typo) const {
    const DomainFacts& facts = facts_.Get(domain);
    if (typos_ && !facts.typo_fix.empty()) {
      typo.reserve(local.size() + facts.typo_fix.size() + 16);
      typo.append("did you mean ").append(local).append(1, '@').append(facts.typo_fix);
      typo.append(1, '?');
    }
    d.valid = true;
    std::string lower_buf;
    std::string_view lower = local;
    if (!lowercase_local_ && (HasAsciiUpper(local) || !utf8::IsAscii(local))) {
      AppendLower(local, lower_buf);
      lower = lower_buf;
    }
    const std::string_view key_domain = facts.key_domain.empty() ? domain : facts.key_domain;
    if (key_to_ || secondary_key_to_) {
      switch (facts.policy) {
        case MailboxPolicy::kDotsPlus:
          for (const char ch : CutAt(lower, '+')) {
            if (ch != '.') d.key.push_back(ch);
          }
          break;
        case MailboxPolicy::kPlus:
          d.key.assign(CutAt(lower, '+'));
          break;
        case MailboxPolicy::kSubdomain:
          d.key.assign(facts.key_local);
          break;
        case MailboxPolicy::kHyphen:
        case MailboxPolicy::kNone:
          d.key.assign(lower);
          break;
      }
      d.key.append(1, '@').append(key_domain);
    }
    if (secondary_key_to_) {
      // Medium confidence: '+' is a subaddress only where the server says so (RFC 5233), and
      // a Yahoo base name before '-' is usually, not always, the same person.
      const std::string_view base = facts.policy == MailboxPolicy::kNone     ? CutAt(lower, '+')
                                    : facts.policy == MailboxPolicy::kHyphen ? CutAt(lower, '-')
                                                                             : std::string_view();
      if (base.empty()) {
        d.secondary = d.key;
      } else {
        d.secondary.reserve(base.size() + 1 + key_domain.size());
        d.secondary.append(base).append(1, '@').append(key_domain);
      }
    }
    if (class_to_) {
      if (facts.disposable && !InDomainOrParents(allowlist_, domain)) {
        d.cls = "disposable";
      } else if (IsRoleLocalPart(lower)) {
        d.cls = "role";
      } else {
        d.cls = facts.free ? "free" : "corporate";
      }
    }
  }

  FieldId field_;
  bool lowercase_local_;
  bool allow_utf8_local_;
  std::optional<FieldId> key_to_, secondary_key_to_, class_to_;
  bool typos_;
  unsigned parts_;
  DomainSet allowlist_;
  DomainFactsCache facts_;
};

std::unique_ptr<Rule> MakeEmailRule(const Options& o) { return std::make_unique<EmailRule>(o); }

}  // namespace

const RuleSpec& EmailRuleSpec() {
  static const RuleSpec spec{
      "email",
      2,
      "clean an email address, flag invalid syntax and likely typos; derive its key and class",
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
      "not flagged; without exactly one '@' the case is left as typed.\n\n"
      "Derived fields (each only when its option is set; written only for a valid address, and "
      "for a list as a list with \"\" for the items without one): `key_to` gets the canonical "
      "key: the address with its local part lower-cased and the ASCII domain, then, for the "
      "providers of data/email_providers.tsv only: Google (gmail.com, googlemail.com -> "
      "gmail.com) drops every '.' and cuts at the first '+' (J.Smith+news@GMail.com -> "
      "jsmith@gmail.com); Microsoft consumer (outlook.*, hotmail.*, live.* under any public "
      "suffix, msn.com), Apple (icloud.com, me.com, mac.com), Proton (protonmail.com, "
      "protonmail.ch, proton.me, pm.me), Fastmail (fastmail.com, fastmail.fm), Yandex "
      "(yandex.*, ya.ru) and Zoho (zoho.com, zohomail.com) cut at the first '+' and keep "
      "dots; Fastmail subdomain addressing x@user.fastmail.com -> user@fastmail.com. Every "
      "other domain, corporate ones included, keeps its local part as typed (lower-cased): "
      "ignoring dots is a Gmail mailbox policy, and '+' is a subaddress only where the server "
      "is set up so (RFC 5233), so applying them elsewhere would merge different people "
      "(jane.doe+x@acme.com keeps the key jane.doe+x@acme.com). A '+' or '-' that starts the "
      "local part is never cut. `secondary_key_to` gets a medium-confidence key: for domains "
      "without a provider policy the key cut at the first '+' (jane.doe@acme.com); for Yahoo "
      "(yahoo.*, ymail.com, rocketmail.com) the key cut at the first '-', Yahoo's disposable "
      "address base name, which is only in this key since a base name can also be a plain "
      "hyphenated address; for the other providers the key itself. `class_to` gets one class, "
      "the first that applies: `disposable` when the domain is on "
      "data/disposable_email_domains.txt (exactly, or under a `*.domain` entry) and neither it "
      "nor a parent domain is on data/disposable_allowlist.txt or the `allowlist` option, "
      "since a throw-away mailbox is throw-away whatever its local part; `role` when the "
      "lower-cased local part cut at '+' is on data/role_local_parts.txt (info, sales, "
      "support, noreply, ...); `free` when the domain or its registrable domain is on "
      "data/free_email_domains.txt, or the domain or a parent is on "
      "data/disposable_allowlist.txt (personal mailboxes and privacy relays); else "
      "`corporate`. The `allowlist` option only keeps its domains from being `disposable`. With "
      "`typos`, a likely mistyped domain "
      "gets the flag `email.typo` \"did you mean j@gmail.com?\" and the value is left as it "
      "is: a mistyped ending is fixed first from data/email_typos.tsv (.con, .cmo, .comcom, a "
      "doubled .com.com -> .com), then a whole-domain typo from the same table (gmial.com, "
      "gmail.co, hotmial.com, yahooo.com, outlok.com), else, for a domain on none of the "
      "lists, a popular mail domain one edit away (one letter inserted, deleted, replaced or "
      "two neighbours swapped) with the same first letter. Domain facts are cached per thread.",
      kOptions,
      MakeEmailRule};
  return spec;
}

}  // namespace pdc
