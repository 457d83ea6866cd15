// The emulator's request router, independent of the HTTP server library so that it can also be
// driven in-process. For each request, in this order:
//  1. admin routes /_emulator/* (no auth, no latency, not counted; see router_admin.cpp);
//  2. POST /services/oauth2/token (credentials.h);
//  3. legacy login /api/login/version/{3,4} (answers 199 unless legacy login is on);
//  4. API paths /api/{prospect,visitorActivity}/version/{3,4}/do/… and
//     /api/v5/objects/{prospects,visitor-activities}…; any other path is 404 before any check.
//     Then:
//     a. authentication: Pardot-Business-Unit-Id missing → 181, malformed → 182, unknown or on
//        the other environment's host → 201; bearer token missing, unknown or expired → 184.
//        (With legacy login on, `Authorization: Pardot api_key=…, user_key=…` replaces both
//        headers: wrong or expired → 1; credentials in the query string → 49.)
//     b. the request is charged to the unit: it counts against the daily budget and takes one
//        of the unit's in-flight slots until End(). Unauthenticated requests are charged to no
//        unit (else anyone knowing a unit id could spend its budget). A request finding all
//        slots taken gets 66 at once, without latency, and holds no slot; past the daily budget
//        → 122. Limits come before the version rules: the unit charges a request before it looks
//        at what it asks for.
//     c. version rules: v3 on an AMPSEA unit → 88, v4 on a non-AMPSEA unit → 89.
//     d. faults (faults.h), then the handler (handlers.h) with the unit's mutex held.
// Statuses: v5 errors use 400 (181, 182), 403 (201), 401 (184), 429 (122, and 66: pardot-api.md
// §9.3 leaves 66 UNCONFIRMED; 429 without 122 is what clients retry). v3/v4 errors are HTTP 200
// with the fail envelope (the body is authoritative, §9.2), except 184, whose status is
// AuthOptions::v34_auth_status.
// Hosts: a unit answers on its environment's host (pi.pardot.com or pi.demo.pardot.com) and
// 201 on the other one; any other Host (127.0.0.1:PORT, localhost) is taken as the unit's own,
// so that clients can talk to the emulator without name tricks.
//
// Thread-safe: the server calls Begin/End from several threads at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tests/emulator/credentials.h"
#include "tests/emulator/faults.h"
#include "tests/emulator/handlers.h"
#include "tests/emulator/http.h"
#include "tests/emulator/stats.h"
#include "tests/emulator/store.h"

namespace pdc::emulator {

struct RouterOptions {
  AuthOptions auth;
  FaultSettings faults;
  HandlerOptions handlers;
  int max_in_flight = 5;  // per business unit
};

class Router {
 public:
  // One request's passage: Begin decides the answer and how long to hold it back; the server
  // waits `delay`, writes `response` (honouring its reset/slow directives), then calls End, which
  // frees the unit slot the request holds. End is idempotent, and must be called even when the
  // write fails or the connection is dropped.
  struct Ticket {
    HttpResponse response;
    std::chrono::milliseconds delay{0};
    BusinessUnit* unit = nullptr;  // the unit whose in-flight slot this request holds
    std::chrono::steady_clock::time_point slot_taken;  // when it took the slot
  };

  Router(Store& store, RouterOptions options);
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  Ticket Begin(const HttpRequest& request);
  void End(Ticket& ticket);

  // Begin and End at once, ignoring the delay: for in-process tests.
  HttpResponse Handle(const HttpRequest& request);

 private:
  struct Route;

  // The API paths (step 4); `dispatched` tells whether the handler ran.
  HttpResponse Api(const HttpRequest& request, const Route& route, const FaultDraw& draw,
                   Ticket& ticket, bool& dispatched);
  BusinessUnit* Authenticate(const HttpRequest& request, const Route& route, HttpResponse& failure);
  bool TryAcquireSlot(BusinessUnit& unit);
  long long ChargeDay(BusinessUnit& unit);
  HttpResponse Dispatch(const HttpRequest& request, const Route& route, BusinessUnit& unit);
  // /_emulator/*: see router_admin.cpp.
  HttpResponse Admin(const HttpRequest& request, const std::vector<std::string>& segments);
  FaultSettings faults() const;

  Store& store_;
  const RouterOptions options_;
  Credentials credentials_;
  Stats stats_;

  mutable std::mutex faults_mutex_;  // guards faults_ and request_number_
  FaultSettings faults_;
  std::uint64_t request_number_ = 0;  // restarts when the faults are replaced

  std::mutex day_mutex_;
  std::map<const BusinessUnit*, std::string> budget_day_;  // unit-local date of the budget
};

}  // namespace pdc::emulator
