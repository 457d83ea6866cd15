// One page of a v5 collection query (pardot-api.md §7.2, §7.3), shared by the collections
// (prospects, visitor activities): the first request's parameters or the nextPageToken, keyset
// paging, the token and nextPageUrl, the token-sequence cap. See v5_page.cpp.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tests/emulator/handlers.h"
#include "tests/emulator/v5_query.h"

namespace pdc::emulator::v5 {

// A collection as the pager sees it. Record is Prospect or VisitorActivity.
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

// `fields` are the requested field names, already checked, as nextPageUrl repeats them.
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
