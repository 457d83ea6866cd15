#include "tests/emulator/v34_lookup.h"

#include "tests/emulator/v34_write.h"

namespace pdc::emulator {
namespace {

// Whether another live prospect already has `email` (v3 keeps addresses unique).
bool EmailTaken(V34Call& call, const std::string& email, const Prospect* except) {
  for (const Prospect* other : call.unit.FindByEmail(email, CaseSensitiveEmails(call.unit))) {
    if (other != except) return true;
  }
  return false;
}

// The v4 `fid` param: absent, or a well-formed Lead/Contact id.
V34Failure FidParam(const V34Call& call, const Params& params, std::optional<std::string>& fid) {
  if (call.version != 4) return {};
  std::optional<std::string> given = Param(params, "fid");
  if (!given || given->empty()) return {};
  if (ClassifyFid(*given) == FidKind::kInvalid) return {77, {}};
  fid = std::move(given);
  return {};
}

WriteOutcome Create(V34Call& call, const std::string& email, FieldWrites writes,
                    const std::optional<std::string>& fid) {
  if (!IsValidEmail(email)) return {nullptr, {4, {}}};
  if (call.version == 3 && EmailTaken(call, email, nullptr)) return {nullptr, {9, {}}};
  writes.email = email;
  Prospect& prospect = call.unit.Create(call.now);
  if (fid) SetFid(prospect, *fid);
  ApplyWrites(call.unit, prospect, writes, call.now);
  return {&prospect, {}};
}

WriteOutcome Update(V34Call& call, Prospect& prospect, FieldWrites writes,
                    const std::optional<std::string>& fid) {
  if (fid) {
    const std::string current = FidOf(prospect);
    if (!current.empty() && current != *fid) return {nullptr, {81, {}}};
  }
  if (writes.email && call.version == 3 && EmailTaken(call, *writes.email, &prospect)) {
    return {nullptr, {9, {}}};
  }
  if (fid) SetFid(prospect, *fid);
  prospect.deleted = false;  // only upsert reaches a deleted prospect: it restores it
  ApplyWrites(call.unit, prospect, writes, call.now);
  return {&prospect, {}};
}

WriteOutcome Upsert(V34Call& call, const IdRef& ref, FieldWrites writes,
                    const std::optional<std::string>& fid) {
  if (ref.field == "email") {
    if (call.version == 4) return Create(call, ref.value, std::move(writes), fid);
    Lookup found = FindProspects(call, V34Op::kUpsert, ref, false);
    writes.email.reset();
    if (!found.prospects.empty()) return Update(call, *found.prospects.front(), writes, fid);
    if (found.failure.code == 4 && IsValidEmail(ref.value)) {
      return Create(call, ref.value, std::move(writes), fid);
    }
    return {nullptr, found.failure};
  }
  Lookup found = FindProspects(call, V34Op::kUpsert, ref, true);
  if (!found.prospects.empty()) return Update(call, *found.prospects.front(), writes, fid);
  const int not_found = ref.field == "fid" ? 92 : 3;
  if (found.failure.code != not_found && found.failure.code != 16) return {nullptr, found.failure};
  if (!writes.email) return {nullptr, {ref.field == "fid" ? 92 : 14, {}}};
  const std::string email = *writes.email;
  if (call.version == 3) {
    const auto matches = call.unit.FindByEmail(email, CaseSensitiveEmails(call.unit));
    if (!matches.empty()) return Update(call, *matches.front(), writes, fid);
  }
  std::optional<std::string> new_fid = fid;
  if (ref.field == "fid") new_fid = ref.value;
  return Create(call, email, std::move(writes), new_fid);
}

}  // namespace

V34Failure CheckIdField(const V34Call& call, V34Op op, const std::string& field) {
  if (field != "id" && field != "email" && field != "fid") return {2, {}};
  if (op == V34Op::kCreate) return field == "email" ? V34Failure{} : V34Failure{22, {}};
  if (call.version == 3) return field == "fid" ? V34Failure{22, {}} : V34Failure{};
  const bool email_allowed = op == V34Op::kRead || op == V34Op::kUpsert;
  return field == "email" && !email_allowed ? V34Failure{22, {}} : V34Failure{};
}

Lookup FindProspects(V34Call& call, V34Op op, const IdRef& ref, bool allow_deleted) {
  if (auto failure = CheckIdField(call, op, ref.field)) return {{}, failure};
  Prospect* prospect = nullptr;
  if (ref.field == "email") {
    if (!IsValidEmail(ref.value)) return {{}, {4, {}}};
    auto matches = call.unit.FindByEmail(ref.value, CaseSensitiveEmails(call.unit));
    if (matches.empty()) return {{}, {4, {}}};
    if (call.version == 3) matches.erase(matches.begin() + 1, matches.end());
    return {std::move(matches), {}};
  }
  if (ref.field == "id") {
    const auto id = ParseInteger(ref.value);
    if (!id) return {{}, {16, {}}};
    prospect = call.unit.Find(*id, true);
    if (prospect == nullptr) return {{}, {3, {}}};
  } else {
    if (ClassifyFid(ref.value) == FidKind::kInvalid) return {{}, {77, {}}};
    prospect = call.unit.FindByFid(ref.value, true);
    if (prospect == nullptr) return {{}, {92, {}}};
  }
  if (prospect->deleted && !allow_deleted) return {{}, {132, {}}};
  return {{prospect}, {}};
}

WriteOutcome RunWrite(V34Call& call, V34Op op, const IdRef& ref, const Params& params) {
  if (auto failure = CheckIdField(call, op, ref.field)) return {nullptr, failure};
  FieldWrites writes;
  if (auto failure = ParseWrites(call.unit, params, writes)) return {nullptr, failure};
  std::optional<std::string> fid;
  if (auto failure = FidParam(call, params, fid)) return {nullptr, failure};
  switch (op) {
    case V34Op::kCreate:
      return Create(call, ref.value, std::move(writes), fid);
    case V34Op::kUpsert:
      return Upsert(call, ref, std::move(writes), fid);
    default: {
      Lookup found = FindProspects(call, op, ref, false);
      if (found.failure) return {nullptr, found.failure};
      if (ref.field == "email") writes.email.reset();
      return Update(call, *found.prospects.front(), std::move(writes), fid);
    }
  }
}

}  // namespace pdc::emulator
