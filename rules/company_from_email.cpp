// company_from_email: a corporate email address names its company: the registrable domain of
// j@mail.acme.co.uk (acme.co.uk) is the company's website, and its first label a guess at the
// company's name. Free-mail, disposable and mistyped domains name no company and are skipped.
#include <unicode/bytestream.h>
#include <unicode/idna.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "rules/email_domains.h"
#include "rules/rule.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"field", OptionType::kField, "email", false, "the field holding the address"},
    {"website_to", OptionType::kField, "website", false,
     "write the registrable domain here (j@mail.acme.co.uk -> acme.co.uk)"},
    {"company_to", OptionType::kField, "", false,
     "write a guess at the company name here (acme-widgets.com -> Acme Widgets)"},
    {"overwrite", OptionType::kBool, "false", false,
     "replace values already there (default: fill only empty or null fields)"},
};

// UTS #46 to Unicode, for showing a punycode label as the company wrote it. Immutable and safe
// to share between threads.
const icu::IDNA& Uts46() {
  static const std::unique_ptr<icu::IDNA> idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::IDNA> made(icu::IDNA::createUTS46Instance(
        UIDNA_USE_STD3_RULES | UIDNA_NONTRANSITIONAL_TO_UNICODE, status));
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU IDNA unavailable: ") + u_errorName(status));
    }
    return made;
  }();
  return *idna;
}

// "acme-widgets" -> "Acme Widgets"; "xn--bcher-kva" -> "Bücher". Each hyphen-separated word gets
// its first letter in title case; the rest stays as the domain has it (lower case).
std::string CompanyGuess(std::string_view label) {
  std::string unicode;
  if (label.starts_with("xn--")) {
    icu::StringByteSink<std::string> sink(&unicode);
    icu::IDNAInfo info;
    UErrorCode status = U_ZERO_ERROR;
    Uts46().labelToUnicodeUTF8(icu::StringPiece(label.data(), static_cast<int32_t>(label.size())),
                               sink, info, status);
    if (U_FAILURE(status) || info.hasErrors() || !utf8::IsValid(unicode)) {
      unicode.assign(label);
    }
    label = unicode;
  }
  std::string out;
  out.reserve(label.size());
  bool word_start = true;
  for (std::size_t i = 0; i < label.size();) {
    const char32_t c = utf8::Next(label, i);
    if (c == '-') {
      if (!word_start) out.push_back(' ');
      word_start = true;
      continue;
    }
    utf8::Append(out, word_start ? ToTitle(c) : c);
    word_start = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

class CompanyFromEmailRule final : public Rule {
 public:
  explicit CompanyFromEmailRule(const Options& o)
      : field_(o.Field("field")),
        website_to_(o.Field("website_to")),
        company_to_(o.Has("company_to") ? std::optional<FieldId>(o.Field("company_to"))
                                        : std::nullopt),
        overwrite_(o.Bool("overwrite")),
        facts_(kParts) {
    LoadEmailData(kParts);
  }

  void Apply(Record& record) const override {
    const bool website = overwrite_ || record.Get(website_to_).empty();
    const bool company = company_to_ && (overwrite_ || record.Get(*company_to_).empty());
    if (!website && !company) return;
    const Value& value = record.Get(field_);
    std::string domain;
    const DomainFacts* facts = nullptr;
    if (value.kind() == Value::Kind::kText) {
      facts = Corporate(value.view(), domain);
    } else if (value.kind() == Value::Kind::kList) {
      for (const std::string& item : value.items()) {  // the first corporate address
        if ((facts = Corporate(item, domain)) != nullptr) break;
      }
    }
    if (facts == nullptr) return;
    const std::string& registrable = facts->registrable;
    if (company) {
      record.Set(*company_to_,
                 Value::Text(CompanyGuess(registrable.substr(0, registrable.find('.')))), index());
    }
    if (website) record.Set(website_to_, Value::Text(registrable), index());
  }

 private:
  static constexpr unsigned kParts = kEmailProviders | kEmailClasses | kEmailTypos;

  // The facts of a valid address at a company's domain, else null.
  const DomainFacts* Corporate(std::string_view raw, std::string& domain) const {
    if (!ValidEmailDomain(raw, domain)) return nullptr;
    const DomainFacts& facts = facts_.Get(domain);
    if (facts.free || facts.disposable || facts.policy != MailboxPolicy::kNone ||
        !facts.typo_fix.empty() || facts.registrable.empty()) {
      return nullptr;
    }
    return &facts;
  }

  FieldId field_;
  FieldId website_to_;
  std::optional<FieldId> company_to_;
  bool overwrite_;
  DomainFactsCache facts_;
};

}  // namespace

const RuleSpec& CompanyFromEmailRuleSpec() {
  static const RuleSpec spec{
      "company_from_email",
      1,
      "fill the website (and a company name guess) from a corporate email domain",
      "Reads the address in `field` (a text, or the first item of a list that qualifies) the "
      "way the `email` rule checks it: trimmed, display name, brackets and mailto: removed, "
      "exactly one '@', a valid local part and a valid domain (converted to ASCII with UTS "
      "#46). An invalid address does nothing. The domain must be corporate: not free mail (on "
      "data/free_email_domains.txt itself or by its registrable domain, or under a personal "
      "mailbox service of data/disposable_allowlist.txt), not disposable (on "
      "data/disposable_email_domains.txt), not a "
      "mailbox provider of data/email_providers.tsv, not a likely typo the `email` rule would "
      "flag (gmail.con, acme.con) and not itself a public suffix. A role address (info@, "
      "sales@, ...) at a corporate domain counts: it is no person's identity, but it does name "
      "the company. `website_to` (default `website`) gets the registrable domain from the "
      "Public Suffix List (j@mail.acme.co.uk -> acme.co.uk; punycode for international "
      "domains). `company_to`, when set, gets a guess at the company name: the first label of "
      "the registrable domain, shown in Unicode, hyphens as spaces, each word's first letter in "
      "title case (acme-widgets.com -> Acme Widgets, xn--bcher-kva.de -> Bücher); it is only a "
      "guess (ibm.com gives Ibm), meant to fill a blank, not to replace a real name. Without "
      "`overwrite` only empty or null targets are filled.",
      kOptions,
      [](const Options& o) -> std::unique_ptr<Rule> {
        return std::make_unique<CompanyFromEmailRule>(o);
      }};
  return spec;
}

}  // namespace pdc
