#include "pipeline/pardot/writer.h"

#include <algorithm>
#include <boost/json.hpp>

#include "pipeline/pardot/decode.h"
#include "pipeline/pardot/field_map.h"
#include "pipeline/pardot/list_membership.h"

namespace pdc::pardot {
namespace json = boost::json;
namespace {

// A value as v3/v4 batch JSON: text as a string, null as "" (which clears the field); a list
// membership as `list_<id>=1` or `list_<id>=0` (pardot-api.md §5.1).
json::value V34Value(const std::string& field, const Value& v) {
  if (ListIdOf(field)) return json::string(IsMember(v).value_or(false) ? "1" : "0");
  switch (v.kind()) {
    case Value::Kind::kNull:
      return json::string("");
    case Value::Kind::kList: {
      json::array items;
      for (const auto& item : v.items()) items.emplace_back(json::string(item));
      return items;
    }
    default:
      return json::string(v.text());
  }
}

// A value as v5 JSON, typed as v5 types the field.
json::value V5Value(const std::string& field, const Value& v) {
  if (v.is_null()) return nullptr;
  if (v.kind() == Value::Kind::kList) {
    json::array items;
    for (const auto& item : v.items()) items.emplace_back(json::string(item));
    return items;
  }
  const std::string text = v.text();
  switch (V5TypeOf(field)) {
    case V5Type::kInteger:
      if (text.empty()) return nullptr;
      try {
        return static_cast<std::int64_t>(std::stoll(text));
      } catch (...) {
        return json::string(text);  // Pardot will name the problem; the record fails alone
      }
    case V5Type::kBoolean:
      return text == "true" || text == "1" || text == "yes";
    case V5Type::kString:
      break;
  }
  return json::string(text);
}

WriteOutcome MakeOutcome(const Operation& op, OpState state, std::string error = {}) {
  return {op.op_id, state, std::move(error)};
}

// Whether the request may have been applied although no usable answer came back.
bool EffectUnknown(const Response& r) {
  return (!r.transported() && r.error != TransportError::kConnect &&
          r.error != TransportError::kRefused) ||
         (r.transported() && r.status >= 500);
}

std::string ErrorText(const Classified& c) {
  return c.code ? std::to_string(c.code) + ": " + c.message : c.message;
}

// Pardot's answers that mean "there is no active prospect with this id": v3/v4 3 (invalid
// prospect id) and 132 (the prospect is in the recycle bin); v5 109 (record not found, also what
// a recycled record answers) and 192 (object does not exist).
bool NoSuchProspect(int code, int version) {
  return version == 5 ? code == 109 || code == 192 : code == 3 || code == 132;
}

// The lists a v3/v4 full read shows the prospect on: "lists":{"list_subscription":...}, one
// subscription as an object and several as an array, each naming its "list" by id; no lists as
// null, an empty string or an empty object.
std::vector<long long> ListsOfRead(const json::object& prospect) {
  std::vector<long long> ids;
  const json::value* lists = prospect.if_contains("lists");
  if (lists == nullptr || !lists->is_object()) return ids;
  const json::value* subscriptions = lists->as_object().if_contains("list_subscription");
  if (subscriptions == nullptr) return ids;
  auto add = [&](const json::value& subscription) {
    if (!subscription.is_object()) return;
    const json::value* list = subscription.as_object().if_contains("list");
    const json::value* id =
        list && list->is_object() ? list->as_object().if_contains("id") : nullptr;
    if (id && id->is_int64()) ids.push_back(id->as_int64());
    if (id && id->is_string()) ids.push_back(std::atoll(id->as_string().c_str()));
  };
  if (subscriptions->is_array()) {
    for (const json::value& s : subscriptions->as_array()) add(s);
  } else {
    add(*subscriptions);
  }
  return ids;
}

}  // namespace

ProspectWriter::BatchResult ProspectWriter::Send(const std::vector<Operation>& operations) {
  if (version_ == 5) return SendEach(operations);
  // v3/v4: the updates in one batchUpdate, then the deletes and undeletes one by one.
  std::vector<Operation> updates, singles;
  for (const Operation& op : operations) (op.single_request() ? singles : updates).push_back(op);
  if (singles.empty()) return SendBatch(updates);
  BatchResult result = updates.empty() ? BatchResult{} : SendBatch(updates);
  if (result.call.outcome != Outcome::kOk) return result;
  BatchResult rest = SendEach(singles);
  for (WriteOutcome& o : rest.outcomes) result.outcomes.push_back(std::move(o));
  result.call = rest.call;
  result.auth_failed = rest.auth_failed;
  return result;
}

ProspectWriter::BatchResult ProspectWriter::SendBatch(const std::vector<Operation>& ops) {
  BatchResult result;
  json::object payload;
  if (version_ == 3) {
    json::object keyed;
    for (const Operation& op : ops) {
      json::object fields;
      for (const FieldWrite& w : op.fields) fields[w.field] = V34Value(w.field, w.after);
      keyed[op.prospect_id] = std::move(fields);
    }
    payload["prospects"] = std::move(keyed);
  } else {
    json::array rows;
    for (const Operation& op : ops) {
      json::object fields;
      fields["id"] = static_cast<std::int64_t>(std::stoll(op.prospect_id));
      for (const FieldWrite& w : op.fields) fields[w.field] = V34Value(w.field, w.after);
      rows.emplace_back(std::move(fields));
    }
    payload["prospects"] = std::move(rows);
  }
  Request request;
  request.method = "POST";
  request.url = "/api/prospect/version/" + std::to_string(version_) + "/do/batchUpdate";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  request.body = "format=json&prospects=" + UrlEncode(json::serialize(payload));
  const auto sent = session_.Send(request, /*idempotent=*/false);
  result.call = sent.classified;
  result.auth_failed = sent.auth_failed;
  if (sent.classified.outcome != pardot::Outcome::kOk) {
    if (EffectUnknown(sent.response)) {
      for (const Operation& op : ops) result.outcomes.push_back(MakeOutcome(op, OpState::kUnknown));
    }
    return result;
  }
  // {"@attributes":{...},"errors":{"<id or index>":"message"}}; rows not named succeeded.
  json::error_code ec;
  const json::value doc = json::parse(sent.response.body, ec);
  const json::object* errors = nullptr;
  if (!ec && doc.is_object()) {
    if (const auto* e = doc.as_object().if_contains("errors"); e && e->is_object()) {
      errors = &e->as_object();
    }
  }
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const std::string key = version_ == 3 ? ops[i].prospect_id : std::to_string(i);
    const json::value* error = errors ? errors->if_contains(key) : nullptr;
    if (error == nullptr) {
      result.outcomes.push_back(MakeOutcome(ops[i], OpState::kConfirmed));
    } else {
      result.outcomes.push_back(MakeOutcome(
          ops[i], OpState::kFailed,
          error->is_string() ? std::string(error->as_string()) : json::serialize(*error)));
    }
  }
  return result;
}

Request ProspectWriter::RequestFor(const Operation& op) const {
  Request request;
  if (op.kind == "undelete") {
    // The body shape is UNCONFIRMED (pardot-api.md §1.5). The operation is documented as
    // "undeletes the record in deleted state with the latest activity at, by email": an email
    // is all it takes, and matchEmail is the name the sibling upsertLatestByEmail gives that
    // email. The answer names the prospect restored, which OutcomeOf checks.
    const Value email = op.After("email");
    request.method = "POST";
    request.url = "/api/v5/objects/prospects/do/undelete?fields=id";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = json::serialize(json::object{{"matchEmail", email.text()}});
  } else if (op.kind == "delete") {
    request.method = version_ == 5 ? "DELETE" : "POST";
    if (version_ == 5) {
      request.url = "/api/v5/objects/prospects/" + op.prospect_id;
    } else {
      request.url =
          "/api/prospect/version/" + std::to_string(version_) + "/do/delete/id/" + op.prospect_id;
      request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
      request.body = "format=json";
    }
  } else {
    json::object body;
    for (const FieldWrite& w : op.fields) body[ToV5Name(w.field)] = V5Value(w.field, w.after);
    request.method = "PATCH";
    request.url = "/api/v5/objects/prospects/" + op.prospect_id + "?fields=id";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = json::serialize(body);
  }
  return request;
}

WriteOutcome ProspectWriter::OutcomeOf(const Operation& op, const Session::Result& sent) const {
  const Classified& c = sent.classified;
  if (c.outcome == Outcome::kPerRecord) {
    if (op.kind == "delete" && NoSuchProspect(c.code, version_)) {
      return MakeOutcome(op, OpState::kConfirmed, std::string(kAlreadyGone) + ErrorText(c));
    }
    if (op.kind == "undelete" && NoSuchProspect(c.code, 5)) {
      return MakeOutcome(op, OpState::kFailed,
                         "not restored: Pardot holds no deleted prospect with the email " +
                             op.After("email").text() + " (" + ErrorText(c) + ")");
    }
    return MakeOutcome(op, OpState::kFailed, ErrorText(c));
  }
  if (op.kind != "undelete") return MakeOutcome(op, OpState::kConfirmed);
  // Restored: but which one?
  json::error_code ec;
  const json::value doc = json::parse(sent.response.body, ec);
  const json::value* id = !ec && doc.is_object() ? doc.as_object().if_contains("id") : nullptr;
  if (id == nullptr || !id->is_int64()) {
    return MakeOutcome(op, OpState::kUnknown);  // a read settles whether it came back
  }
  const std::string restored = std::to_string(id->as_int64());
  if (restored == op.prospect_id) return MakeOutcome(op, OpState::kConfirmed);
  std::string why = "not restored: Pardot's undelete by email " + op.After("email").text();
  why += " restored prospect " + restored + " instead (the deleted one with the latest activity);";
  why += " prospect " + op.prospect_id + " is still deleted and " + restored + " is active again";
  return MakeOutcome(op, OpState::kFailed, std::move(why));
}

bool ProspectWriter::MembershipChange(const Operation& op) const {
  return version_ == 5 && op.kind == "update" && op.fields.size() == 1 &&
         ListIdOf(op.fields.front().field).has_value();
}

Session::Result ProspectWriter::SendMembership(const Operation& op) {
  const FieldWrite& w = op.fields.front();
  const long long list = *ListIdOf(w.field);
  if (IsMember(w.after).value_or(false)) {
    Request request;
    request.method = "POST";
    request.url = "/api/v5/objects/list-memberships?fields=id";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = json::serialize(json::object{
        {"listId", list}, {"prospectId", static_cast<std::int64_t>(std::stoll(op.prospect_id))}});
    auto sent = session_.Send(request, /*idempotent=*/false);
    if (sent.classified.outcome != Outcome::kPerRecord) return sent;
    // Refused: if the prospect is on the list anyway (an add sent twice, or a membership made
    // by someone else meanwhile), the change has the effect it was for.
    auto found = FindV5Membership(session_, list, op.prospect_id);
    return found.membership_id ? found.sent : sent;
  }
  auto found = FindV5Membership(session_, list, op.prospect_id);
  if (found.sent.classified.outcome != Outcome::kOk || !found.membership_id) return found.sent;
  Request request;
  request.method = "DELETE";
  request.url = "/api/v5/objects/list-memberships/" + std::to_string(*found.membership_id);
  auto sent = session_.Send(request, /*idempotent=*/false);
  if (sent.classified.outcome == Outcome::kPerRecord && NoSuchProspect(sent.classified.code, 5)) {
    sent.classified = {Outcome::kOk, 0, ""};  // removed meanwhile: off the list, as asked
  }
  return sent;
}

ProspectWriter::BatchResult ProspectWriter::SendEach(const std::vector<Operation>& ops) {
  BatchResult result;
  result.call = {pardot::Outcome::kOk, 0, ""};
  for (const Operation& op : ops) {
    if (version_ == 5 && !MembershipChange(op) &&
        std::any_of(op.fields.begin(), op.fields.end(),
                    [](const FieldWrite& w) { return ListIdOf(w.field).has_value(); })) {
      result.outcomes.push_back(MakeOutcome(
          op, OpState::kFailed,
          "not sent: in v5 a list membership is written on its own, not with other fields"));
      continue;
    }
    if (op.kind == "undelete" && op.After("email").empty()) {
      result.outcomes.push_back(MakeOutcome(
          op, OpState::kFailed,
          "not restored: the journal holds no email for the prospect, and Pardot undeletes by "
          "email"));
      continue;
    }
    const auto sent = MembershipChange(op) ? SendMembership(op)
                                           : session_.Send(RequestFor(op), /*idempotent=*/false);
    const Classified& c = sent.classified;
    if (c.outcome == pardot::Outcome::kOk || c.outcome == pardot::Outcome::kPerRecord) {
      result.outcomes.push_back(OutcomeOf(op, sent));
    } else {
      if (EffectUnknown(sent.response))
        result.outcomes.push_back(MakeOutcome(op, OpState::kUnknown));
      result.call = c;
      result.auth_failed = sent.auth_failed;
      return result;  // the rest stay planned: the call cannot go on
    }
  }
  return result;
}

Result<Record> ProspectWriter::Read(const std::string& prospect_id,
                                    const std::vector<std::string>& fields) {
  std::vector<long long> lists;  // membership fields asked for
  for (const auto& f : fields) {
    if (const auto list = ListIdOf(f)) lists.push_back(*list);
  }
  Request request;
  if (version_ == 5) {
    std::string names = "id";
    for (const auto& f : fields) {
      if (!ListIdOf(f)) names += "," + ToV5Name(f);
    }
    request.url = "/api/v5/objects/prospects/" + prospect_id + "?fields=" + names;
  } else {
    request.url = "/api/prospect/version/" + std::to_string(version_) + "/do/read/id/" +
                  prospect_id + "?format=json";
  }
  const auto sent = session_.Send(request);
  if (sent.classified.outcome == pardot::Outcome::kPerRecord) {
    // Pardot refused this prospect (an unknown id, say): the prospect's error, not the call's.
    return Status::NotFound("reading prospect " + prospect_id +
                            " failed: " + ErrorText(sent.classified));
  }
  if (sent.classified.outcome != pardot::Outcome::kOk) {
    return Status::Io("reading prospect " + prospect_id + " failed: " + ErrorText(sent.classified));
  }
  if (version_ == 5) {
    auto record = DecodeV5Record(sent.response.body);
    for (std::size_t i = 0; record.ok() && i < lists.size(); ++i) {
      auto found = FindV5Membership(session_, lists[i], prospect_id);
      if (found.sent.classified.outcome != Outcome::kOk) {
        return Status::Io("reading the lists of prospect " + prospect_id +
                          " failed: " + ErrorText(found.sent.classified));
      }
      record->Load(InternField(ListField(lists[i])), MemberValue(found.membership_id.has_value()));
    }
    return record;
  }
  // {"@attributes":...,"prospect":{...}}: decode through the query decoder's record rules.
  json::error_code ec;
  json::value doc = json::parse(sent.response.body, ec);
  if (ec || !doc.is_object() || !doc.as_object().contains("prospect")) {
    return Status::Parse("reading prospect " + prospect_id + ": unexpected answer");
  }
  json::object wrapped;
  wrapped["result"] = json::object{{"prospect", doc.as_object().at("prospect")}};
  auto page = DecodeV34Query(json::serialize(wrapped));
  if (!page.ok()) return page.status();
  const std::vector<long long> on = ListsOfRead(doc.as_object().at("prospect").is_object()
                                                    ? doc.as_object().at("prospect").as_object()
                                                    : json::object());
  for (Record& r : page->records) {
    if (r.id() != prospect_id) continue;
    for (const long long list : lists) {
      const bool member = std::find(on.begin(), on.end(), list) != on.end();
      r.Load(InternField(ListField(list)), MemberValue(member));
    }
    return std::move(r);
  }
  return Status::NotFound("prospect " + prospect_id + " was not in the answer");
}

Result<bool> ProspectWriter::Exists(const std::string& prospect_id) {
  Request request;
  request.url = version_ == 5 ? "/api/v5/objects/prospects/" + prospect_id + "?fields=id"
                              : "/api/prospect/version/" + std::to_string(version_) +
                                    "/do/read/id/" + prospect_id + "?format=json";
  const auto sent = session_.Send(request);
  const Classified& c = sent.classified;
  if (c.outcome == Outcome::kOk) return true;
  if (c.outcome == Outcome::kPerRecord && NoSuchProspect(c.code, version_)) return false;
  return Status::Io("reading prospect " + prospect_id + " failed: " + ErrorText(c));
}

Result<bool> ProspectWriter::Verify(const Operation& operation) {
  if (operation.single_request()) {
    auto active = Exists(operation.prospect_id);
    if (!active.ok()) return active.status();
    return operation.kind == "delete" ? !*active : *active;
  }
  std::vector<std::string> names;
  for (const FieldWrite& w : operation.fields) names.push_back(w.field);
  auto current = Read(operation.prospect_id, names);
  if (!current.ok()) return current.status();
  for (const FieldWrite& w : operation.fields) {
    const Value& now = current->Get(InternField(w.field));
    const bool same = ListIdOf(w.field)   ? IsMember(now) == IsMember(w.after)
                      : w.after.is_null() ? now.empty()
                                          : now.text() == w.after.text();
    if (!same) return false;
  }
  return true;
}

}  // namespace pdc::pardot
