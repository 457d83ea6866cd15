// Outcome: every answer from Pardot, classified in one place (STYLE.md rule 6).
//   ok               2xx without an error body
//   retry            66, 183, 214, HTTP 408, HTTP 429 without 122, 5xx, timeouts, resets,
//                    connection failures: try again after a backoff
//   refresh          184 or HTTP 401: refresh the token once, then replay
//   stop_for_today   122 (or HTTP 429 with it): the daily budget is spent; resumable
//   per_record       the request was about one record and that record is at fault (3, 4, 9, 54,
//                    92, 109, 132, 219, ...): report it against the record, go on
//   fatal            anything else (bad configuration, wrong version, bad business unit, ...)
#pragma once

#include <string>

#include "pipeline/pardot/transport.h"

namespace pdc::pardot {

enum class Outcome { kOk, kRetry, kRefresh, kStopForToday, kPerRecord, kFatal };

const char* OutcomeName(Outcome outcome);

struct Classified {
  Outcome outcome = Outcome::kOk;
  int code = 0;         // the Pardot error code, 0 when none
  std::string message;  // Pardot's message, or what went wrong in transport
};

// Finds a Pardot error in a body of any generation: v3/v4 XML `<err code="N">`, v3/v4 JSON
// `{"@attributes":{"err_code":N},"err":"..."}`, v5 `{"code":N,"message":"..."}`. Returns
// code 0 when the body carries none (HTML error pages included).
Classified DecodeError(const std::string& body);

Classified Classify(const Response& response);

// The outcome for people: "what: Pardot error N: message", or "what: message" without a code.
std::string Describe(const std::string& what, const Classified& outcome);

}  // namespace pdc::pardot
