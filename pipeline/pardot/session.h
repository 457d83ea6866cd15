// Session: authenticated, governed requests to one business unit. Adds the bearer token and the
// Pardot-Business-Unit-Id header to every request; on 184 or HTTP 401 it refreshes the token
// once (one refresh shared by every thread that saw the same stale token) and replays once; a
// second refusal is an authentication failure (exit 4). Thread-safe.
// Secrets (tokens, client secret, refresh token) never appear in errors or logs.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "pipeline/pardot/governor.h"
#include "pipeline/pardot/transport.h"
#include "rules/status.h"

namespace pdc::pardot {

struct Credentials {
  std::string access_token;
  // Refresh-token grant; used when set and a token is refused (or none was given).
  std::string token_url;
  std::string client_id;
  std::string client_secret;
  std::string refresh_token;
  bool can_refresh() const { return !token_url.empty() && !refresh_token.empty(); }
};

struct SessionOptions {
  std::string base_url;          // e.g. https://pi.pardot.com, no trailing slash
  std::string business_unit_id;  // 18 characters, "0Uv..."
  Credentials credentials;
  std::chrono::milliseconds timeout{60000};
};

// The API host of an environment: "production" or "demo".
std::string BaseUrlOf(const std::string& environment);
// Checks the format of a business unit id (18 characters, prefix 0Uv, letters and digits).
Status CheckBusinessUnitId(const std::string& id);

class Session {
 public:
  Session(SessionOptions options, std::shared_ptr<Transport> transport,
          std::shared_ptr<Governor> governor);

  struct Result {
    Response response;
    Classified classified;
    bool auth_failed = false;  // refused after a refresh (or no way to refresh): exit 4
  };

  // `request.url` is a path below the base URL ("/api/v5/objects/prospects?...").
  Result Send(Request request, bool idempotent = true);

  const SessionOptions& options() const { return options_; }
  // Requests sent, by endpoint ("GET prospect/query", "PATCH prospects/{id}", ...).
  std::map<std::string, long long> by_endpoint() const;
  Governor& governor() { return *governor_; }

 private:
  // Replaces the token unless another thread already did since `stale` was read.
  Status Refresh(const std::string& stale);
  std::string CurrentToken();

  SessionOptions options_;
  std::shared_ptr<Transport> transport_;
  std::shared_ptr<Governor> governor_;
  mutable std::mutex stats_mutex_;  // guards by_endpoint_
  std::map<std::string, long long> by_endpoint_;
  std::mutex token_mutex_;    // guards token_
  std::mutex refresh_mutex_;  // one refresh at a time
  std::string token_;
};

}  // namespace pdc::pardot
