#include "tests/emulator/stats.h"

#include <boost/json.hpp>
#include <cctype>

namespace pdc::emulator {
namespace {

namespace json = boost::json;

// The integer after `marker` (skipping blanks and a quote), or 0.
int NumberAfter(std::string_view body, std::string_view marker) {
  const std::size_t at = body.find(marker);
  if (at == std::string_view::npos) return 0;
  std::size_t i = at + marker.size();
  while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '"')) ++i;
  int code = 0;
  bool any = false;
  while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i])) && code < 1000000) {
    code = code * 10 + (body[i++] - '0');
    any = true;
  }
  return any ? code : 0;
}

}  // namespace

int ErrorCodeOf(const HttpResponse& response) {
  const std::string_view body = response.body;
  if (body.find("stat=\"fail\"") != std::string_view::npos) return NumberAfter(body, "code=\"");
  if (body.find("\"err_code\"") != std::string_view::npos)
    return NumberAfter(body, "\"err_code\":");
  if (response.status >= 400 && !body.empty() && body.front() == '{') {
    return NumberAfter(body, "\"code\":");
  }
  return 0;
}

void Stats::CountRequest(std::string_view endpoint) {
  std::lock_guard lock(mutex_);
  ++requests_;
  auto it = by_endpoint_.find(endpoint);
  if (it == by_endpoint_.end()) it = by_endpoint_.emplace(std::string(endpoint), 0).first;
  ++it->second;
}

void Stats::CountResponse(const HttpResponse& response) {
  const int code = ErrorCodeOf(response);
  std::lock_guard lock(mutex_);
  ++statuses_[response.status];
  if (code != 0) ++errors_[code];
}

void Stats::CountFault(std::string_view kind) {
  std::lock_guard lock(mutex_);
  auto it = faults_.find(kind);
  if (it == faults_.end()) it = faults_.emplace(std::string(kind), 0).first;
  ++it->second;
}

void Stats::Reset(Store& store) {
  // Each unit's mutex is taken alone, never together with mutex_: nothing nests them.
  for (const auto& unit : store.units()) {
    std::lock_guard unit_lock(unit->mutex);
    unit->write_log.writes.clear();
  }
  std::lock_guard lock(mutex_);
  requests_ = 0;
  by_endpoint_.clear();
  statuses_.clear();
  errors_.clear();
  faults_.clear();
  for (const auto& unit : store.units()) {
    unit->max_in_flight = unit->in_flight.load();
    unit->slot_busy_us = 0;
  }
}

std::string Stats::Json(Store& store) const {
  json::object o;
  int max_in_flight = 0;
  json::object units;
  for (const auto& unit : store.units()) {
    json::object u;
    u["requests_today"] = unit->requests_today.load();
    u["daily_limit"] = unit->daily_limit;
    u["in_flight"] = unit->in_flight.load();
    u["max_in_flight"] = unit->max_in_flight.load();
    u["slot_busy_ms"] = unit->slot_busy_us.load() / 1000;
    max_in_flight = std::max(max_in_flight, unit->max_in_flight.load());
    {
      std::lock_guard unit_lock(unit->mutex);
      u["writes"] = unit->write_log.TotalWrites();
      u["fields_written"] = unit->write_log.TotalFields();
    }
    units[unit->id] = std::move(u);
  }
  std::lock_guard lock(mutex_);
  o["requests"] = requests_;
  json::object endpoints;
  for (const auto& [label, n] : by_endpoint_) endpoints[label] = n;
  o["by_endpoint"] = std::move(endpoints);
  json::object statuses;
  for (const auto& [status, n] : statuses_) statuses[std::to_string(status)] = n;
  o["statuses"] = std::move(statuses);
  json::object errors;
  for (const auto& [code, n] : errors_) errors[std::to_string(code)] = n;
  o["errors"] = std::move(errors);
  json::object faults;
  for (const auto& [kind, n] : faults_) faults[kind] = n;
  o["faults"] = std::move(faults);
  o["max_in_flight"] = max_in_flight;
  o["units"] = std::move(units);
  return json::serialize(o);
}

}  // namespace pdc::emulator
