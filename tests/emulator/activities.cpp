#include "tests/emulator/activities.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <string>
#include <tuple>

#include "tests/emulator/faults.h"

namespace pdc::emulator {
namespace {

constexpr std::array<ActivityAsset, 7> kAssets = {{
    {"email_id", "emailId", &VisitorActivity::email_id},
    {"list_email_id", "listEmailId", &VisitorActivity::list_email_id},
    {"email_template_id", "emailTemplateId", &VisitorActivity::email_template_id},
    {"form_id", "formId", &VisitorActivity::form_id},
    {"site_search_query_id", "siteSearchQueryId", &VisitorActivity::site_search_query_id},
    {"landing_page_id", "landingPageId", &VisitorActivity::landing_page_id},
    {"file_id", "fileId", &VisitorActivity::file_id},
}};

enum class Asset { kListEmail, kEmailLink, kVisit, kForm, kLandingPage, kFile, kSearch };

// What a generated activity is. Type ids are the object field reference's list (pardot/api-docs
// docs/kb/object-field-references.md: 1 Click, 2 View, 4 Success, 6 Sent, 7 Search, 11 Open,
// 13 Bounced, 20 Visit). That list names the type numbers, but recorded responses carry the
// asset's kind in <type_name>: "Email" for types 6 and 11 and "Email Tracker" for a click in an
// email (fixtures v3v4_prospect_read_full_*.xml), so type_name follows the recordings. Those three
// are confirmed; the other type_name strings are UNCONFIRMED, written by the same rule: "Visit"
// (20), "Form" (4, a form submission), "Landing Page" (2, a landing page view), "File" (1, a file
// accessed through its tracked link), "Site Search Query" (7), "Email" (13, a bounce).
// Weights make a plausible mix: mostly email, then page visits, some conversions.
struct Kind {
  int type;
  std::string_view type_name;
  int weight;
  Asset asset;
};

constexpr std::array<Kind, 9> kKinds = {{
    {6, "Email", 30, Asset::kListEmail},
    {11, "Email", 20, Asset::kListEmail},
    {1, "Email Tracker", 10, Asset::kEmailLink},
    {20, "Visit", 18, Asset::kVisit},
    {4, "Form", 8, Asset::kForm},
    {2, "Landing Page", 5, Asset::kLandingPage},
    {1, "File", 4, Asset::kFile},
    {7, "Site Search Query", 3, Asset::kSearch},
    {13, "Email", 2, Asset::kListEmail},
}};

constexpr std::array<std::string_view, 5> kSubjects = {
    "Welcome to the newsletter", "Your quarterly product update", "Invitation: spring webinar",
    "Last chance: early-bird pricing", "Case study: how teams save time"};
constexpr std::array<std::string_view, 4> kLinks = {
    "https://www.example.com/pricing", "https://www.example.com/webinar/register",
    "https://www.example.com/blog/time-savers", "https://www.example.com/contact"};
constexpr std::array<std::string_view, 3> kForms = {"Contact Us", "Newsletter Signup",
                                                    "Demo Request"};
constexpr std::array<std::string_view, 2> kLandingPages = {"Spring Webinar Registration",
                                                           "Pricing Overview"};
constexpr std::array<std::string_view, 3> kFiles = {"whitepaper.pdf", "price-list.pdf",
                                                    "datasheet.pdf"};
constexpr std::array<std::string_view, 3> kSearches = {"pricing", "integration", "api limits"};

// A prospect's one web visitor (email activities have none).
constexpr long long kVisitorBase = 800000000;
constexpr long long kMaxHistorySeconds = 30LL * 86400;

// The draws of one activity: k = ordinal × kDraws + slot. A prospect's activity count at
// start-up has a k of its own, so that the count does not shift the activities drawn.
enum Slot : std::uint64_t { kKind, kPick, kWhen, kPages, kDraws };
constexpr std::uint64_t kCountDraw = ~0ULL;

struct Drawer {
  std::uint64_t seed;
  long long prospect_id;
  long long ordinal;

  double operator()(Slot slot) const {
    return SeededUniform(seed, static_cast<std::uint64_t>(prospect_id),
                         static_cast<std::uint64_t>(ordinal) * kDraws + slot);
  }
  template <class Array>
  std::size_t Pick(const Array& items) const {
    return std::min(items.size() - 1, static_cast<std::size_t>((*this)(kPick)*items.size()));
  }
};

const Kind& DrawKind(const Drawer& draw, std::optional<int> type) {
  if (type) {
    for (const Kind& kind : kKinds) {
      if (kind.type == *type) return kind;
    }
  }
  int total = 0;
  for (const Kind& kind : kKinds) total += kind.weight;
  int at = static_cast<int>(draw(kKind) * total);
  for (const Kind& kind : kKinds) {
    if (at < kind.weight) return kind;
    at -= kind.weight;
  }
  return kKinds.back();
}

// Everything but the id and the times.
VisitorActivity Draw(const BusinessUnit& unit, const Prospect& prospect, const Drawer& draw,
                     std::optional<int> type) {
  const Kind& kind = DrawKind(draw, type);
  VisitorActivity a;
  a.prospect_id = prospect.id;
  a.type = kind.type;
  a.type_name = std::string(kind.type_name);
  // The prospect's campaign; the unit's default when it has none a number can be read from.
  const std::string campaign = prospect.Get("campaign_id");
  a.campaign_id = unit.default_campaign_id;
  std::from_chars(campaign.data(), campaign.data() + campaign.size(), a.campaign_id);
  if (kind.asset != Asset::kListEmail && kind.asset != Asset::kEmailLink) {
    a.visitor_id = kVisitorBase + prospect.id;
  }
  switch (kind.asset) {
    case Asset::kListEmail: {
      const auto i = static_cast<long long>(draw.Pick(kSubjects));
      a.details = std::string(kSubjects[i]);
      a.email_id = 167044000 + i;
      a.list_email_id = 167045000 + i;
      a.email_template_id = 13100 + i;
      break;
    }
    case Asset::kEmailLink: {
      const auto i = static_cast<long long>(draw.Pick(kLinks));
      a.details = std::string(kLinks[i]);
      a.email_id = 167044000 + i;
      a.email_template_id = 13100 + i;
      break;
    }
    case Asset::kVisit: {
      const int pages = 1 + static_cast<int>(draw(kPages) * 6);
      a.details = std::to_string(pages) + (pages == 1 ? " page view" : " page views");
      break;
    }
    case Asset::kForm: {
      const auto i = static_cast<long long>(draw.Pick(kForms));
      a.details = std::string(kForms[i]);
      a.form_id = 4001 + i;
      break;
    }
    case Asset::kLandingPage: {
      const auto i = static_cast<long long>(draw.Pick(kLandingPages));
      a.details = std::string(kLandingPages[i]);
      a.landing_page_id = 5001 + i;
      break;
    }
    case Asset::kFile: {
      const auto i = static_cast<long long>(draw.Pick(kFiles));
      a.details = std::string(kFiles[i]);
      a.file_id = 6001 + i;
      break;
    }
    case Asset::kSearch: {
      const auto i = static_cast<long long>(draw.Pick(kSearches));
      a.details = std::string(kSearches[i]);
      a.site_search_query_id = 7001 + i;
      break;
    }
  }
  return a;
}

// Gives `a` the next id and stores it, indexed by its prospect.
long long Insert(BusinessUnit& unit, VisitorActivity a) {
  a.id = unit.next_activity_id++;
  unit.activity_ids_by_prospect[a.prospect_id].push_back(a.id);
  return unit.activities.emplace(a.id, std::move(a)).first->first;
}

}  // namespace

std::span<const ActivityAsset> ActivityAssets() { return kAssets; }

const std::vector<long long>& ActivityIdsOf(const BusinessUnit& unit, long long prospect_id) {
  static const std::vector<long long> kNone;
  const auto it = unit.activity_ids_by_prospect.find(prospect_id);
  return it == unit.activity_ids_by_prospect.end() ? kNone : it->second;
}

bool KnownActivityType(int type) {
  return std::any_of(kKinds.begin(), kKinds.end(), [&](const Kind& k) { return k.type == type; });
}

std::size_t GenerateActivityHistory(BusinessUnit& unit, int per_prospect, std::uint64_t seed,
                                    long long now) {
  if (per_prospect <= 0) return 0;
  std::vector<VisitorActivity> drawn;
  for (const auto& [id, prospect] : unit.prospects) {
    const double u = SeededUniform(seed, static_cast<std::uint64_t>(id), kCountDraw);
    const int count = static_cast<int>(u * (2 * per_prospect + 1));
    const long long created = prospect.Epoch("created_at");
    const long long start = created != 0 ? created : now;
    for (int ordinal = 0; ordinal < count; ++ordinal) {
      const Drawer draw{seed, id, ordinal};
      VisitorActivity a = Draw(unit, prospect, draw, std::nullopt);
      const auto offset = static_cast<long long>(draw(kWhen) * kMaxHistorySeconds);
      a.created_at = a.updated_at = std::min(start + offset, std::max(start, now));
      drawn.push_back(std::move(a));
    }
  }
  // Stable: equal (created_at, prospect) keep the order drawn.
  std::stable_sort(drawn.begin(), drawn.end(), [](const auto& a, const auto& b) {
    return std::tie(a.created_at, a.prospect_id) < std::tie(b.created_at, b.prospect_id);
  });
  for (VisitorActivity& a : drawn) Insert(unit, std::move(a));
  return drawn.size();
}

std::vector<long long> AddActivities(BusinessUnit& unit, const std::vector<long long>& prospect_ids,
                                     int count, std::optional<int> type, std::uint64_t seed,
                                     long long now) {
  std::vector<long long> ids;
  for (const long long prospect_id : prospect_ids) {
    const Prospect* prospect = unit.Find(prospect_id, /*include_deleted=*/true);
    if (prospect == nullptr) continue;
    for (int i = 0; i < count; ++i) {
      const auto existing = static_cast<long long>(ActivityIdsOf(unit, prospect_id).size());
      VisitorActivity a = Draw(unit, *prospect, Drawer{seed, prospect_id, existing}, type);
      a.created_at = a.updated_at = now;
      ids.push_back(Insert(unit, std::move(a)));
    }
  }
  return ids;
}

}  // namespace pdc::emulator
