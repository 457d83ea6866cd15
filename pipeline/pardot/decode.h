// Decoding pages of prospects, tolerant of every form pardot-api.md §4 and §7.2 describe: one
// result as an object, several as an array, none as no key or a null result; numbers or strings;
// multi-value custom fields as {"value": ...}. Relationship objects (campaign, assigned_to, ...)
// are not fields and are skipped. Records carry v3/v4 (snake_case) field names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/pardot/transport.h"
#include "rules/record.h"
#include "rules/status.h"

namespace pdc::pardot {

struct ProspectPage {
  std::vector<Record> records;
  long long max_id = 0;                   // the highest id on the page (0 when empty)
  std::optional<std::string> next_token;  // v5: the cursor for the next page
  bool sequence_capped = false;           // v5: Pardot-Warning 203, restart from max_id

  // v5: whether the keyset pull is over: no token, and not a capped sequence that a new one
  // (above max_id) continues; an empty capped page ends it too.
  bool SequenceEnds() const { return !next_token && (!sequence_capped || records.empty()); }
  // v3/v4 output other than bulk: total_results, every match of the query before paging.
  std::optional<long long> total;
};

// A v3/v4 `do/query` answer with format=json (any output mode). An error body or a body that is
// not the expected JSON is an error naming what was found.
// `element` names the records' key in the result: "prospect", or "visitor_activity" for
// visitor activities. With `relation_ids`, a related record given as an object with an id
// ({"campaign":{"id":1,...}}) becomes a field (campaign_id).
Result<ProspectPage> DecodeV34Query(const std::string& body, std::string_view element = "prospect",
                                    bool relation_ids = false);
// A v5 collection answer (`values`, `nextPageToken`, `nextPageUrl`) and its headers.
Result<ProspectPage> DecodeV5Page(const Response& response);
// One v5 record (GET by id, PATCH answer).
Result<Record> DecodeV5Record(const std::string& body);

}  // namespace pdc::pardot
