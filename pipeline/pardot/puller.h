// ProspectPuller: pages of prospects from a business unit, by keyset on id so that a pull can
// resume from a checkpoint and never skips or repeats a prospect (pardot-api.md §3.4, §7.3).
//   v3/v4: do/query?format=json&output=bulk&limit=200&sort_by=id&sort_order=ascending
//          &id_greater_than=N; done after a short page.
//   v5:    GET /api/v5/objects/prospects?fields=...&limit=1000&orderBy=id&idGreaterThan=N,
//          then nextPageToken; after the 100,000-record cap (Pardot-Warning 203) a new sequence
//          from the highest id seen.
// Used by one thread at a time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/pardot/decode.h"
#include "pipeline/pardot/session.h"

namespace pdc::pardot {

// A query's answer as a page: the decoded page, or why there is none: the call's own failure, or
// a fatal outcome naming the query ("visitor activity query answered with an unreadable page")
// when the page cannot be read. `element` is the v3/v4 result key ("prospect",
// "visitor_activity"), see DecodeV34Query; v5 pages decode alike whatever their object.
struct QueryAnswer {
  Classified outcome;
  bool auth_failed = false;
  std::optional<ProspectPage> page;  // set exactly when outcome is kOk
};
QueryAnswer ReadQueryAnswer(const Session::Result& sent, int api_version, std::string_view element,
                            bool relation_ids = false);

struct PullOptions {
  int api_version = 4;
  long long after_id = 0;              // resume point: only ids above it
  long long before_id = 0;             // when set, only ids below it (one range of a parallel pull)
  std::string updated_after;           // incremental pulls: "2026-01-01" or an ISO 8601 time
  std::vector<std::string> v5_fields;  // v5 `fields` (pipeline names); defaults when empty
  // Of v5_fields, custom fields the account may not have (a rule's named output, say). Pardot
  // refuses a query naming an unknown field (code 51); such a field is then left out of the
  // pull, as v3/v4 answers leave it out, and listed in dropped_fields().
  std::vector<std::string> v5_optional_fields;
  int page_size = 0;  // 0: the maximum (200 for v3/v4, 1000 for v5)
};

class ProspectPuller {
 public:
  ProspectPuller(Session& session, PullOptions options);

  struct Page {
    ProspectPage prospects;
    Classified outcome;  // kOk, or why the pull stopped
    bool auth_failed = false;
  };
  // The next page; check outcome. Once done() nothing more is sent.
  Page Next();
  // v3/v4: how many prospects the pull has ahead of it, in one request of its own (the query
  // with output=simple and limit=1: bulk output, which the pages use, leaves total_results out).
  // Nullopt for v5, which has no count, and when the request fails (the pull then tells why).
  std::optional<long long> CountAhead();
  bool done() const { return done_; }
  // The highest id pulled so far: the checkpoint to resume after.
  long long high_water() const { return high_water_; }
  // Optional v5 fields the account does not have, left out of the pull.
  const std::vector<std::string>& dropped_fields() const { return dropped_; }

  // The fields a v5 pull asks for by default (every readable standard field).
  static std::vector<std::string> DefaultV5Fields();

 private:
  std::string FirstPageUrl() const;
  // The v3/v4 query from the high-water mark on, with this output mode and page size.
  std::string V34QueryUrl(const char* output, int limit) const;

  Session& session_;
  PullOptions options_;
  long long high_water_;
  std::optional<std::string> token_;
  bool done_ = false;
  std::vector<std::string> dropped_;
};

}  // namespace pdc::pardot
