#include "rules/domain.h"

#include <libpsl.h>
#include <unicode/bytestream.h>
#include <unicode/idna.h>

#include <memory>
#include <stdexcept>

#include "rules/unicode_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

// UTS #46 to-ASCII as browsers do it now: nontransitional (ß stays ß), with the bidi and
// joiner checks, and STD3 rules so that a converted domain holds only letters, digits, hyphens
// and dots. The instance is immutable and safe to share between threads.
const icu::IDNA& Uts46() {
  static const std::unique_ptr<icu::IDNA> idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::IDNA> made(
        icu::IDNA::createUTS46Instance(UIDNA_USE_STD3_RULES | UIDNA_NONTRANSITIONAL_TO_ASCII |
                                           UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ,
                                       status));
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU IDNA unavailable: ") + u_errorName(status));
    }
    return made;
  }();
  return *idna;
}

// Why UTS #46 rejected a domain, from its error bits (the first that applies).
std::string IdnaReason(uint32_t errors) {
  struct Bit {
    uint32_t bit;
    const char* what;
  };
  static constexpr Bit kBits[] = {
      {UIDNA_ERROR_EMPTY_LABEL, "domain has an empty label"},
      {UIDNA_ERROR_LABEL_TOO_LONG, "domain label longer than 63 octets"},
      {UIDNA_ERROR_DOMAIN_NAME_TOO_LONG, "domain longer than 253 octets"},
      {UIDNA_ERROR_LEADING_HYPHEN, "domain label starts with '-'"},
      {UIDNA_ERROR_TRAILING_HYPHEN, "domain label ends with '-'"},
      {UIDNA_ERROR_HYPHEN_3_4, "domain label has '--' in the third and fourth positions"},
      {UIDNA_ERROR_LEADING_COMBINING_MARK, "domain label starts with a combining mark"},
      {UIDNA_ERROR_DISALLOWED, "domain contains a character not allowed in host names"},
      {UIDNA_ERROR_PUNYCODE, "domain has an xn-- label that is not valid punycode"},
      {UIDNA_ERROR_INVALID_ACE_LABEL, "domain has an xn-- label that is not valid punycode"},
      {UIDNA_ERROR_BIDI, "domain mixes right-to-left and left-to-right text invalidly"},
      {UIDNA_ERROR_CONTEXTJ, "domain has a zero-width joiner where none is allowed"},
  };
  for (const Bit& b : kBits) {
    if (errors & b.bit) return b.what;
  }
  return "domain is not a valid internationalised domain name";
}

bool StartsWithXn(std::string_view s) {
  return s.size() >= 4 && (s[0] == 'x' || s[0] == 'X') && (s[1] == 'n' || s[1] == 'N') &&
         s[2] == '-' && s[3] == '-';
}

}  // namespace

bool NeedsIdna(std::string_view domain) {
  if (!utf8::IsAscii(domain)) return true;
  for (std::size_t i = 0; i + 4 <= domain.size(); ++i) {
    if ((i == 0 || domain[i - 1] == '.') && StartsWithXn(domain.substr(i))) return true;
  }
  return false;
}

std::string DomainToAscii(std::string_view domain, std::string& out) {
  if (!NeedsIdna(domain)) {
    AppendLower(domain, out);
    return {};
  }
  std::string converted;
  icu::StringByteSink<std::string> sink(&converted);
  icu::IDNAInfo info;
  UErrorCode status = U_ZERO_ERROR;
  Uts46().nameToASCII_UTF8(icu::StringPiece(domain.data(), static_cast<int32_t>(domain.size())),
                           sink, info, status);
  if (U_FAILURE(status) || info.hasErrors()) {
    AppendLower(domain, out);
    return IdnaReason(info.getErrors());
  }
  out += converted;
  return {};
}

std::string RegistrableDomain(std::string_view host) {
  // The newest list on the machine (Debian's publicsuffix package), else the one built in.
  static const psl_ctx_t* const list = [] {
    const psl_ctx_t* latest = psl_latest(nullptr);
    return latest != nullptr ? latest : psl_builtin();
  }();
  if (list == nullptr) return {};
  const std::string name(host);
  const char* registrable = psl_registrable_domain(list, name.c_str());
  return registrable != nullptr ? std::string(registrable) : std::string();
}

}  // namespace pdc
