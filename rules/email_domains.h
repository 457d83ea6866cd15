// Email addresses and their domains, shared by the `email` and `company_from_email` rules: the
// syntax checks, the provider table behind the canonical key, the domain classes (free,
// disposable, role local parts) and typo suggestions. The tables are data files, each loaded on
// first use, once per process, into hash sets; lookups take string views and allocate nothing.
// Everything here is safe to call from many threads at once.
#pragma once

#include <tbb/enumerable_thread_specific.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rules/text_hash.h"

namespace pdc {

// ---- Syntax ------------------------------------------------------------------------------------

// The address inside a trimmed raw value: a display name and angle brackets ("John <j@x.com>")
// and a leading mailto: (any case) with its ?query are removed, and the rest trimmed.
std::string_view UnwrapEmail(std::string_view v);

// The position of the only unquoted '@' of `v`; `count` gets how many there are (npos unless 1).
std::size_t FindEmailAt(std::string_view v, std::size_t& count);

// Why `local` is not a dot-atom local part of 1..64 octets; empty when it is.
std::string CheckLocalPart(std::string_view local, bool allow_utf8);

// Why the lower-case ASCII `domain` is not a host name of two or more LDH labels; empty when it is.
std::string CheckDomainName(std::string_view domain);

inline constexpr std::size_t kMaxEmailAddress = 254;

// The lower-case ASCII domain of a raw address value, when the whole address is valid (as the
// `email` rule checks it, with a UTF-8 local part allowed); false otherwise.
bool ValidEmailDomain(std::string_view raw, std::string& domain);

// ---- Tables ------------------------------------------------------------------------------------

using DomainSet = std::unordered_set<std::string, TextHash, std::equal_to<>>;

// True when `domain` or one of its parent domains (x.y.example.com: y.example.com, example.com,
// com) is in `set`.
bool InDomainOrParents(const DomainSet& set, std::string_view domain);

// How a provider treats the local part (data/email_providers.tsv).
enum class MailboxPolicy {
  kNone,       // not a listed provider: the key is the address lower-cased
  kDotsPlus,   // Gmail: dots ignored, '+' starts a subaddress
  kPlus,       // '+' starts a subaddress, dots count
  kSubdomain,  // x@user.fastmail.com reaches user@fastmail.com
  kHyphen,     // Yahoo: '-' starts a disposable-address keyword (medium confidence)
};

// The data files one rule needs; each is loaded (or DataError thrown) when a rule asking for it
// is built.
enum EmailData : unsigned {
  kEmailProviders = 1,  // email_providers.tsv
  kEmailClasses = 2,    // free and disposable lists, the allowlist, role local parts
  kEmailTypos = 4,      // email_typos.tsv (and the class lists, to know a domain is real)
};
void LoadEmailData(unsigned parts);

// True when the lower-case local part, cut at its first '+', names a role mailbox.
bool IsRoleLocalPart(std::string_view lower_local);

// What the tables say about one lower-case ASCII domain.
struct DomainFacts {
  bool free = false;        // the domain or its registrable domain is a free-mail domain
  bool disposable = false;  // disposable and not on the allowlist file
  std::string registrable;  // eTLD+1, "" when the domain is itself a public suffix
  MailboxPolicy policy = MailboxPolicy::kNone;
  std::string provider;    // "google", "microsoft", ... or ""
  std::string key_domain;  // the domain of the canonical key ("" for the domain itself)
  std::string key_local;   // kSubdomain: the local part of the key (the user's label)
  std::string typo_fix;    // a likely intended domain, or ""
};

// DomainFacts by domain, computed once per thread and domain (bounded); `parts` says which
// facts to compute (EmailData bits; their files must be loaded).
class DomainFactsCache {
 public:
  explicit DomainFactsCache(unsigned parts) : parts_(parts) {}
  const DomainFacts& Get(std::string_view domain) const;

 private:
  using Map = std::unordered_map<std::string, DomainFacts, TextHash, std::equal_to<>>;
  unsigned parts_;
  mutable tbb::enumerable_thread_specific<Map> cache_;
};

}  // namespace pdc
