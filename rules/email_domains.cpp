#include "rules/email_domains.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>

#include "rules/data_files.h"
#include "rules/domain.h"
#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr std::size_t kMaxLocal = 64, kMaxDomain = 253, kMaxLabel = 63;

bool StartsWithNoCase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (ToLower(static_cast<unsigned char>(s[i])) != static_cast<char32_t>(lower_prefix[i])) {
      return false;
    }
  }
  return true;
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

std::string Lower(std::string_view s) {
  std::string out;
  AppendLower(s, out);
  return out;
}

// ---- The tables, each loaded on first use ------------------------------------------------------

DomainSet LoadSet(std::string_view name) {
  const auto file = DataFile::Load(name);
  DomainSet set;
  set.reserve(file->lines().size());
  for (const DataLine& line : file->lines()) set.insert(Lower(line.text));
  return set;
}

struct Provider {
  std::string name;
  MailboxPolicy policy;
  std::string key_domain;  // "" for the address's own domain
};

struct ProviderTable {
  std::unordered_map<std::string, Provider, TextHash, std::equal_to<>> exact;
  std::unordered_map<std::string, Provider, TextHash, std::equal_to<>> any_suffix;  // label.*
  std::unordered_map<std::string, Provider, TextHash, std::equal_to<>> subdomains;  // *.domain
};

const ProviderTable& Providers() {
  static const ProviderTable table = [] {
    const auto file = DataFile::Load("email_providers.tsv");
    ProviderTable t;
    for (const DataLine& line : file->lines()) {
      const auto cols = DataFile::Columns(line.text, '\t');
      if (cols.size() != 4) {
        throw DataError(file->Where(line.number) + ": expected 4 tab-separated columns");
      }
      Provider p{cols[1], MailboxPolicy::kNone, cols[3] == "-" ? "" : Lower(cols[3])};
      if (cols[2] == "dots_plus") {
        p.policy = MailboxPolicy::kDotsPlus;
      } else if (cols[2] == "plus") {
        p.policy = MailboxPolicy::kPlus;
      } else if (cols[2] == "subdomain") {
        p.policy = MailboxPolicy::kSubdomain;
      } else if (cols[2] == "hyphen") {
        p.policy = MailboxPolicy::kHyphen;
      } else {
        throw DataError(file->Where(line.number) + ": unknown policy \"" + cols[2] + "\"");
      }
      const std::string pattern = Lower(cols[0]);
      if (pattern.starts_with("*.")) {
        if (p.key_domain.empty()) p.key_domain = pattern.substr(2);
        t.subdomains.emplace(pattern.substr(2), std::move(p));
      } else if (pattern.ends_with(".*")) {
        t.any_suffix.emplace(pattern.substr(0, pattern.size() - 2), std::move(p));
      } else {
        t.exact.emplace(pattern, std::move(p));
      }
    }
    return t;
  }();
  return table;
}

struct ClassLists {
  DomainSet free;
  DomainSet disposable;           // exact entries
  DomainSet disposable_wildcard;  // "*.x" entries, without the "*."
  DomainSet allowlist;
  DomainSet roles;
};

const ClassLists& Lists() {
  static const ClassLists lists = [] {
    ClassLists l;
    l.free = LoadSet("free_email_domains.txt");
    const auto file = DataFile::Load("disposable_email_domains.txt");
    l.disposable.reserve(file->lines().size());
    for (const DataLine& line : file->lines()) {
      std::string entry = Lower(line.text);
      if (entry.starts_with("*.")) {
        l.disposable_wildcard.insert(entry.substr(2));
      } else {
        l.disposable.insert(std::move(entry));
      }
    }
    l.allowlist = LoadSet("disposable_allowlist.txt");
    l.roles = LoadSet("role_local_parts.txt");
    return l;
  }();
  return lists;
}

struct TypoTable {
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> domains;
  std::vector<std::pair<std::string, std::string>> suffixes;  // longest first
  std::vector<std::string> targets;
};

const TypoTable& Typos() {
  static const TypoTable table = [] {
    const auto file = DataFile::Load("email_typos.tsv");
    TypoTable t;
    for (const DataLine& line : file->lines()) {
      const auto cols = DataFile::Columns(line.text, '\t');
      if (cols.size() != 3 || cols[1].empty() || cols[2].empty()) {
        throw DataError(file->Where(line.number) + ": expected kind, from and to, tab-separated");
      }
      if (cols[0] == "domain") {
        t.domains.emplace(Lower(cols[1]), Lower(cols[2]));
      } else if (cols[0] == "suffix" && cols[1].front() == '.') {
        t.suffixes.emplace_back(Lower(cols[1]), Lower(cols[2]));
      } else if (cols[0] == "target") {
        t.targets.push_back(Lower(cols[1]));
      } else {
        throw DataError(file->Where(line.number) +
                        ": kind is domain, suffix (from \".x\") or target");
      }
    }
    std::stable_sort(t.suffixes.begin(), t.suffixes.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return t;
  }();
  return table;
}

// ---- Facts -------------------------------------------------------------------------------------

void FindProvider(std::string_view domain, DomainFacts& facts) {
  const ProviderTable& t = Providers();
  const Provider* p = nullptr;
  if (auto it = t.exact.find(domain); it != t.exact.end()) {
    p = &it->second;
  } else if (const auto dot = domain.find('.'); dot != std::string_view::npos) {
    if (auto any = t.any_suffix.find(domain.substr(0, dot)); any != t.any_suffix.end()) {
      // outlook.co.uk, but not outlook.acme.com: the label must stand right under a public suffix.
      if (facts.registrable == domain) p = &any->second;
    }
    if (p == nullptr) {
      // x@user.fastmail.com: the label just left of the provider's domain is the user.
      for (std::size_t at = dot; at != std::string_view::npos && at > 0;
           at = domain.find('.', at + 1)) {
        if (auto sub = t.subdomains.find(domain.substr(at + 1)); sub != t.subdomains.end()) {
          const std::size_t before = domain.rfind('.', at - 1);
          const std::size_t start = before == std::string_view::npos ? 0 : before + 1;
          facts.key_local.assign(domain.substr(start, at - start));
          p = &sub->second;
          break;
        }
      }
    }
  }
  if (p == nullptr) return;
  facts.policy = p->policy;
  facts.provider = p->name;
  facts.key_domain = p->key_domain;
}

bool IsDisposableDomain(std::string_view domain) {
  const ClassLists& l = Lists();
  if (InDomainOrParents(l.allowlist, domain)) return false;
  return l.disposable.contains(domain) || InDomainOrParents(l.disposable_wildcard, domain);
}

// Optimal string alignment distance of at most one: one insertion, deletion, substitution or
// swap of two neighbours.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // one substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // one swap
  }
  return a.substr(i) == b.substr(i + 1);  // one insertion into `a`
}

std::string SuggestDomain(std::string_view domain, bool known) {
  const TypoTable& t = Typos();
  std::string fixed(domain);
  bool changed = false;
  for (const auto& [from, to] : t.suffixes) {
    if (fixed.size() > from.size() && fixed.ends_with(from)) {
      fixed.replace(fixed.size() - from.size(), from.size(), to);
      changed = true;
      break;
    }
  }
  if (auto it = t.domains.find(fixed); it != t.domains.end()) return it->second;
  if (changed) {
    const ClassLists& l = Lists();
    known = l.free.contains(fixed) || l.disposable.contains(fixed);
  }
  if (!known) {
    for (const std::string& target : t.targets) {
      if (fixed != target && fixed.front() == target.front() && WithinOneEdit(fixed, target)) {
        return target;
      }
    }
  }
  return changed ? fixed : std::string();
}

DomainFacts MakeFacts(std::string_view domain, unsigned parts) {
  DomainFacts facts;
  facts.registrable = RegistrableDomain(domain);
  if (parts & kEmailProviders) FindProvider(domain, facts);
  if (parts & (kEmailClasses | kEmailTypos)) {
    const ClassLists& l = Lists();
    // The allowlist names personal mailbox services (relays to one person included), so its
    // domains are free mail even when the free list misses them.
    facts.free = l.free.contains(domain) ||
                 (!facts.registrable.empty() && l.free.contains(facts.registrable)) ||
                 InDomainOrParents(l.allowlist, domain);
    facts.disposable = IsDisposableDomain(domain);
  }
  if ((parts & kEmailTypos) && !domain.empty()) {
    const bool known = facts.free || facts.disposable || facts.policy != MailboxPolicy::kNone ||
                       InDomainOrParents(Lists().allowlist, domain);
    facts.typo_fix = SuggestDomain(domain, known);
  }
  return facts;
}

}  // namespace

// ---- Syntax ------------------------------------------------------------------------------------

std::string_view UnwrapEmail(std::string_view v) {
  // "John Doe <jd@x.com>" and "<jd@x.com>": the address is in the last brackets.
  if (!v.empty() && v.back() == '>') {
    if (const std::size_t lt = v.rfind('<'); lt != std::string_view::npos) {
      v = TrimInvisible(v.substr(lt + 1, v.size() - lt - 2));
    }
  }
  if (StartsWithNoCase(v, "mailto:")) {
    v = v.substr(v.find(':') + 1);
    v = TrimInvisible(
        v.substr(0, v.find('?')));  // a mailto URI's headers (?subject=...) are no address
  }
  return v;
}

std::size_t FindEmailAt(std::string_view v, std::size_t& count) {
  // The unquoted '@'s: "a@b"@c.com has one.
  std::size_t at = std::string_view::npos;
  count = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\' && quoted) {
      ++i;
    } else if (v[i] == '"') {
      quoted = !quoted;
    } else if (v[i] == '@' && !quoted) {
      ++count;
      at = i;
    }
  }
  return count == 1 ? at : std::string_view::npos;
}

std::string CheckLocalPart(std::string_view local, bool allow_utf8) {
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

std::string CheckDomainName(std::string_view domain) {
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

bool ValidEmailDomain(std::string_view raw, std::string& domain) {
  domain.clear();
  if (raw.empty() || !utf8::IsValid(raw)) return false;
  const std::string_view v = UnwrapEmail(TrimInvisible(raw));
  std::size_t ats = 0;
  const std::size_t at = FindEmailAt(v, ats);
  if (at == std::string_view::npos) return false;
  const std::string_view local = v.substr(0, at);
  std::string_view host = v.substr(at + 1);
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (!DomainToAscii(host, domain).empty() || !CheckLocalPart(local, true).empty() ||
      !CheckDomainName(domain).empty() || local.size() + 1 + domain.size() > kMaxEmailAddress) {
    domain.clear();
    return false;
  }
  return true;
}

// ---- Tables ------------------------------------------------------------------------------------

bool InDomainOrParents(const DomainSet& set, std::string_view domain) {
  if (set.empty()) return false;
  while (!domain.empty()) {
    if (set.contains(domain)) return true;
    const std::size_t dot = domain.find('.');
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  return false;
}

void LoadEmailData(unsigned parts) {
  if (parts & kEmailProviders) Providers();
  if (parts & (kEmailClasses | kEmailTypos)) Lists();
  if (parts & kEmailTypos) Typos();
}

bool IsRoleLocalPart(std::string_view lower_local) {
  return Lists().roles.contains(lower_local.substr(0, lower_local.find('+')));
}

const DomainFacts& DomainFactsCache::Get(std::string_view domain) const {
  Map& cache = cache_.local();
  if (auto it = cache.find(domain); it != cache.end()) return it->second;
  if (cache.size() > 50000) cache.clear();  // bounded: prospects share few domains
  return cache.emplace(std::string(domain), MakeFacts(domain, parts_)).first->second;
}

}  // namespace pdc
