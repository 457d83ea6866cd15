// orderBy and the keyset order of a query (pardot-api.md §7.1). Sortable: the schema's keys; the
// direction is ASC (default) or DESC in any case.
#include <algorithm>
#include <cctype>

#include "tests/emulator/v5_query.h"

namespace pdc::emulator::v5 {
namespace {

std::string_view StoredName(SortKey key) {
  switch (key) {
    case SortKey::kCreatedAt:
      return "created_at";
    case SortKey::kUpdatedAt:
      return "updated_at";
    case SortKey::kLastActivityAt:
      return "last_activity_at";
    case SortKey::kId:
      break;
  }
  return "";
}

bool EqualsUpper(std::string_view text, std::string_view upper) {
  return text.size() == upper.size() &&
         std::equal(text.begin(), text.end(), upper.begin(), [](char a, char b) {
           return std::toupper(static_cast<unsigned char>(a)) == b;
         });
}

}  // namespace

std::string_view SortKeyName(SortKey key) {
  switch (key) {
    case SortKey::kId:
      return "id";
    case SortKey::kCreatedAt:
      return "createdAt";
    case SortKey::kUpdatedAt:
      return "updatedAt";
    case SortKey::kLastActivityAt:
      return "lastActivityAt";
  }
  return "";
}

std::optional<Failure> ParseOrderBy(std::string_view text, const QuerySchema& schema,
                                    QuerySpec& out) {
  out.order.clear();
  out.order_by = std::string(text);
  bool has_id = false;
  std::size_t start = 0;
  while (!text.empty() && start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::vector<std::string_view> words;
    const std::string_view term = text.substr(start, comma - start);
    std::size_t i = 0;
    while (i < term.size()) {
      while (i < term.size() && std::isspace(static_cast<unsigned char>(term[i]))) ++i;
      const std::size_t word_start = i;
      while (i < term.size() && !std::isspace(static_cast<unsigned char>(term[i]))) ++i;
      if (i > word_start) words.push_back(term.substr(word_start, i - word_start));
    }
    if (words.empty() || words.size() > 2) {
      return InvalidParameter("orderBy", "Expected field [ASC|DESC], comma-separated.");
    }
    OrderTerm order_term;
    bool known = false;
    std::string sortable;
    for (const SortKey key : schema.sortable) {
      if (words[0] == SortKeyName(key)) {
        order_term.key = key;
        known = true;
      }
      sortable += (sortable.empty() ? "" : ", ") + std::string(SortKeyName(key));
    }
    if (!known) {
      return InvalidParameter(
          "orderBy", "Cannot sort by " + std::string(words[0]) + "; sortable: " + sortable + ".");
    }
    if (words.size() == 2) {
      if (EqualsUpper(words[1], "DESC")) {
        order_term.descending = true;
      } else if (!EqualsUpper(words[1], "ASC")) {
        return InvalidParameter("orderBy", "The direction must be ASC or DESC.");
      }
    }
    for (const auto& earlier : out.order) {
      if (earlier.key == order_term.key) {
        return InvalidParameter("orderBy", "A field is listed twice.");
      }
    }
    has_id = has_id || order_term.key == SortKey::kId;
    out.order.push_back(order_term);
    start = comma + 1;
  }
  if (!has_id) out.order.push_back({SortKey::kId, false});
  return std::nullopt;
}

std::vector<long long> KeyValues(const QuerySpec& spec, const Prospect& prospect) {
  std::vector<long long> values;
  values.reserve(spec.order.size());
  for (const OrderTerm& term : spec.order) {
    values.push_back(term.key == SortKey::kId ? prospect.id
                                              : prospect.Epoch(std::string(StoredName(term.key))));
  }
  return values;
}

int CompareKeys(const QuerySpec& spec, const std::vector<long long>& a,
                const std::vector<long long>& b) {
  for (std::size_t i = 0; i < spec.order.size(); ++i) {
    if (a[i] == b[i]) continue;
    const bool less = a[i] < b[i];
    return (less != spec.order[i].descending) ? -1 : 1;
  }
  return 0;
}

}  // namespace pdc::emulator::v5
