// What the emulator accepts as proof of identity: Salesforce access tokens (static ones given on
// the command line, and ones issued by its token endpoint with a lifetime) and, behind a switch,
// the retired Pardot api_key/user_key pair (pardot-api.md §2). Thread-safe.
// Tokens, keys and secrets are never logged and never appear in stats.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "tests/emulator/http.h"
#include "tests/emulator/store.h"

namespace pdc::emulator {

struct AuthOptions {
  std::vector<std::string> static_tokens;  // accepted for ever
  std::chrono::seconds token_lifetime{7200};
  // The connected app and the API user the token endpoint knows.
  std::string client_id = "pardot-emulator-client-id";
  std::string client_secret = "pardot-emulator-client-secret";
  std::string refresh_token = "pardot-emulator-refresh-token";
  std::string username = "api.user@example.com";
  std::string password = "pardot-emulator-password";
  std::string security_token;  // when set, the password may carry it appended, as Salesforce wants
  // HTTP status of error 184 on v3/v4 (v5 always uses 401).
  int v34_auth_status = 200;
  // Legacy login (/api/login/version/{3,4}); off answers 199 as the retired service does.
  bool legacy_login = false;
  std::string user_key = "0123456789abcdef0123456789abcdef";
  std::chrono::seconds api_key_lifetime{3600};
};

class Credentials {
 public:
  enum class Check { kValid, kUnknown, kExpired };

  explicit Credentials(AuthOptions options);

  const AuthOptions& options() const { return options_; }

  // A bearer token as sent (without the "Bearer " prefix).
  Check CheckToken(std::string_view token) const;

  // POST /services/oauth2/token, grants refresh_token and password; client credentials in the
  // form or as HTTP Basic. Success: the body of fixture sf_oauth_token_success.json (no
  // expires_in and, as Salesforce without refresh-token rotation, no refresh_token). Failure:
  // HTTP 400 {"error","error_description"} as fixture sf_oauth_token_failure.json.
  HttpResponse TokenEndpoint(const HttpRequest& request);

  // Legacy login for `unit` (§2.2); the caller has checked that legacy login is on.
  HttpResponse Login(const HttpRequest& request, BusinessUnit& unit);
  // The unit an `Authorization: Pardot api_key=…, user_key=…` header was issued for; null when
  // the pair is wrong, unknown or expired (error 1).
  BusinessUnit* CheckApiKey(std::string_view header) const;

  // Expires every issued token and api key at once (static tokens stay valid).
  void ExpireAll();

 private:
  using Clock = std::chrono::steady_clock;
  struct ApiKey {
    std::string key;
    Clock::time_point expires;
  };

  std::string NewSecret(std::string_view prefix, int hex_digits);

  const AuthOptions options_;
  mutable std::mutex mutex_;
  std::map<std::string, Clock::time_point, std::less<>> tokens_;  // issued → expiry
  std::map<BusinessUnit*, ApiKey> api_keys_;
  std::mt19937_64 random_;  // apart from the fault injector, so tokens never shift its draws
};

}  // namespace pdc::emulator
