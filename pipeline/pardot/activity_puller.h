// ActivityPuller: pages of visitor activities, by keyset on id, for exports (pardot-api.md §3.4,
// §7.3; the object-or-array quirk of v3/v4 applies as for prospects).
//   v3/v4:
//   /api/visitorActivity/version/N/do/query?format=json&output=bulk&sort_by=id&sort_order=ascending
//          &id_greater_than=K&limit=200; done after a short page.
//   v5:    GET /api/v5/objects/visitor-activities?fields=...&orderBy=id&limit=1000
//          &idGreaterThan=K, then nextPageToken; after the 100,000-record cap a new sequence from
//          the highest id seen.
// Records carry v3/v4 field names in every version (v5's prospectId becomes prospect_id, typeName
// type_name, createdAt created_at). Used by one thread at a time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/pardot/puller.h"

namespace pdc::pardot {

class ActivityPuller {
 public:
  // Activities with ids above `after_id` and, when `before_id` is set, below it.
  ActivityPuller(Session& session, int api_version, long long after_id, long long before_id = 0);

  struct Page {
    ProspectPage activities;
    Classified outcome;  // kOk, or why the pull stopped
    bool auth_failed = false;
  };
  // The highest activity id the business unit holds now, in the page's max_id (0 when it has
  // none); one request.
  static Page Highest(Session& session, int api_version);
  Page Next();
  bool done() const { return done_; }
  // The highest id pulled so far: where the next export starts.
  long long high_water() const { return high_water_; }

  // The fields a v5 pull asks for.
  static const std::vector<std::string>& V5Fields();

 private:
  Session& session_;
  const int version_;
  const long long before_id_;
  long long high_water_;
  std::optional<std::string> token_;
  bool done_ = false;
};

// "prospectId" -> "prospect_id".
std::string SnakeCase(std::string_view camel);

}  // namespace pdc::pardot
