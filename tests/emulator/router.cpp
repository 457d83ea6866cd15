#include "tests/emulator/router.h"

#include <cctype>
#include <cstdio>
#include <exception>

#include "tests/emulator/errors.h"

namespace pdc::emulator {
namespace {

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// 18 alphanumeric characters starting with "0Uv" (§2.1).
bool WellFormedUnitId(std::string_view id) {
  if (id.size() != 18 || !id.starts_with("0Uv")) return false;
  for (const char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A unit answers on its own environment's host; other hosts (loopback) count as its own.
bool HostServes(const BusinessUnit& unit, std::string_view host) {
  std::string lower(host);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "pi.pardot.com") return unit.environment == "production";
  if (lower == "pi.demo.pardot.com") return unit.environment == "demo";
  return true;
}

// An operation or action name fit for a stats label (labels must stay a small set).
std::string LabelPart(std::string_view name) {
  if (name.empty() || name.size() > 40) return "other";
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return "other";
  }
  return std::string(name);
}

HttpResponse JsonError(int status, std::string_view error, std::string_view message) {
  HttpResponse response;
  response.status = status;
  response.body = "{\"error\":" + JsonQuote(error) + ",\"message\":" + JsonQuote(message) + "}";
  return response;
}

HttpResponse ServerError(int status) {
  static constexpr const char* kReasons[] = {"Internal Server Error", "Bad Gateway",
                                             "Service Unavailable", "Gateway Timeout"};
  const char* reason = kReasons[status == 502 ? 1 : status == 503 ? 2 : status == 504 ? 3 : 0];
  HttpResponse response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  response.body = "<html><head><title>" + std::to_string(status) + " " + reason +
                  "</title></head><body><h1>" + reason + "</h1></body></html>\n";
  return response;
}

}  // namespace

struct Router::Route {
  enum class Kind { kToken, kLogin, kV34, kV5, kNotFound };
  Kind kind = Kind::kNotFound;
  int version = 0;
  std::string object;  // the path's object: prospect, visitorActivity, prospects, …
  std::string label;
  std::vector<std::string> rest;  // the handler's segments

  static Route Of(const std::string& method, const std::vector<std::string>& s) {
    Route r;
    const auto at = [&](std::size_t i) -> std::string_view {
      return i < s.size() ? std::string_view(s[i]) : std::string_view();
    };
    if (s.size() == 3 && at(0) == "services" && at(1) == "oauth2" && at(2) == "token") {
      r.kind = Kind::kToken;
      r.label = "oauth token";
    } else if (s.size() == 4 && at(0) == "api" && at(1) == "login" && at(2) == "version" &&
               (at(3) == "3" || at(3) == "4")) {
      r.kind = Kind::kLogin;
      r.version = at(3) == "3" ? 3 : 4;
      r.label = "v" + s[3] + " login";
    } else if (s.size() >= 4 && at(0) == "api" &&
               (at(1) == "prospect" || at(1) == "visitorActivity") && at(2) == "version" &&
               (at(3) == "3" || at(3) == "4")) {
      r.kind = Kind::kV34;
      r.version = at(3) == "3" ? 3 : 4;
      r.object = s[1];
      if (at(4) == "do") r.rest.assign(s.begin() + 5, s.end());
      r.label =
          "v" + s[3] + " " + r.object + " " + (r.rest.empty() ? "other" : LabelPart(r.rest[0]));
    } else if (s.size() >= 4 && at(0) == "api" && at(1) == "v5" && at(2) == "objects" &&
               (at(3) == "prospects" || at(3) == "list-memberships" ||
                at(3) == "visitor-activities")) {
      r.kind = Kind::kV5;
      r.version = 5;
      r.object = s[3];
      r.rest.assign(s.begin() + 4, s.end());
      std::string path = r.object;
      if (!r.rest.empty() && r.rest[0] == "do") {
        path += "/do/" + LabelPart(at(5));
      } else if (!r.rest.empty()) {
        path += "/{id}";
        if (r.rest.size() >= 3 && r.rest[1] == "do") {
          path += "/do/" + LabelPart(r.rest[2]);
        } else if (r.rest.size() > 1) {
          path += "/other";
        }
      }
      r.label = "v5 " + LabelPart(method) + " " + path;
    } else {
      r.label = "not found";
    }
    return r;
  }
};

Router::Router(Store& store, RouterOptions options)
    : store_(store),
      options_(std::move(options)),
      credentials_(options_.auth),
      faults_(options_.faults) {}

Router::~Router() = default;

FaultSettings Router::faults() const {
  std::lock_guard lock(faults_mutex_);
  return faults_;
}

Router::Ticket Router::Begin(const HttpRequest& request) {
  Ticket ticket;
  const std::vector<std::string> segments = PathSegments(request.raw_path);
  if (!segments.empty() && segments[0] == "_emulator") {
    try {
      ticket.response = Admin(request, segments);
    } catch (const std::exception& e) {
      ticket.response = JsonError(500, "internal", e.what());
    }
    return ticket;
  }

  FaultSettings settings;
  std::uint64_t number = 0;
  {
    std::lock_guard lock(faults_mutex_);
    settings = faults_;
    number = request_number_++;
  }
  const FaultDraw draw = DrawFaults(settings, number);
  ticket.delay = draw.delay;
  const Route route = Route::Of(request.method, segments);
  stats_.CountRequest(route.label);
  bool processed = false;  // the handler ran: the body faults may apply
  try {
    switch (route.kind) {
      case Route::Kind::kToken:
        ticket.response = credentials_.TokenEndpoint(request);
        break;
      case Route::Kind::kLogin: {
        if (!options_.auth.legacy_login) {
          ticket.response = V34Error(request, 199);
          break;
        }
        const std::string* id = request.Header("pardot-business-unit-id");
        BusinessUnit* unit = id != nullptr ? store_.Find(Trimmed(*id)) : nullptr;
        if (unit == nullptr && !store_.units().empty()) unit = store_.units().front().get();
        ticket.response =
            unit != nullptr ? credentials_.Login(request, *unit) : V34Error(request, 201);
        break;
      }
      case Route::Kind::kNotFound:
        ticket.response =
            JsonError(404, "not_found", "No route for " + request.method + " " + request.path);
        break;
      default:
        ticket.response = Api(request, route, draw, ticket, processed);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pardot-emulator: %s %s failed: %s\n", request.method.c_str(),
                 request.path.c_str(), e.what());
    ticket.response = JsonError(500, "internal", e.what());
  }

  if (processed && draw.reset) {
    // The request was processed, but the answer is lost: the hardest case for a client.
    stats_.CountFault("reset");
    ticket.response.reset_connection = true;
    return ticket;
  }
  stats_.CountResponse(ticket.response);
  if (processed && draw.malformed && !ticket.response.body.empty()) {
    stats_.CountFault("malformed");
    ticket.response.body.resize(ticket.response.body.size() / 2);
  }
  if (processed && draw.slow && !ticket.response.body.empty()) {
    stats_.CountFault("slow");
    ticket.response.slow_body = std::chrono::milliseconds(settings.slow_body_ms);
  }
  return ticket;
}

void Router::End(Ticket& ticket) {
  if (ticket.unit != nullptr) {
    ticket.unit->slot_busy_us += std::chrono::duration_cast<std::chrono::microseconds>(
                                     std::chrono::steady_clock::now() - ticket.slot_taken)
                                     .count();
    --ticket.unit->in_flight;
    ticket.unit = nullptr;
  }
}

HttpResponse Router::Handle(const HttpRequest& request) {
  Ticket ticket = Begin(request);
  End(ticket);
  return std::move(ticket.response);
}

HttpResponse Router::Api(const HttpRequest& request, const Route& route, const FaultDraw& draw,
                         Ticket& ticket, bool& dispatched) {
  const bool v5 = route.kind == Route::Kind::kV5;
  const auto fail = [&](int code) {
    if (v5) {
      const int status = code == 201                 ? 403
                         : code == 184               ? 401
                         : code == 66 || code == 122 ? 429
                                                     : 400;
      return V5Error(code, status);
    }
    return V34Error(request, code, code == 184 ? options_.auth.v34_auth_status : 200);
  };

  HttpResponse failure;
  BusinessUnit* unit = Authenticate(request, route, failure);
  if (unit == nullptr) return failure;

  const long long today = ChargeDay(*unit);
  if (!TryAcquireSlot(*unit)) {
    ticket.delay = std::chrono::milliseconds(0);  // answered at once
    return fail(66);
  }
  ticket.unit = unit;
  ticket.slot_taken = std::chrono::steady_clock::now();
  if (today > unit->daily_limit) return fail(122);
  if (route.version == 3 && unit->ampsea) return fail(88);
  if (route.version == 4 && !unit->ampsea) return fail(89);
  if (draw.status_5xx != 0) {
    stats_.CountFault("5xx");
    return ServerError(draw.status_5xx);
  }
  if (draw.error_66) {
    stats_.CountFault("66");
    ticket.delay = std::chrono::milliseconds(0);
    return fail(66);
  }
  dispatched = true;
  return Dispatch(request, route, *unit);
}

BusinessUnit* Router::Authenticate(const HttpRequest& request, const Route& route,
                                   HttpResponse& failure) {
  const bool v5 = route.kind == Route::Kind::kV5;
  const auto fail = [&](int code) -> BusinessUnit* {
    if (v5) {
      failure = V5Error(code, code == 201 ? 403 : code == 184 ? 401 : 400);
    } else {
      failure = V34Error(request, code, code == 184 ? options_.auth.v34_auth_status : 200);
    }
    return nullptr;
  };
  const std::string* auth = request.Header("authorization");

  if (!v5) {
    const bool in_query = Param(request.query, "api_key") || Param(request.query, "user_key");
    const bool pardot_scheme = auth != nullptr && StartsWithIgnoringCase(*auth, "Pardot ");
    if (in_query || pardot_scheme) {
      if (!options_.auth.legacy_login) return fail(199);
      if (in_query) return fail(49);
      BusinessUnit* unit = credentials_.CheckApiKey(*auth);
      if (unit == nullptr) return fail(1);
      if (!HostServes(*unit, request.host)) return fail(201);
      return unit;
    }
  }

  const std::string* header = request.Header("pardot-business-unit-id");
  if (header == nullptr || Trimmed(*header).empty()) return fail(181);
  const std::string_view id = Trimmed(*header);
  if (!WellFormedUnitId(id)) return fail(182);
  BusinessUnit* unit = store_.Find(id);
  if (unit == nullptr || !HostServes(*unit, request.host)) return fail(201);
  if (auth == nullptr || !StartsWithIgnoringCase(*auth, "Bearer ")) return fail(184);
  if (credentials_.CheckToken(Trimmed(std::string_view(*auth).substr(7))) !=
      Credentials::Check::kValid) {
    return fail(184);
  }
  return unit;
}

bool Router::TryAcquireSlot(BusinessUnit& unit) {
  int current = unit.in_flight.load();
  do {
    if (current >= options_.max_in_flight) return false;
  } while (!unit.in_flight.compare_exchange_weak(current, current + 1));
  const int now = current + 1;
  int max = unit.max_in_flight.load();
  while (now > max && !unit.max_in_flight.compare_exchange_weak(max, now)) {
  }
  return true;
}

long long Router::ChargeDay(BusinessUnit& unit) {
  // The budget resets at the start of the unit's local day (§10), or by POST /_emulator/day.
  const std::string today = unit.LocalTime(NowEpoch()).substr(0, 10);
  std::lock_guard lock(day_mutex_);
  std::string& day = budget_day_[&unit];
  if (day != today) {
    if (!day.empty()) unit.requests_today = 0;
    day = today;
  }
  return ++unit.requests_today;
}

HttpResponse Router::Dispatch(const HttpRequest& request, const Route& route, BusinessUnit& unit) {
  std::lock_guard lock(unit.mutex);
  const long long now = NowEpoch();
  if (route.object == "visitor-activities") {
    return HandleV5VisitorActivities(request, unit, route.rest, now, options_.handlers);
  }
  if (route.object == "list-memberships") {
    return HandleV5ListMemberships(request, unit, route.rest, now, options_.handlers);
  }
  if (route.kind == Route::Kind::kV5) {
    return HandleV5Prospects(request, unit, route.rest, now, options_.handlers);
  }
  if (route.object == "visitorActivity") {
    return HandleV34VisitorActivity(request, unit, route.version, route.rest, now);
  }
  return HandleV34Prospect(request, unit, route.version, route.rest, now);
}

}  // namespace pdc::emulator
