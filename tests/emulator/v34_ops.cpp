// read, create, update, upsert, delete, assign and unassign of one prospect (pardot-api.md
// §1.4, §6.1). The dispatcher (v34_prospect.cpp) has checked the verb and that `segments` is
// `<op>/<id_field>/<id_value>`.
#include <algorithm>
#include <cctype>

#include "tests/emulator/v34_call.h"
#include "tests/emulator/v34_lookup.h"
#include "tests/emulator/v34_render.h"

namespace pdc::emulator {
namespace {

IdRef RefOf(const std::vector<std::string>& segments) { return {segments[1], segments[2]}; }

// The `output` param of a single-prospect operation: full (the default, with the related
// collections), simple, mobile or bulk. Another value → 5, as on query (UNCONFIRMED: the docs
// name no code for it).
V34Failure ViewOf(const V34Call& call, ProspectView& view) {
  const auto output = call.Param("output");
  if (!output) {
    view.collections = true;
    return {};
  }
  const auto parsed = ParseV34Output(*output);
  if (!parsed) return {5, {}};
  view.output = *parsed;
  view.collections = *parsed == V34Output::kFull;
  return {};
}

HttpResponse Render(const V34Call& call, const std::vector<Prospect*>& prospects,
                    const ProspectView& view) {
  std::vector<TreeNode> body;
  for (const Prospect* prospect : prospects) {
    body.push_back(RenderProspect(call.unit, *prospect, view));
  }
  return RenderV34Ok(call.json, body);
}

bool SameAsciiInsensitive(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The user an assign call names: exactly one of user_email, user_id, group_id (§1.4).
// None → 13 (UNCONFIRMED: no documented code); several → 47; unknown user id → 10, email → 11;
// groups are not modelled, so every group_id → 12.
V34Failure AssignTarget(const V34Call& call, long long& user_id) {
  const auto by_email = call.Param("user_email");
  const auto by_id = call.Param("user_id");
  const auto group = call.Param("group_id");
  const int given = (by_email ? 1 : 0) + (by_id ? 1 : 0) + (group ? 1 : 0);
  if (given == 0) return {13, {}};
  if (given > 1) return {47, {}};
  if (group) return {12, {}};
  for (const User& user : call.unit.users) {
    if (by_id ? std::to_string(user.id) == *by_id : SameAsciiInsensitive(user.email, *by_email)) {
      user_id = user.id;
      return {};
    }
  }
  return {by_id ? 10 : 11, {}};
}

}  // namespace

HttpResponse V34Read(V34Call& call, const std::vector<std::string>& segments) {
  ProspectView view;
  if (auto failure = ViewOf(call, view)) return V34Fail(call, failure);
  Lookup found = FindProspects(call, V34Op::kRead, RefOf(segments), false);
  if (found.failure) return V34Fail(call, found.failure);
  return Render(call, found.prospects, view);
}

HttpResponse V34Write(V34Call& call, const std::vector<std::string>& segments) {
  const std::string& name = segments[0];
  const V34Op op = name == "create"   ? V34Op::kCreate
                   : name == "update" ? V34Op::kUpdate
                                      : V34Op::kUpsert;
  ProspectView view;
  if (auto failure = ViewOf(call, view)) return V34Fail(call, failure);
  WriteOutcome outcome = RunWrite(call, op, RefOf(segments), call.params);
  if (outcome.failure) return V34Fail(call, outcome.failure);
  return Render(call, {outcome.prospect}, view);
}

HttpResponse V34Delete(V34Call& call, const std::vector<std::string>& segments) {
  Lookup found = FindProspects(call, V34Op::kDelete, RefOf(segments), false);
  if (found.failure) return V34Fail(call, found.failure);
  Prospect& prospect = *found.prospects.front();
  prospect.deleted = true;
  call.unit.Touch(prospect, call.now);
  HttpResponse response;
  response.status = 204;  // §4.5: no body
  response.content_type.clear();
  return response;
}

HttpResponse V34Assign(V34Call& call, const std::vector<std::string>& segments) {
  const bool assign = segments[0] == "assign";
  ProspectView view;
  if (auto failure = ViewOf(call, view)) return V34Fail(call, failure);
  Lookup found =
      FindProspects(call, assign ? V34Op::kAssign : V34Op::kUnassign, RefOf(segments), false);
  if (found.failure) return V34Fail(call, found.failure);
  long long user_id = 0;
  if (assign) {
    if (auto failure = AssignTarget(call, user_id)) return V34Fail(call, failure);
  }
  Prospect& prospect = *found.prospects.front();
  if (assign) {
    prospect.assigned_user = user_id;
  } else {
    prospect.assigned_user.reset();
  }
  call.unit.Touch(prospect, call.now);
  // The one v3/v4 write that bypasses ApplyWrites: it sets the assignment, as user_id would.
  call.unit.RecordWrite(prospect.id, {"user_id"});
  return Render(call, {&prospect}, view);
}

}  // namespace pdc::emulator
