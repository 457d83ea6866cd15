// Pieces shared by the v5 handlers of prospects and list memberships (pardot-api.md §1.5, §6.2,
// §7). Internal to the emulator, in namespace v5 so that they cannot collide with the v3/v4
// handlers' names: the router only sees HandleV5Prospects and HandleV5ListMemberships
// (handlers.h). Every function here runs with the unit's mutex held by the router.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tests/emulator/errors.h"
#include "tests/emulator/handlers.h"

namespace pdc::emulator::v5 {

// An expected v5 failure: the Pardot code, the HTTP status that carries it and the message
// (the catalogue's text when empty).
struct Failure {
  int code = 0;
  int http_status = 400;
  std::string message;

  HttpResponse Response() const { return V5Error(code, http_status, message); }
};

// A query parameter that is not accepted: 51, "Invalid parameter: <name>. <why>" (the form of
// Pardot's message for `fields`), HTTP 400.
Failure InvalidParameter(std::string_view name, std::string_view why);

// 405 with 60: a verb the path does not take.
HttpResponse MethodNotAllowed();

// A record id path segment: a positive decimal integer, else nullopt (the routes answer 404 109).
std::optional<long long> ParseRecordId(const std::string& segment);

// The URL of a collection (`object`: "prospects", "list-memberships", "visitor-activities") on
// the host the request was sent to ("https://<host>/api/v5/objects/prospects"); the unit's
// environment host when the request carries no Host (in-process tests).
std::string CollectionUrl(const HttpRequest& request, const BusinessUnit& unit,
                          std::string_view object);

// Whether two email addresses name the same prospect. UNCONFIRMED rule: exact (case-sensitive)
// on AMPSEA units, where Segment observed that a different casing creates another prospect;
// ASCII case-insensitive elsewhere, where an address identifies at most one prospect.
bool SameEmail(const BusinessUnit& unit, std::string_view a, std::string_view b);

// The operations. `id` is the numeric path segment.
HttpResponse Query(const HttpRequest& request, BusinessUnit& unit, long long now,
                   const HandlerOptions& options);
HttpResponse Read(const HttpRequest& request, BusinessUnit& unit, long long id);
HttpResponse Create(const HttpRequest& request, BusinessUnit& unit, long long now);
HttpResponse Update(const HttpRequest& request, BusinessUnit& unit, long long id, long long now);
HttpResponse Delete(BusinessUnit& unit, long long id, long long now);
HttpResponse UpsertLatestByEmail(const HttpRequest& request, BusinessUnit& unit, long long now);
HttpResponse Undelete(const HttpRequest& request, BusinessUnit& unit, long long now);

}  // namespace pdc::emulator::v5
