// Counters of what the emulator answered, for GET /_emulator/stats: requests by endpoint label,
// HTTP statuses, Pardot error codes sent, faults injected. Admin routes are not counted.
// Thread-safe. Never holds credentials: labels name endpoints, not parameters.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "tests/emulator/http.h"
#include "tests/emulator/store.h"

namespace pdc::emulator {

class Stats {
 public:
  void CountRequest(std::string_view endpoint);
  // Records the status and the Pardot error code a response carries (found in its body).
  void CountResponse(const HttpResponse& response);
  void CountFault(std::string_view kind);
  // Zeroes the counters here and each unit's max_in_flight (down to what is in flight now), and
  // empties each unit's write log. Daily request counts are the units' budget and roll with the
  // day, not with this.
  void Reset(Store& store);
  // {"requests":N,"by_endpoint":{…},"statuses":{"200":N},"errors":{"66":N},"faults":{…},
  //  "max_in_flight":N,"units":{"<id>":{"requests_today","daily_limit","in_flight",
  //  "max_in_flight","writes","fields_written"}}}
  // `writes` and `fields_written` are the unit's write log totals (store.h WriteLog).
  std::string Json(Store& store) const;

 private:
  mutable std::mutex mutex_;
  long long requests_ = 0;
  std::map<std::string, long long, std::less<>> by_endpoint_;
  std::map<int, long long> statuses_;
  std::map<int, long long> errors_;
  std::map<std::string, long long, std::less<>> faults_;
};

// The Pardot error code in a response body: v3/v4 `<err code="N">` or `"err_code":N`, v5
// `{"code":N,…}` on a non-2xx answer. 0 when there is none.
int ErrorCodeOf(const HttpResponse& response);

}  // namespace pdc::emulator
