// Domain names, for the rules that clean them (email, website): internationalised names to
// their ASCII form with UTS #46, and the registrable domain through the Public Suffix List.
// Everything here is safe to call from many threads at once.
#pragma once

#include <string>
#include <string_view>

namespace pdc {

// True when `domain` needs UTS #46 to reach its ASCII form: non-ASCII, or an xn-- label to check.
bool NeedsIdna(std::string_view domain);

// Appends the lower-case ASCII form of `domain` (well-formed UTF-8, no trailing dot) to `out`.
// Returns "" or, when UTS #46 rejects the name, why; `out` then gets the lower-cased input, kept
// readable for whoever fixes it.
std::string DomainToAscii(std::string_view domain, std::string& out);

// The registrable domain ("eTLD+1") of a lower-case ASCII host: shop.example.co.uk gives
// example.co.uk. Empty when the host is itself a public suffix or has no registrable part.
std::string RegistrableDomain(std::string_view host);

}  // namespace pdc
