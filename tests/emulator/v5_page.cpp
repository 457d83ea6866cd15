// The shared keyset page (v5_page.h), the query of a collection stored by id on it, and
// GET /api/v5/objects/prospects.
#include "tests/emulator/v5_page.h"

#include <algorithm>

#include "tests/emulator/v5_fields.h"

namespace pdc::emulator::v5 {
namespace {

constexpr std::string_view kCapWarning =
    "203;Record count for nextPageToken sequence has been exceeded. No page token returned.";

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

// The names joined with commas, each escaped.
std::string FieldsForUrl(const std::vector<std::string>& fields) {
  std::string out;
  for (const auto& name : fields) {
    if (!out.empty()) out += ',';
    out += UrlEncode(name);
  }
  return out;
}

}  // namespace

std::optional<Failure> CheckTokenCompanions(const Params& query) {
  for (const auto& [name, value] : query) {
    if (name != "fields" && name != "nextPageToken") {
      return InvalidParameter(name, "Only fields may accompany nextPageToken.");
    }
  }
  return std::nullopt;
}

std::optional<Failure> RestorePage(std::string_view text, const BusinessUnit& unit, long long now,
                                   const std::function<bool(const PageToken&)>& apply,
                                   PageQuery& query) {
  const Failure invalid{211, 400, ""};
  const std::optional<PageToken> token = DecodePageToken(text, unit);
  if (!token || !apply(*token)) return invalid;
  query.order_by = token->order_by;
  query.filters = token->filters;
  query.deleted = token->deleted;
  query.limit = token->limit;
  query.resume.clear();
  for (const std::string& name : query.key_names) {
    const auto it = std::find_if(token->resume.begin(), token->resume.end(),
                                 [&](const auto& kv) { return kv.first == name; });
    if (it == token->resume.end()) return invalid;
    query.resume.push_back(it->second);
  }
  query.page = token->page;
  query.rec_count = token->rec_count;
  if (now >= token->expire_time) return Failure{210, 400, ""};
  return std::nullopt;
}

std::size_t PageRoom(const PageQuery& query, const HandlerOptions& options) {
  const long long room = std::max(0LL, options.v5_sequence_cap - query.rec_count);
  return std::min(static_cast<std::size_t>(query.limit), static_cast<std::size_t>(room));
}

HttpResponse WritePage(const HttpRequest& request, const BusinessUnit& unit, long long now,
                       const HandlerOptions& options, const PageQuery& query,
                       const std::vector<std::vector<long long>>& keys,
                       const std::function<std::string(std::size_t)>& render) {
  const std::size_t skip = query.page == 1 ? query.skip : 0;
  const std::size_t first = std::min(skip, keys.size());
  const std::size_t count = std::min(PageRoom(query, options), keys.size() - first);
  const bool more = first + count < keys.size();
  const long long rec_count = query.rec_count + static_cast<long long>(count);

  HttpResponse response;
  std::string token = "null", url = "null";
  if (count > 0 && (count == static_cast<std::size_t>(query.limit) || more)) {
    if (rec_count >= options.v5_sequence_cap) {
      if (more) response.headers.emplace_back("Pardot-Warning", std::string(kCapWarning));
    } else {
      PageToken next;
      next.order_by = query.order_by;
      next.filters = query.filters;
      next.limit = query.limit;
      const std::vector<long long>& last = keys[first + count - 1];
      for (std::size_t i = 0; i < query.key_names.size(); ++i) {
        next.resume.emplace_back(query.key_names[i], last[i]);
      }
      next.page = query.page + 1;
      next.rec_count = rec_count;
      next.expire_time = now + options.v5_token_hours * 3600LL;
      next.deleted = query.deleted;
      const std::string text = EncodePageToken(next, unit);
      token = JsonQuote(text);
      url = JsonQuote(CollectionUrl(request, unit, query.object) + "?fields=" +
                      FieldsForUrl(query.fields) + "&nextPageToken=" + EscapeToken(text));
    }
  }
  response.body = "{\"nextPageToken\":" + token + ",\"nextPageUrl\":" + url + ",\"values\":[";
  for (std::size_t i = first; i < first + count; ++i) {
    if (i > first) response.body += ',';
    response.body += render(i);
  }
  response.body += "]}";
  return response;
}

template <class Record>
HttpResponse QueryPage(const HttpRequest& request, BusinessUnit& unit, long long now,
                       const HandlerOptions& options, const PagedCollection<Record>& collection,
                       const std::vector<std::string>& fields) {
  const QuerySchema& schema = collection.schema;
  QuerySpec spec;
  PageQuery page;
  page.object = std::string(schema.path);
  page.fields = fields;
  const auto name_keys = [&] {
    for (const OrderTerm& term : spec.order) page.key_names.emplace_back(SortKeyName(term.key));
  };
  const auto apply = [&](const PageToken& token) {
    if (ParseOrderBy(token.order_by, schema, spec) ||
        ParseFilters(token.filters, unit, schema, spec) ||
        (token.deleted && (!schema.deleted || ParseDeleted(*token.deleted, spec)))) {
      return false;
    }
    name_keys();
    return true;
  };
  if (const auto token = Param(request.query, "nextPageToken")) {
    if (auto failure = CheckTokenCompanions(request.query)) return failure->Response();
    if (auto failure = RestorePage(*token, unit, now, apply, page)) return failure->Response();
  } else if (auto failure = ParseQueryParams(request.query, unit, schema, spec)) {
    return failure->Response();
  } else {
    page.order_by = spec.order_by;
    page.filters = spec.filter_params;
    page.deleted = spec.deleted_text;
    page.limit = spec.limit;
    page.skip = static_cast<std::size_t>(spec.offset);
    name_keys();
  }

  // In the default order (id ascending) the records' map is already in query order: the scan
  // starts after the resume id and stops once the page and one more row (which tells whether
  // another page follows) are found. Other orders key and sort every match. Without this, each
  // page of a 100,000-record walk re-sorted the whole unit.
  const bool id_order =
      spec.order.size() == 1 && spec.order[0].key == SortKey::kId && !spec.order[0].descending;
  const std::size_t enough = (page.page == 1 ? page.skip : 0) + PageRoom(page, options);
  std::vector<std::pair<std::vector<long long>, const Record*>> rows;
  const std::map<long long, Record>& records = collection.records;
  auto it =
      id_order && !page.resume.empty() ? records.upper_bound(page.resume[0]) : records.begin();
  for (; it != records.end(); ++it) {
    const Record& record = it->second;
    if (!collection.matches(spec, record)) continue;
    std::vector<long long> keys = collection.keys(spec, record);
    if (!page.resume.empty() && CompareKeys(spec, keys, page.resume) <= 0) continue;
    rows.emplace_back(std::move(keys), &record);
    if (id_order && rows.size() > enough) break;
  }
  std::sort(rows.begin(), rows.end(),
            [&](const auto& a, const auto& b) { return CompareKeys(spec, a.first, b.first) < 0; });
  std::vector<std::vector<long long>> keys;
  keys.reserve(rows.size());
  for (auto& row : rows) keys.push_back(std::move(row.first));
  return WritePage(request, unit, now, options, page, keys,
                   [&](std::size_t i) { return collection.render(*rows[i].second); });
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
