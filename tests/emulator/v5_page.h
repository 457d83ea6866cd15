// Keyset paging of the v5 queries (pardot-api.md §7.2, §7.3), shared by the prospect and the
// list-membership queries: restoring a nextPageToken, the room left in a token sequence and the
// page envelope {"nextPageToken","nextPageUrl","values"}. What a query selects and how it orders
// is the caller's; this part only sees the order keys of the matching records.
//
// Paging is a keyset over the order keys with id as the final tie-breaker: the token remembers
// the keys of the last record returned and the next page starts strictly after them. Rows that
// change, appear or disappear between pages therefore never make the sequence skip or repeat an
// unchanged record; a record whose sort key moves past the resume point (updatedAt order, record
// updated after it was read) comes again with its new values, which is what an incremental sync
// wants.
//
// A token is returned whenever the page is full, even if no record follows, so the sequence can
// end on an empty page with null token and URL (as fixture v5_query_empty_last_page.json shows
// Pardot doing; UNCONFIRMED whether Pardot also does so when it knows nothing follows).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/emulator/handlers.h"
#include "tests/emulator/v5_common.h"
#include "tests/emulator/v5_token.h"

namespace pdc::emulator::v5 {

// One query request as a page sees it: the first request's parameters as sent (a token carries
// them on) and where the sequence stands.
struct PageQuery {
  std::string object;  // the collection in nextPageUrl: "prospects", "list-memberships"
  std::string fields;  // `fields` for nextPageUrl: the names, comma-separated
  std::string order_by;
  Params filters;
  std::optional<std::string> deleted;
  int limit = 200;
  std::size_t skip = 0;                // offset; applies to the first page only
  std::vector<std::string> key_names;  // the order keys, id last
  std::vector<long long> resume;       // keys of the last record returned, empty on page 1
  long long page = 1;
  long long rec_count = 0;  // records returned so far in the sequence
};

// A token request may carry `fields` and nothing else (51 naming the first other parameter).
std::optional<Failure> CheckTokenCompanions(const Params& query);

// Restores `query` from a nextPageToken: the first request's parameters, then the position.
// `apply` re-parses the parameters into the caller's spec, sets query.key_names and answers
// false for parameters this emulator would not have issued a token for. 211 unless the text is
// such a token; then 210 once it has expired.
std::optional<Failure> RestorePage(std::string_view text, const BusinessUnit& unit, long long now,
                                   const std::function<bool(const PageToken&)>& apply,
                                   PageQuery& query);

// How many records this page may hold: the limit, or what the token sequence has left.
std::size_t PageRoom(const PageQuery& query, const HandlerOptions& options);

// The page. `keys` are the order keys (aligned with query.key_names) of the matching records
// past the resume point, in query order; a caller that stops scanning early must pass at least
// skip + PageRoom() + 1 of them when so many exist, so that the page knows whether more follow.
// `render(i)` is the JSON record of keys[i].
HttpResponse WritePage(const HttpRequest& request, const BusinessUnit& unit, long long now,
                       const HandlerOptions& options, const PageQuery& query,
                       const std::vector<std::vector<long long>>& keys,
                       const std::function<std::string(std::size_t)>& render);

}  // namespace pdc::emulator::v5
