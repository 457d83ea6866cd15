#include "pipeline/pardot/field_map.h"

namespace pdc::pardot {
namespace {

struct Name {
  std::string_view snake, camel;
  bool writable_v34, writable_v5;
};

// pardot-api.md §5.
constexpr Name kNames[] = {
    {"id", "id", false, false},
    {"campaign_id", "campaignId", true, true},
    {"salutation", "salutation", true, true},
    {"first_name", "firstName", true, true},
    {"last_name", "lastName", true, true},
    {"email", "email", true, true},
    {"password", "password", true, false},
    {"company", "company", true, true},
    {"prospect_account_id", "prospectAccountId", true, true},
    {"website", "website", true, true},
    {"job_title", "jobTitle", true, true},
    {"department", "department", true, true},
    {"country", "country", true, true},
    {"address_one", "addressOne", true, true},
    {"address_two", "addressTwo", true, true},
    {"city", "city", true, true},
    {"state", "state", true, true},
    {"territory", "territory", true, true},
    {"zip", "zip", true, true},
    {"phone", "phone", true, true},
    {"fax", "fax", true, true},
    {"source", "source", true, true},
    {"annual_revenue", "annualRevenue", true, true},
    {"employees", "employees", true, true},
    {"industry", "industry", true, true},
    {"years_in_business", "yearsInBusiness", true, true},
    {"comments", "comments", true, true},
    {"notes", "notes", true, true},
    {"score", "score", true, true},
    {"grade", "grade", false, false},
    {"last_activity_at", "lastActivityAt", false, false},
    {"recent_interaction", "recentInteraction", false, false},
    {"crm_lead_fid", "salesforceLeadId", false, false},
    {"crm_contact_fid", "salesforceContactId", false, false},
    {"crm_owner_fid", "salesforceOwnerId", false, true},
    {"crm_account_fid", "salesforceAccountId", false, false},
    {"salesforce_fid", "salesforceId", false, false},
    {"crm_last_sync", "salesforceLastSync", false, false},
    {"crm_url", "salesforceUrl", false, false},
    {"is_do_not_email", "isDoNotEmail", true, true},
    {"is_do_not_call", "isDoNotCall", true, true},
    {"opted_out", "optedOut", false, true},
    {"is_reviewed", "isReviewed", true, true},
    {"is_starred", "isStarred", true, true},
    {"created_at", "createdAt", false, false},
    {"updated_at", "updatedAt", false, false},
    {"user_id", "userId", false, true},
    {"assigned_to_id", "assignedToId", false, false},
    {"is_deleted", "isDeleted", false, false},
};

const Name* BySnake(std::string_view snake) {
  for (const auto& n : kNames) {
    if (n.snake == snake) return &n;
  }
  return nullptr;
}

constexpr std::string_view kCustomSuffix = "__c";

}  // namespace

std::string ToV5Name(std::string_view snake) {
  if (const Name* n = BySnake(snake)) return std::string(n->camel);
  return std::string(snake) + std::string(kCustomSuffix);
}

std::string FromV5Name(std::string_view camel) {
  for (const auto& n : kNames) {
    if (n.camel == camel) return std::string(n.snake);
  }
  if (camel.size() > kCustomSuffix.size() &&
      camel.substr(camel.size() - kCustomSuffix.size()) == kCustomSuffix) {
    return std::string(camel.substr(0, camel.size() - kCustomSuffix.size()));
  }
  return std::string(camel);
}

bool IsReadOnlyField(std::string_view snake, int api_version) {
  const Name* n = BySnake(snake);
  if (n == nullptr) return false;  // custom fields are writable
  return api_version == 5 ? !n->writable_v5 : !n->writable_v34;
}

bool IsStandardField(std::string_view snake) { return BySnake(snake) != nullptr; }

const std::vector<std::string_view>& StandardFieldNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& n : kNames) out.push_back(n.snake);
    return out;
  }();
  return names;
}

V5Type V5TypeOf(std::string_view snake) {
  constexpr std::string_view kIntegers[] = {"id",    "campaign_id", "prospect_account_id",
                                            "score", "user_id",     "assigned_to_id"};
  constexpr std::string_view kBooleans[] = {"is_do_not_email", "is_do_not_call", "opted_out",
                                            "is_reviewed",     "is_starred",     "is_deleted"};
  for (auto n : kIntegers) {
    if (n == snake) return V5Type::kInteger;
  }
  for (auto n : kBooleans) {
    if (n == snake) return V5Type::kBoolean;
  }
  return V5Type::kString;
}

}  // namespace pdc::pardot
