// Keyset paging of the v5 queries (pardot-api.md §7.2, §7.3), shared by every v5 collection:
// restoring a nextPageToken, the room left in a token sequence and the page envelope
// {"nextPageToken","nextPageUrl","values"} (PageQuery, RestorePage, PageRoom, WritePage). On top
// of it, QueryPage runs a whole query for a collection stored by id whose parameters a
// QuerySchema describes (prospects, visitor activities); the list memberships, which hang off
// their prospects and take their own parameters, select and order themselves and call the parts.
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
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/emulator/handlers.h"
#include "tests/emulator/v5_common.h"
#include "tests/emulator/v5_query.h"
#include "tests/emulator/v5_token.h"

namespace pdc::emulator::v5 {

// One query request as a page sees it: the first request's parameters as sent (a token carries
// them on) and where the sequence stands.
struct PageQuery {
  std::string object;               // the collection in nextPageUrl: "prospects", …
  std::vector<std::string> fields;  // `fields` for nextPageUrl, already checked
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

// A collection stored by id, as QueryPage sees it. Record is Prospect or VisitorActivity.
template <class Record>
struct PagedCollection {
  const QuerySchema& schema;
  const std::map<long long, Record>& records;  // by id, which is the default order
  // Whether a record passes the spec's deleted mode and filters.
  std::function<bool(const QuerySpec&, const Record&)> matches;
  // The record's order keys, aligned with spec.order.
  std::function<std::vector<long long>(const QuerySpec&, const Record&)> keys;
  // The record as a JSON object with the requested fields.
  std::function<std::string(const Record&)> render;
};

// One page of a query on `collection`: the first request's parameters (ParseQueryParams under
// the collection's schema) or a nextPageToken. `fields` are the requested field names, already
// checked, as nextPageUrl repeats them.
template <class Record>
HttpResponse QueryPage(const HttpRequest& request, BusinessUnit& unit, long long now,
                       const HandlerOptions& options, const PagedCollection<Record>& collection,
                       const std::vector<std::string>& fields);

extern template HttpResponse QueryPage<Prospect>(const HttpRequest&, BusinessUnit&, long long,
                                                 const HandlerOptions&,
                                                 const PagedCollection<Prospect>&,
                                                 const std::vector<std::string>&);
extern template HttpResponse QueryPage<VisitorActivity>(const HttpRequest&, BusinessUnit&,
                                                        long long, const HandlerOptions&,
                                                        const PagedCollection<VisitorActivity>&,
                                                        const std::vector<std::string>&);

}  // namespace pdc::emulator::v5
