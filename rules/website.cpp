// website: a company website reduced to its domain: scheme, user, port, path, query, fragment
// and "www." go; the host goes to ASCII (UTS #46); by default only the registrable domain
// (eTLD+1, from the Public Suffix List) stays. A value that is no website is flagged, not cleared.
#include <string>
#include <string_view>

#include "rules/domain.h"
#include "rules/rule.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"field", OptionType::kField, "website", false, "the field holding the website"},
    {"to", OptionType::kField, "", false, "write the result here instead (default: `field`)"},
    {"keep", OptionType::kChoice, "domain", false,
     "domain: the registrable domain (shop.acme.co.uk -> acme.co.uk); host: the whole host",
     "domain|host"},
};

// The host part of a URL or bare host name, with scheme, user, port and path removed.
std::string_view HostOf(std::string_view url) {
  if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
    bool is_scheme = scheme > 0;
    for (std::size_t i = 0; i < scheme; ++i) {
      const char c = url[i];
      is_scheme =
          is_scheme && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')));
    }
    if (is_scheme) url.remove_prefix(scheme + 3);
  } else if (url.starts_with("//")) {
    url.remove_prefix(2);
  }
  url = url.substr(0, url.find_first_of("/?#\\"));
  if (const auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  if (const auto colon = url.rfind(':'); colon != std::string_view::npos)
    url = url.substr(0, colon);
  while (!url.empty() && url.back() == '.') url.remove_suffix(1);
  return url;
}

// Why an ASCII host is no website's host, or "".
std::string CheckHost(std::string_view host) {
  if (host.empty()) return "no host name";
  if (host.find('.') == std::string_view::npos) return "host has no dot";
  std::size_t label = 0;
  for (std::size_t i = 0; i <= host.size(); ++i) {
    if (i == host.size() || host[i] == '.') {
      if (label == 0) return "host has an empty label";
      if (label > 63) return "host label longer than 63 characters";
      if (host[i - 1] == '-' || host[i - label] == '-') return "host label starts or ends with '-'";
      label = 0;
      continue;
    }
    const char c = host[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return std::string("host contains '") + c + "'";
    }
    ++label;
  }
  return {};
}

class WebsiteRule final : public Rule {
 public:
  explicit WebsiteRule(const Options& o)
      : field_(o.Field("field")),
        to_(o.Has("to") ? o.Field("to") : o.Field("field")),
        registrable_(o.String("keep") == "domain") {}

  void Apply(Record& record) const override {
    const Value& value = record.Get(field_);
    if (value.kind() != Value::Kind::kText || value.empty()) return;
    const std::string_view raw = value.view();
    if (!utf8::IsValid(raw)) {
      record.AddFlag(field_, index(), "website.invalid", "not well-formed UTF-8");
      return;
    }
    std::string host;
    std::string why = DomainToAscii(HostOf(TrimInvisible(raw)), host);
    if (why.empty()) {
      // "www." (and www2., www3. ...) name a web server, not the company's domain.
      if (host.size() > 4 && host.starts_with("www")) {
        std::size_t dot = 3;
        while (dot < host.size() && host[dot] >= '0' && host[dot] <= '9') ++dot;
        if (dot < host.size() && host[dot] == '.') host.erase(0, dot + 1);
      }
      why = CheckHost(host);
    }
    if (why.empty() && registrable_) {
      std::string domain = RegistrableDomain(host);
      if (domain.empty()) {
        why = "\"" + host + "\" is a public suffix, not a registrable domain";
      } else {
        host = std::move(domain);
      }
    }
    if (!why.empty()) {
      record.AddFlag(field_, index(), "website.invalid", why);
      return;
    }
    record.Set(to_, Value::Text(std::move(host)), index());
  }

 private:
  FieldId field_;
  FieldId to_;
  bool registrable_;
};

}  // namespace

const RuleSpec& WebsiteRuleSpec() {
  static const RuleSpec spec{
      "website",
      1,
      "reduce a website to its domain",
      "For a text in `field`: white space and invisible characters are trimmed; the scheme "
      "(https://, or a leading //), user, port, path, query and fragment are removed; the host "
      "is lower-cased and converted to ASCII with UTS #46 (bücher.de -> xn--bcher-kva.de), a "
      "trailing dot and a leading www. (or www2. ...) are dropped; with `keep: domain` (the "
      "default) only the registrable domain remains, from the Public Suffix List "
      "(https://www.shop.acme.co.uk:8080/about?x=1 -> acme.co.uk); with `keep: host` the whole "
      "host. The result goes to `to` (default: `field`). A value that names no valid host (no "
      "dot, a space or symbol, an empty label, a bare public suffix) is left as it is and "
      "flagged `website.invalid` with the reason.",
      kOptions,
      [](const Options& o) -> std::unique_ptr<Rule> { return std::make_unique<WebsiteRule>(o); }};
  return spec;
}

}  // namespace pdc
