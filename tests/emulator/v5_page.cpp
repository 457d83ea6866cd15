// The shared keyset page (v5_page.h) and GET /api/v5/objects/prospects, the prospect query on it.
#include "tests/emulator/v5_page.h"

#include <algorithm>

#include "tests/emulator/v5_fields.h"
#include "tests/emulator/v5_query.h"

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

// The names stay comma-separated; each is escaped.
std::string FieldsForUrl(std::string_view names) {
  std::string out;
  std::size_t start = 0;
  while (start <= names.size()) {
    std::size_t comma = names.find(',', start);
    if (comma == std::string_view::npos) comma = names.size();
    if (start > 0) out += ',';
    out += UrlEncode(names.substr(start, comma - start));
    start = comma + 1;
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

HttpResponse Query(const HttpRequest& request, BusinessUnit& unit, long long now,
                   const HandlerOptions& options) {
  std::vector<Field> fields;
  if (auto failure = ParseFieldList(Param(request.query, "fields"), unit, fields)) {
    return failure->Response();
  }
  QuerySpec spec;
  PageQuery page;
  page.object = "prospects";
  page.fields = FieldListText(fields);
  const auto apply = [&](const PageToken& token) {
    if (ParseOrderBy(token.order_by, spec) || ParseFilters(token.filters, unit, spec) ||
        (token.deleted && ParseDeleted(*token.deleted, spec))) {
      return false;
    }
    for (const OrderTerm& term : spec.order) page.key_names.emplace_back(SortKeyName(term.key));
    return true;
  };
  if (const auto token = Param(request.query, "nextPageToken")) {
    if (auto failure = CheckTokenCompanions(request.query)) return failure->Response();
    if (auto failure = RestorePage(*token, unit, now, apply, page)) return failure->Response();
    spec.limit = page.limit;
  } else if (auto failure = ParseQueryParams(request.query, unit, spec)) {
    return failure->Response();
  } else {
    page.order_by = spec.order_by;
    page.filters = spec.filter_params;
    page.deleted = spec.deleted_text;
    page.limit = spec.limit;
    page.skip = static_cast<std::size_t>(spec.offset);
    for (const OrderTerm& term : spec.order) page.key_names.emplace_back(SortKeyName(term.key));
  }

  // In the default order (id ascending) the unit's map is already in query order: the scan starts
  // after the resume id and stops once the page and one more row (which tells whether another
  // page follows) are found. Other orders key and sort every match. Without this, each page of a
  // 100,000-record walk re-sorted the whole unit.
  const bool id_order =
      spec.order.size() == 1 && spec.order[0].key == SortKey::kId && !spec.order[0].descending;
  const std::size_t enough = (page.page == 1 ? page.skip : 0) + PageRoom(page, options);
  std::vector<std::pair<std::vector<long long>, const Prospect*>> rows;
  auto it = id_order && !page.resume.empty() ? unit.prospects.upper_bound(page.resume[0])
                                             : unit.prospects.begin();
  for (; it != unit.prospects.end(); ++it) {
    const Prospect& prospect = it->second;
    if (!Matches(spec, unit, prospect)) continue;
    std::vector<long long> keys = KeyValues(spec, prospect);
    if (!page.resume.empty() && CompareKeys(spec, keys, page.resume) <= 0) continue;
    rows.emplace_back(std::move(keys), &prospect);
    if (id_order && rows.size() > enough) break;
  }
  std::sort(rows.begin(), rows.end(),
            [&](const auto& a, const auto& b) { return CompareKeys(spec, a.first, b.first) < 0; });
  std::vector<std::vector<long long>> keys;
  keys.reserve(rows.size());
  for (auto& row : rows) keys.push_back(std::move(row.first));
  return WritePage(request, unit, now, options, page, keys,
                   [&](std::size_t i) { return RenderRecord(unit, *rows[i].second, fields); });
}

}  // namespace pdc::emulator::v5
