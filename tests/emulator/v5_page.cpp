// One page of a v5 collection query (pardot-api.md §7.2, §7.3), and GET
// /api/v5/objects/prospects on top of it.
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
#include "tests/emulator/v5_page.h"

#include <algorithm>

#include "tests/emulator/v5_fields.h"
#include "tests/emulator/v5_token.h"

namespace pdc::emulator::v5 {
namespace {

constexpr std::string_view kCapWarning =
    "203;Record count for nextPageToken sequence has been exceeded. No page token returned.";

// Where a continued query resumes.
struct Continuation {
  std::vector<long long> resume;  // order keys of the last record returned
  long long page = 1;
  long long rec_count = 0;
};

// The spec and position a token carries: 211 unless it decodes to a spec this emulator would
// issue, then 210 once it has expired.
std::optional<Failure> Restore(std::string_view text, const BusinessUnit& unit, long long now,
                               const QuerySchema& schema, QuerySpec& spec, Continuation& at) {
  const Failure invalid{211, 400, ""};
  const std::optional<PageToken> token = DecodePageToken(text, unit);
  if (!token || ParseOrderBy(token->order_by, schema, spec) ||
      ParseFilters(token->filters, unit, schema, spec) ||
      (token->deleted && (!schema.deleted || ParseDeleted(*token->deleted, spec)))) {
    return invalid;
  }
  spec.limit = token->limit;
  for (const OrderTerm& term : spec.order) {
    const auto it = std::find_if(token->resume.begin(), token->resume.end(),
                                 [&](const auto& kv) { return kv.first == SortKeyName(term.key); });
    if (it == token->resume.end()) return invalid;
    at.resume.push_back(it->second);
  }
  at.page = token->page;
  at.rec_count = token->rec_count;
  if (now >= token->expire_time) return Failure{210, 400, ""};
  return std::nullopt;
}

// Base64 is safe in a query value except '+' (read as a space) and '/'.
std::string EscapeToken(std::string_view token) {
  std::string out;
  for (const char c : token) {
    if (c == '+') {
      out += "%2B";
    } else if (c == '/') {
      out += "%2F";
    } else {
      out += c;
    }
  }
  return out;
}

std::string FieldsForUrl(const std::vector<std::string>& fields) {
  std::string out;
  for (const auto& name : fields) {
    if (!out.empty()) out += ',';
    out += UrlEncode(name);
  }
  return out;
}

}  // namespace

template <class Record>
HttpResponse QueryPage(const HttpRequest& request, BusinessUnit& unit, long long now,
                       const HandlerOptions& options, const PagedCollection<Record>& collection,
                       const std::vector<std::string>& fields) {
  const QuerySchema& schema = collection.schema;
  QuerySpec spec;
  Continuation at;
  if (const auto token = Param(request.query, "nextPageToken")) {
    for (const auto& [name, value] : request.query) {
      if (name != "fields" && name != "nextPageToken") {
        return InvalidParameter(name, "Only fields may accompany nextPageToken.").Response();
      }
    }
    if (auto failure = Restore(*token, unit, now, schema, spec, at)) return failure->Response();
  } else if (auto failure = ParseQueryParams(request.query, unit, schema, spec)) {
    return failure->Response();
  }

  // In the default order (id ascending) the records' map is already in query order: the scan
  // starts after the resume id and stops once the page and one more row (which tells whether
  // another page follows) are found. Other orders key and sort every match. Without this, each
  // page of a 100,000-record walk re-sorted the whole unit.
  const bool id_order =
      spec.order.size() == 1 && spec.order[0].key == SortKey::kId && !spec.order[0].descending;
  const std::size_t skip = at.page == 1 ? static_cast<std::size_t>(spec.offset) : 0;
  const long long room = std::max(0LL, options.v5_sequence_cap - at.rec_count);
  const std::size_t wanted =
      std::min(static_cast<std::size_t>(spec.limit), static_cast<std::size_t>(room));
  std::vector<std::pair<std::vector<long long>, const Record*>> rows;
  const std::map<long long, Record>& records = collection.records;
  auto it = id_order && !at.resume.empty() ? records.upper_bound(at.resume[0]) : records.begin();
  for (; it != records.end(); ++it) {
    const Record& record = it->second;
    if (!collection.matches(spec, record)) continue;
    std::vector<long long> keys = collection.keys(spec, record);
    if (!at.resume.empty() && CompareKeys(spec, keys, at.resume) <= 0) continue;
    rows.emplace_back(std::move(keys), &record);
    if (id_order && rows.size() > skip + wanted) break;
  }
  std::sort(rows.begin(), rows.end(),
            [&](const auto& a, const auto& b) { return CompareKeys(spec, a.first, b.first) < 0; });
  const std::size_t first = std::min(skip, rows.size());
  const std::size_t count = std::min(wanted, rows.size() - first);
  const bool more = first + count < rows.size();
  const long long rec_count = at.rec_count + static_cast<long long>(count);

  HttpResponse response;
  std::string token = "null", url = "null";
  if (count > 0 && (count == static_cast<std::size_t>(spec.limit) || more)) {
    if (rec_count >= options.v5_sequence_cap) {
      if (more) response.headers.emplace_back("Pardot-Warning", std::string(kCapWarning));
    } else {
      PageToken next;
      next.order_by = spec.order_by;
      next.filters = spec.filter_params;
      next.limit = spec.limit;
      const std::vector<long long>& last = rows[first + count - 1].first;
      for (std::size_t i = 0; i < spec.order.size(); ++i) {
        next.resume.emplace_back(std::string(SortKeyName(spec.order[i].key)), last[i]);
      }
      next.page = at.page + 1;
      next.rec_count = rec_count;
      next.expire_time = now + options.v5_token_hours * 3600LL;
      next.deleted = spec.deleted_text;
      const std::string text = EncodePageToken(next, unit);
      token = JsonQuote(text);
      url = JsonQuote(CollectionUrl(request, unit, schema.path) +
                      "?fields=" + FieldsForUrl(fields) + "&nextPageToken=" + EscapeToken(text));
    }
  }
  response.body = "{\"nextPageToken\":" + token + ",\"nextPageUrl\":" + url + ",\"values\":[";
  for (std::size_t i = first; i < first + count; ++i) {
    if (i > first) response.body += ',';
    response.body += collection.render(*rows[i].second);
  }
  response.body += "]}";
  return response;
}

template HttpResponse QueryPage<Prospect>(const HttpRequest&, BusinessUnit&, long long,
                                          const HandlerOptions&, const PagedCollection<Prospect>&,
                                          const std::vector<std::string>&);
template HttpResponse QueryPage<VisitorActivity>(const HttpRequest&, BusinessUnit&, long long,
                                                 const HandlerOptions&,
                                                 const PagedCollection<VisitorActivity>&,
                                                 const std::vector<std::string>&);

HttpResponse Query(const HttpRequest& request, BusinessUnit& unit, long long now,
                   const HandlerOptions& options) {
  std::vector<Field> fields;
  if (auto failure = ParseFieldList(Param(request.query, "fields"), unit, fields)) {
    return failure->Response();
  }
  std::vector<std::string> names;
  for (const Field& f : fields) names.push_back(f.name);
  const PagedCollection<Prospect> prospects{
      ProspectQuerySchema(), unit.prospects,
      [&](const QuerySpec& spec, const Prospect& p) { return Matches(spec, unit, p); },
      [](const QuerySpec& spec, const Prospect& p) { return KeyValues(spec, p); },
      [&](const Prospect& p) { return RenderRecord(unit, p, fields); }};
  return QueryPage(request, unit, now, options, prospects, names);
}

}  // namespace pdc::emulator::v5
