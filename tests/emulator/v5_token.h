// The v5 nextPageToken (pardot-api.md §7.2, §7.3). Clients must treat it as opaque; the emulator
// mimics Pardot's observed form, base64 of a JSON document (fixture
// v5_query_page_with_next_token.json), and decodes it to continue the query:
//
//   {"orderBy":"updatedAt DESC","filters":[{"name":"idGreaterThan","value":"5"}],"limit":200,
//    "resumeValue":{"updatedAt":"2025-05-16T11:27:08-07:00","id":34277863},"page":2,
//    "recCount":200,"expireTime":"2025-05-16T20:37:13-07:00","deleted":null}
//
// `filters`, `orderBy` and `deleted` are the first request's parameters as sent; `resumeValue`
// holds the order keys (id last) of the last record returned, datetimes in the unit's zone and
// null when empty; `recCount` counts the records returned so far in the sequence; `page` is the
// number of the page the token fetches.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/emulator/http.h"
#include "tests/emulator/store.h"

namespace pdc::emulator::v5 {

struct PageToken {
  std::string order_by;
  Params filters;
  int limit = 200;
  // Order key name → value; datetimes as epoch seconds, 0 for empty.
  std::vector<std::pair<std::string, long long>> resume;
  long long page = 2;
  long long rec_count = 0;
  long long expire_time = 0;  // epoch seconds
  std::optional<std::string> deleted;
};

// Standard base64 with padding.
std::string EncodePageToken(const PageToken& token, const BusinessUnit& unit);
// nullopt for anything that is not such a token (strict base64, the JSON shape above): the
// caller answers 211. Expiry is the caller's check (210).
std::optional<PageToken> DecodePageToken(std::string_view text, const BusinessUnit& unit);

}  // namespace pdc::emulator::v5
