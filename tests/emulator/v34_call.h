// Pieces shared by the v3/v4 prospect handlers (pardot-api.md §1.3, §1.4, §3–§6, §9). Internal
// to the emulator: the router only sees HandleV34Prospect (handlers.h). Everything here runs
// with the unit's mutex held by the router.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/emulator/handlers.h"

namespace pdc::emulator {

// One v3/v4 request being handled.
struct V34Call {
  const HttpRequest& request;
  BusinessUnit& unit;
  int version;  // 3 (non-AMPSEA unit) or 4 (AMPSEA unit)
  long long now;
  Params params;  // query string, then form body
  bool json;      // format=json

  std::optional<std::string> Param(std::string_view name) const;
  bool Has(std::string_view name) const { return Param(name).has_value(); }
};

// An expected failure: a Pardot error code (0 = none) and its message (the catalogue's text
// when empty).
struct V34Failure {
  int code = 0;
  std::string message;

  explicit operator bool() const { return code != 0; }
};

// The message for `code`: errors.cpp's catalogue, completed with the codes that only the
// v3/v4 prospect handlers send (wording after pardot-api.md §9.1).
std::string V34Message(int code);
// The fail envelope for `failure` in the requested format. HTTP status 200: §9.2 leaves the
// status per code UNCONFIRMED, clients read the body, and tap-pardot expects codes on 2xx.
HttpResponse V34Fail(const V34Call& call, const V34Failure& failure);
HttpResponse V34Fail(const V34Call& call, int code);

// A decimal integer with nothing around it (leading '-' allowed); nullopt otherwise.
std::optional<long long> ParseInteger(std::string_view text);
// "true"/"false" (the query booleans of §3.1); nullopt otherwise.
std::optional<bool> ParseWordBool(std::string_view text);

// Email addresses as Pardot compares them. UNCONFIRMED rule, shared with the v5 handlers:
// exact on AMPSEA units (Segment saw a different casing create another prospect), ASCII
// case-insensitive elsewhere.
bool CaseSensitiveEmails(const BusinessUnit& unit);

// The operations; `segments` as passed to HandleV34Prospect. V34Write serves create, update
// and upsert; V34Assign serves assign and unassign.
HttpResponse V34Query(V34Call& call);
HttpResponse V34Read(V34Call& call, const std::vector<std::string>& segments);
HttpResponse V34Write(V34Call& call, const std::vector<std::string>& segments);
HttpResponse V34Delete(V34Call& call, const std::vector<std::string>& segments);
HttpResponse V34Assign(V34Call& call, const std::vector<std::string>& segments);
HttpResponse V34Batch(V34Call& call, std::string_view operation);

}  // namespace pdc::emulator
