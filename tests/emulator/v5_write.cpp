// Single-record v5 operations: read, create, update, delete, do/upsertLatestByEmail and
// do/undelete (pardot-api.md §1.5, §6.2, §7.1, §7.2).
//
// Decisions on UNCONFIRMED points:
// * A write answers with the record restricted to the `fields` query parameter (the body's
//   `fields` array for upsertLatestByEmail): 201 for a create, 200 for an update. With no
//   `fields` it answers 204 and an empty body (the third-party rule "204 when nothing is
//   requested"); a create keeps its `Location` header either way so the new id is never lost.
// * upsertLatestByEmail: 201 when it created, 200 when it updated; the match is the prospect
//   with the latest lastActivityAt, then updatedAt, then the highest id.
// * secondaryDeletedSearch only acts on AMPSEA units (the docs tie it to them); elsewhere a
//   recycled match is ignored and a new prospect is created.
// * Creating, or changing the email to, an address an active prospect already has on a
//   non-AMPSEA unit → 400 with 54.
// * A deleted (recycle-bin) record is not found by GET or DELETE (404 109); PATCH on it → 400
//   with 219 so that a client learns it must undelete first.
// * do/undelete takes {"matchEmail":"..."} (v5_body.h says why). Among the unit's deleted
//   prospects with that email, compared ASCII case-insensitively on every unit (the address
//   names the person whose record is wanted back; casing is no reason to miss it), the one with
//   the latest lastActivityAt, then the highest id, is restored: out of the recycle bin,
//   updatedAt stamped, its values as they were. 200 with the record restricted to the `fields`
//   query parameter, or to kUndeleteFields when there is none (the operation answers with the
//   record it restored, so a client can see which one it was). No deleted match → 404 with 109
//   (the catalogue's "record not found"). On a non-AMPSEA unit, restoring a prospect whose
//   email an active prospect now has → 400 with 54, as a create would. An undelete is not a
//   write-log entry: it supplies no field.
#include <algorithm>
#include <cctype>
#include <tuple>
#include <utility>

#include "tests/emulator/v5_body.h"
#include "tests/emulator/v5_fields.h"

namespace pdc::emulator::v5 {
namespace {

HttpResponse NotFound() { return V5Error(109, 404); }

// What do/undelete answers with when the request names no `fields`: the identity of the
// restored record and the values that tell it apart from others sharing the address.
constexpr const char* kUndeleteFields =
    "id,email,firstName,lastName,createdAt,updatedAt,lastActivityAt";

// The `fields` query parameter of a write: absent means nothing requested.
std::optional<Failure> OptionalFields(const HttpRequest& request, const BusinessUnit& unit,
                                      std::vector<Field>& out) {
  const std::optional<std::string> text = Param(request.query, "fields");
  if (!text) return std::nullopt;
  return ParseFieldList(text, unit, out);
}

HttpResponse Answer(int status, const BusinessUnit& unit, const Prospect& prospect,
                    const std::vector<Field>& fields) {
  HttpResponse response;
  response.status = fields.empty() ? 204 : status;
  if (!fields.empty()) response.body = RenderRecord(unit, prospect, fields);
  return response;
}

HttpResponse Created(const HttpRequest& request, const BusinessUnit& unit, const Prospect& prospect,
                     const std::vector<Field>& fields) {
  HttpResponse response = Answer(201, unit, prospect, fields);
  response.headers.emplace_back(
      "Location", CollectionUrl(request, unit, "prospects") + "/" + std::to_string(prospect.id));
  return response;
}

// 54 when `email` would give a non-AMPSEA unit two active prospects with one address.
std::optional<Failure> EmailInUse(BusinessUnit& unit, const std::string* email,
                                  const Prospect* self) {
  if (unit.ampsea || email == nullptr) return std::nullopt;
  for (const auto& [id, other] : unit.prospects) {
    if (&other != self && !other.deleted && SameEmail(unit, other.Get("email"), *email)) {
      return Failure{54, 400, ""};
    }
  }
  return std::nullopt;
}

// Ranking of upsertLatestByEmail candidates, best first.
bool Later(const Prospect* a, const Prospect* b) {
  const auto key = [](const Prospect* p) {
    return std::tuple(p->Epoch("last_activity_at"), p->Epoch("updated_at"), p->id);
  };
  return key(a) > key(b);
}

Prospect* LatestByEmail(BusinessUnit& unit, std::string_view email, bool deleted) {
  Prospect* best = nullptr;
  for (auto& [id, p] : unit.prospects) {
    if (p.deleted != deleted || !SameEmail(unit, p.Get("email"), email)) continue;
    if (best == nullptr || Later(&p, best)) best = &p;
  }
  return best;
}

bool SameEmailAnyCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The deleted prospect do/undelete restores: latest lastActivityAt, then the highest id.
Prospect* LatestDeleted(BusinessUnit& unit, std::string_view email) {
  Prospect* best = nullptr;
  for (auto& [id, p] : unit.prospects) {
    if (!p.deleted || !SameEmailAnyCase(p.Get("email"), email)) continue;
    if (best == nullptr || std::pair(p.Epoch("last_activity_at"), p.id) >
                               std::pair(best->Epoch("last_activity_at"), best->id)) {
      best = &p;
    }
  }
  return best;
}

}  // namespace

HttpResponse Read(const HttpRequest& request, BusinessUnit& unit, long long id) {
  std::vector<Field> fields;
  if (auto failure = ParseFieldList(Param(request.query, "fields"), unit, fields)) {
    return failure->Response();
  }
  const Prospect* prospect = unit.Find(id);
  if (prospect == nullptr) return NotFound();
  return Answer(200, unit, *prospect, fields);
}

HttpResponse Create(const HttpRequest& request, BusinessUnit& unit, long long now) {
  std::vector<Field> fields;
  ProspectChanges changes;
  if (auto failure = OptionalFields(request, unit, fields)) return failure->Response();
  if (auto failure = ParseProspectBody(request, unit, changes)) return failure->Response();
  if (changes.Email() == nullptr) return V5Error(153, 400, "Missing required property: email");
  if (auto failure = EmailInUse(unit, changes.Email(), nullptr)) return failure->Response();
  Prospect& prospect = unit.Create(now);
  ApplyChanges(changes, unit, prospect);
  return Created(request, unit, prospect, fields);
}

HttpResponse Update(const HttpRequest& request, BusinessUnit& unit, long long id, long long now) {
  std::vector<Field> fields;
  ProspectChanges changes;
  if (auto failure = OptionalFields(request, unit, fields)) return failure->Response();
  Prospect* prospect = unit.Find(id, /*include_deleted=*/true);
  if (prospect == nullptr) return NotFound();
  if (prospect->deleted) return V5Error(219, 400);
  if (auto failure = ParseProspectBody(request, unit, changes)) return failure->Response();
  if (auto failure = EmailInUse(unit, changes.Email(), prospect)) return failure->Response();
  ApplyChanges(changes, unit, *prospect);
  unit.Touch(*prospect, now);
  return Answer(200, unit, *prospect, fields);
}

HttpResponse Delete(BusinessUnit& unit, long long id, long long now) {
  Prospect* prospect = unit.Find(id);
  if (prospect == nullptr) return NotFound();
  prospect->deleted = true;
  unit.Touch(*prospect, now);
  HttpResponse response;
  response.status = 204;
  return response;
}

HttpResponse UpsertLatestByEmail(const HttpRequest& request, BusinessUnit& unit, long long now) {
  UpsertBody body;
  std::vector<Field> fields;
  if (auto failure = ParseUpsertBody(request, unit, body)) return failure->Response();
  // The body's `fields` array wins over the query parameter; an empty array asks for nothing.
  std::optional<Failure> failure;
  if (!body.fields) {
    failure = OptionalFields(request, unit, fields);
  } else if (!body.fields->empty()) {
    failure = ResolveFieldNames(*body.fields, unit, fields);
  }
  if (failure) return failure->Response();

  Prospect* match = LatestByEmail(unit, body.match_email, /*deleted=*/false);
  if (match == nullptr && body.secondary_deleted_search && unit.ampsea) {
    match = LatestByEmail(unit, body.match_email, /*deleted=*/true);
  }
  if (match != nullptr) {
    if (auto in_use = EmailInUse(unit, body.changes.Email(), match)) return in_use->Response();
    match->deleted = false;
    ApplyChanges(body.changes, unit, *match);
    unit.Touch(*match, now);
    return Answer(200, unit, *match, fields);
  }
  if (body.changes.Email() == nullptr) {
    if (!PlausibleEmail(body.match_email)) return V5Error(4, 400);
    body.changes.values["email"] = body.match_email;
  }
  if (auto in_use = EmailInUse(unit, body.changes.Email(), nullptr)) return in_use->Response();
  Prospect& prospect = unit.Create(now);
  ApplyChanges(body.changes, unit, prospect);
  return Created(request, unit, prospect, fields);
}

HttpResponse Undelete(const HttpRequest& request, BusinessUnit& unit, long long now) {
  std::vector<Field> fields;
  std::string email;
  const std::optional<std::string> names = Param(request.query, "fields");
  if (auto failure = ParseFieldList(names ? names : std::string(kUndeleteFields), unit, fields)) {
    return failure->Response();
  }
  if (auto failure = ParseUndeleteBody(request, email)) return failure->Response();
  Prospect* prospect = LatestDeleted(unit, email);
  if (prospect == nullptr) return NotFound();
  const std::string current = prospect->Get("email");
  if (auto in_use = EmailInUse(unit, &current, prospect)) return in_use->Response();
  prospect->deleted = false;
  unit.Touch(*prospect, now);
  return Answer(200, unit, *prospect, fields);
}

}  // namespace pdc::emulator::v5
