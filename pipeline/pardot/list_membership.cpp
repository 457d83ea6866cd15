#include "pipeline/pardot/list_membership.h"

#include <algorithm>
#include <charconv>

#include "pipeline/pardot/decode.h"
#include "pipeline/pardot/outcome.h"

namespace pdc::pardot {
namespace {

constexpr std::string_view kListPrefix = "list_";
constexpr std::string_view kV5Memberships = "/api/v5/objects/list-memberships";

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// One page of a v5 list-membership query, read by the prospect page decoder: each record is a
// membership (its id the membership's) with the field `prospectId`.
struct MembershipPage {
  std::vector<std::pair<long long, long long>> memberships;  // membership id, prospect id
  std::optional<std::string> next_token;
  bool ends = false;  // ProspectPage::SequenceEnds
};

Result<MembershipPage> DecodeMemberships(const Response& response) {
  auto decoded = DecodeV5Page(response);
  if (!decoded.ok()) return decoded.status();
  static const FieldId kProspectId = InternField("prospectId");
  MembershipPage page;
  for (const Record& r : decoded->records) {
    long long prospect = 0;
    const std::string text = r.Get(kProspectId).text();
    std::from_chars(text.data(), text.data() + text.size(), prospect);
    if (prospect > 0) page.memberships.emplace_back(std::stoll(r.id()), prospect);
  }
  page.next_token = decoded->next_token;
  page.ends = decoded->SequenceEnds();
  return page;
}

std::string WhyNot(long long list_id, const Classified& c) {
  return Describe("reading the members of list " + std::to_string(list_id), c);
}

// Sends one page's request and decodes the answer with `decode`; on failure `out` says why and
// nullopt is returned.
template <class Decode>
auto MembersPage(Session& session, const std::string& url, long long list_id,
                 ListMembersResult& out, Decode decode)
    -> std::optional<std::decay_t<decltype(*decode(Response{}))>> {
  Request request;
  request.url = url;
  const auto sent = session.Send(request);
  out.outcome = sent.classified;
  out.auth_failed = sent.auth_failed;
  if (sent.classified.outcome != Outcome::kOk) {
    out.error = WhyNot(list_id, sent.classified);
    return std::nullopt;
  }
  auto page = decode(sent.response);
  if (!page.ok()) {
    out.outcome = {Outcome::kFatal, 0, page.status().message()};
    out.error = WhyNot(list_id, out.outcome);
    return std::nullopt;
  }
  return std::move(*page);
}

void PullV34(Session& session, int version, long long list_id, ListMembersResult& out) {
  constexpr int kPage = 200;
  long long after = 0;
  for (;;) {
    const std::string url =
        "/api/prospect/version/" + std::to_string(version) +
        "/do/query?format=json&output=bulk&fields=id&limit=" + std::to_string(kPage) +
        "&sort_by=id&sort_order=ascending&list_id=" + std::to_string(list_id) +
        "&id_greater_than=" + std::to_string(after);
    auto page = MembersPage(session, url, list_id, out,
                            [](const Response& r) { return DecodeV34Query(r.body); });
    if (!page) return;
    for (const Record& r : page->records) out.members.insert(std::stoll(r.id()));
    if (static_cast<int>(page->records.size()) < kPage || page->max_id <= after) return;
    after = page->max_id;
  }
}

void PullV5(Session& session, long long list_id, ListMembersResult& out) {
  const std::string fields = std::string(kV5Memberships) + "?fields=id,prospectId";
  long long after = 0;  // membership ids: a capped sequence starts again above the last one
  std::optional<std::string> token;
  for (;;) {
    std::string url =
        fields + (token ? "&nextPageToken=" + UrlEncode(*token)
                        : "&listId=" + std::to_string(list_id) + "&orderBy=id&limit=1000");
    if (!token && after > 0) url += "&idGreaterThan=" + std::to_string(after);
    auto page = MembersPage(session, url, list_id, out, DecodeMemberships);
    if (!page) return;
    for (const auto& [id, prospect] : page->memberships) {
      out.members.insert(prospect);
      after = std::max(after, id);
    }
    token = page->next_token;
    if (page->ends) return;
  }
}

}  // namespace

std::optional<long long> ListIdOf(std::string_view field) {
  if (!field.starts_with(kListPrefix)) return std::nullopt;
  const std::string_view digits = field.substr(kListPrefix.size());
  long long id = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() || id <= 0) {
    return std::nullopt;
  }
  return id;
}

std::string ListField(long long list_id) {
  return std::string(kListPrefix) + std::to_string(list_id);
}

std::optional<bool> IsMember(const Value& value) {
  if (value.empty()) return false;
  const std::string text = Lower(value.text());
  if (text == "1" || text == "true" || text == "yes") return true;
  if (text == "0" || text == "false" || text == "no") return false;
  return std::nullopt;
}

Value MemberValue(bool member) { return member ? Value::Text("1") : Value(); }

ListMembersResult PullListMembers(Session& session, int api_version, long long list_id) {
  ListMembersResult out;
  if (api_version == 5) {
    PullV5(session, list_id, out);
  } else {
    PullV34(session, api_version, list_id, out);
  }
  return out;
}

MembershipLookup FindV5Membership(Session& session, long long list_id,
                                  const std::string& prospect_id) {
  MembershipLookup lookup;
  Request request;
  request.url = std::string(kV5Memberships) +
                "?fields=id,prospectId&listId=" + std::to_string(list_id) +
                "&prospectId=" + prospect_id + "&limit=1";
  lookup.sent = session.Send(request);
  if (lookup.sent.classified.outcome != Outcome::kOk) return lookup;
  auto page = DecodeMemberships(lookup.sent.response);
  if (!page.ok()) {
    lookup.sent.classified = {Outcome::kFatal, 0, page.status().message()};
    return lookup;
  }
  for (const auto& [id, prospect] : page->memberships) {
    if (std::to_string(prospect) == prospect_id) lookup.membership_id = id;
  }
  return lookup;
}

}  // namespace pdc::pardot
