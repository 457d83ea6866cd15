#include "tests/emulator/fields.h"

namespace pdc::emulator {
namespace {

using T = FieldType;

// In the order Pardot lists them in v3/v4 responses (fixture v3v4_prospect_query_full.xml).
constexpr FieldDef kFields[] = {
    {"id", "id", T::kInteger, false, false},
    {"campaign_id", "campaignId", T::kInteger, true, true},
    {"salutation", "salutation", T::kString, true, true},
    {"first_name", "firstName", T::kString, true, true},
    {"last_name", "lastName", T::kString, true, true},
    {"email", "email", T::kString, true, true},
    {"password", "password", T::kString, true, false},
    {"company", "company", T::kString, true, true},
    {"prospect_account_id", "prospectAccountId", T::kInteger, true, true},
    {"website", "website", T::kString, true, true},
    {"job_title", "jobTitle", T::kString, true, true},
    {"department", "department", T::kString, true, true},
    {"country", "country", T::kString, true, true},
    {"address_one", "addressOne", T::kString, true, true},
    {"address_two", "addressTwo", T::kString, true, true},
    {"city", "city", T::kString, true, true},
    {"state", "state", T::kString, true, true},
    {"territory", "territory", T::kString, true, true},
    {"zip", "zip", T::kString, true, true},
    {"phone", "phone", T::kString, true, true},
    {"fax", "fax", T::kString, true, true},
    {"source", "source", T::kString, true, true},
    {"annual_revenue", "annualRevenue", T::kString, true, true},
    {"employees", "employees", T::kString, true, true},
    {"industry", "industry", T::kString, true, true},
    {"years_in_business", "yearsInBusiness", T::kString, true, true},
    {"comments", "comments", T::kString, true, true},
    {"notes", "notes", T::kString, true, true},
    {"score", "score", T::kInteger, true, true},
    {"grade", "grade", T::kString, false, false},
    {"last_activity_at", "lastActivityAt", T::kTimestamp, false, false},
    {"recent_interaction", "recentInteraction", T::kString, false, false},
    {"crm_lead_fid", "salesforceLeadId", T::kString, false, false},
    {"crm_contact_fid", "salesforceContactId", T::kString, false, false},
    {"crm_owner_fid", "salesforceOwnerId", T::kString, false, true},
    {"crm_account_fid", "salesforceAccountId", T::kString, false, false},
    {"salesforce_fid", "salesforceId", T::kString, false, false},
    {"crm_last_sync", "salesforceLastSync", T::kTimestamp, false, false},
    {"crm_url", "salesforceUrl", T::kString, false, false},
    {"is_do_not_email", "isDoNotEmail", T::kFlag, true, true},
    {"is_do_not_call", "isDoNotCall", T::kFlag, true, true},
    {"opted_out", "optedOut", T::kFlag, false, true},
    {"is_reviewed", "isReviewed", T::kFlag, true, true},
    {"is_starred", "isStarred", T::kFlag, true, true},
    {"created_at", "createdAt", T::kTimestamp, false, false},
    {"updated_at", "updatedAt", T::kTimestamp, false, false},
    {"", "userId", T::kInteger, false, true},
    {"", "assignedToId", T::kInteger, false, false},
    {"", "isDeleted", T::kFlag, false, false},
};

}  // namespace

std::span<const FieldDef> StandardFields() { return kFields; }

const FieldDef* FindSnake(std::string_view snake) {
  for (const auto& f : kFields) {
    if (!f.snake.empty() && f.snake == snake) return &f;
  }
  return nullptr;
}

const FieldDef* FindCamel(std::string_view camel) {
  for (const auto& f : kFields) {
    if (!f.camel.empty() && f.camel == camel) return &f;
  }
  return nullptr;
}

}  // namespace pdc::emulator
