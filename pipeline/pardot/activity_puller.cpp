#include "pipeline/pardot/activity_puller.h"

#include <algorithm>
#include <cctype>

namespace pdc::pardot {
namespace {

constexpr int kV34Page = 200;
constexpr int kV5Page = 1000;

std::string JoinFields() {
  std::string out;
  for (const std::string& f : ActivityPuller::V5Fields()) out += (out.empty() ? "" : ",") + f;
  return out;
}

// A v5 record with its fields renamed to the v3/v4 names.
Record WithSnakeNames(const Record& v5) {
  Record out;
  out.set_id(v5.id());
  for (const Field& f : v5.fields()) out.Load(InternField(SnakeCase(FieldName(f.id))), f.value);
  return out;
}

}  // namespace

std::string SnakeCase(std::string_view camel) {
  std::string out;
  out.reserve(camel.size() + 4);
  for (const char c : camel) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

const std::vector<std::string>& ActivityPuller::V5Fields() {
  // The fields the v5 object documents for every activity; the asset ids of v3/v4 answers
  // (email_id, form_id, ...) are not asked for.
  static const std::vector<std::string> fields = {"id",         "prospectId", "visitorId",
                                                  "type",       "typeName",   "details",
                                                  "campaignId", "createdAt",  "updatedAt"};
  return fields;
}

ActivityPuller::ActivityPuller(Session& session, int api_version, long long after_id,
                               long long before_id)
    : session_(session), version_(api_version), before_id_(before_id), high_water_(after_id) {}

ActivityPuller::Page ActivityPuller::Highest(Session& session, int api_version) {
  Request request;
  request.url = api_version == 5
                    ? "/api/v5/objects/visitor-activities?fields=id&limit=1&orderBy=id%20DESC"
                    : "/api/visitorActivity/version/" + std::to_string(api_version) +
                          "/do/query?format=json&limit=1&sort_by=id&sort_order=descending";
  const QueryAnswer answer =
      ReadQueryAnswer(session.Send(request), api_version, "visitor_activity");
  Page page;
  page.outcome = answer.outcome;
  page.auth_failed = answer.auth_failed;
  if (answer.page) page.activities.max_id = answer.page->max_id;
  return page;
}

ActivityPuller::Page ActivityPuller::Next() {
  Page page;
  if (done_) return page;
  Request request;
  if (version_ == 5) {
    request.url = "/api/v5/objects/visitor-activities?fields=" + JoinFields();
    request.url += token_ ? "&nextPageToken=" + UrlEncode(*token_)
                          : "&orderBy=id&limit=" + std::to_string(kV5Page) +
                                "&idGreaterThan=" + std::to_string(high_water_);
    if (!token_ && before_id_ > 0) request.url += "&idLessThan=" + std::to_string(before_id_);
  } else {
    request.url = "/api/visitorActivity/version/" + std::to_string(version_) +
                  "/do/query?format=json&output=bulk&sort_by=id&sort_order=ascending&limit=" +
                  std::to_string(kV34Page) + "&id_greater_than=" + std::to_string(high_water_);
    if (before_id_ > 0) request.url += "&id_less_than=" + std::to_string(before_id_);
  }
  QueryAnswer answer =
      ReadQueryAnswer(session_.Send(request), version_, "visitor_activity", /*relation_ids=*/true);
  page.outcome = answer.outcome;
  page.auth_failed = answer.auth_failed;
  if (!answer.page) {
    done_ = true;
    return page;
  }
  page.activities = std::move(*answer.page);
  if (version_ == 5) {
    for (Record& r : page.activities.records) r = WithSnakeNames(r);
  }
  high_water_ = std::max(high_water_, page.activities.max_id);
  if (before_id_ > 0 && high_water_ >= before_id_ - 1) {
    done_ = true;  // the range's last id is in: no page can follow
    return page;
  }
  if (version_ == 5) {
    token_ = page.activities.next_token;
    done_ = page.activities.SequenceEnds();
  } else {
    done_ = static_cast<int>(page.activities.records.size()) < kV34Page;
  }
  return page;
}

}  // namespace pdc::pardot
