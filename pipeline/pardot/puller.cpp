#include "pipeline/pardot/puller.h"

#include <algorithm>

#include "pipeline/pardot/field_map.h"

namespace pdc::pardot {
namespace {

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ',';
    out += ToV5Name(n);
  }
  return out;
}

}  // namespace

std::vector<std::string> ProspectPuller::DefaultV5Fields() {
  return {"id",
          "email",
          "first_name",
          "last_name",
          "salutation",
          "company",
          "job_title",
          "department",
          "website",
          "phone",
          "fax",
          "country",
          "state",
          "city",
          "zip",
          "address_one",
          "address_two",
          "territory",
          "industry",
          "annual_revenue",
          "employees",
          "years_in_business",
          "source",
          "comments",
          "notes",
          "score",
          "grade",
          "campaign_id",
          "is_do_not_email",
          "is_do_not_call",
          "opted_out",
          "is_reviewed",
          "is_starred",
          "crm_lead_fid",
          "crm_contact_fid",
          "crm_owner_fid",
          "crm_account_fid",
          "last_activity_at",
          "created_at",
          "updated_at"};
}

ProspectPuller::ProspectPuller(Session& session, PullOptions options)
    : session_(session), options_(std::move(options)), high_water_(options_.after_id) {
  if (options_.v5_fields.empty()) options_.v5_fields = DefaultV5Fields();
  if (options_.page_size <= 0) options_.page_size = options_.api_version == 5 ? 1000 : 200;
}

std::string ProspectPuller::FirstPageUrl() const {
  if (options_.api_version == 5) {
    const std::string limit = std::to_string(options_.page_size);
    std::string url = "/api/v5/objects/prospects?fields=" + Join(options_.v5_fields) +
                      "&limit=" + limit +
                      "&orderBy=id&idGreaterThan=" + std::to_string(high_water_);
    if (options_.before_id > 0) url += "&idLessThan=" + std::to_string(options_.before_id);
    if (!options_.updated_after.empty()) {
      url += "&updatedAtAfter=" + UrlEncode(options_.updated_after);
    }
    return url;
  }
  return V34QueryUrl("bulk", options_.page_size);
}

std::string ProspectPuller::V34QueryUrl(const char* output, int limit) const {
  std::string url =
      "/api/prospect/version/" + std::to_string(options_.api_version) +
      "/do/query?format=json&output=" + output + "&limit=" + std::to_string(limit) +
      "&sort_by=id&sort_order=ascending&id_greater_than=" + std::to_string(high_water_);
  if (options_.before_id > 0) url += "&id_less_than=" + std::to_string(options_.before_id);
  if (!options_.updated_after.empty()) url += "&updated_after=" + UrlEncode(options_.updated_after);
  return url;
}

std::optional<long long> ProspectPuller::CountAhead() {
  if (options_.api_version == 5) return std::nullopt;
  Request request;
  request.url = V34QueryUrl("simple", 1);
  const auto sent = session_.Send(request);
  if (sent.classified.outcome != Outcome::kOk) return std::nullopt;
  auto decoded = DecodeV34Query(sent.response.body);
  if (!decoded.ok()) return std::nullopt;
  return decoded->total;
}

QueryAnswer ReadQueryAnswer(const Session::Result& sent, int api_version, std::string_view element,
                            bool relation_ids) {
  QueryAnswer answer{sent.classified, sent.auth_failed, std::nullopt};
  if (sent.classified.outcome != Outcome::kOk) return answer;
  auto decoded = api_version == 5 ? DecodeV5Page(sent.response)
                                  : DecodeV34Query(sent.response.body, element, relation_ids);
  if (!decoded.ok()) {
    std::string what(element);
    std::replace(what.begin(), what.end(), '_', ' ');
    answer.outcome = {
        Outcome::kFatal, 0,
        what + " query answered with an unreadable page: " + decoded.status().message()};
    return answer;
  }
  answer.page = std::move(*decoded);
  return answer;
}

ProspectPuller::Page ProspectPuller::Next() {
  Page page;
  if (done_) return page;
  Request request;
  request.url = token_ ? "/api/v5/objects/prospects?fields=" + Join(options_.v5_fields) +
                             "&nextPageToken=" + UrlEncode(*token_)
                       : FirstPageUrl();
  auto sent = session_.Send(request);
  while (options_.api_version == 5 && sent.classified.code == 51 && !token_) {
    // An unknown field: leave it out if it is one the pull can do without, and ask again.
    const auto optional =
        std::find_if(options_.v5_optional_fields.begin(), options_.v5_optional_fields.end(),
                     [&](const std::string& f) {
                       return sent.classified.message.ends_with("unknown field: " + ToV5Name(f));
                     });
    if (optional == options_.v5_optional_fields.end()) break;
    dropped_.push_back(*optional);
    std::erase(options_.v5_fields, *optional);
    options_.v5_optional_fields.erase(optional);
    request.url = FirstPageUrl();
    sent = session_.Send(request);
  }
  QueryAnswer answer = ReadQueryAnswer(sent, options_.api_version, "prospect");
  page.outcome = answer.outcome;
  page.auth_failed = answer.auth_failed;
  if (!answer.page) {
    done_ = true;
    return page;
  }
  page.prospects = std::move(*answer.page);
  high_water_ = std::max(high_water_, page.prospects.max_id);
  if (options_.api_version == 5) {
    token_ = page.prospects.next_token;
    done_ = page.prospects.SequenceEnds();
  } else {
    done_ = static_cast<int>(page.prospects.records.size()) < options_.page_size;
  }
  return page;
}

}  // namespace pdc::pardot
