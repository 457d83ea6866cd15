#include "tests/emulator/credentials.h"

#include <algorithm>
#include <cctype>

#include "tests/emulator/errors.h"

namespace pdc::emulator {
namespace {

std::string Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

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

std::string Base64Decode(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const int v = value(c);
    if (v < 0) continue;  // padding and blanks
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

HttpResponse OAuthFailure(std::string_view error, std::string_view description) {
  HttpResponse response;
  response.status = 400;
  response.body =
      "{\"error\":" + JsonQuote(error) + ",\"error_description\":" + JsonQuote(description) + "}";
  return response;
}

}  // namespace

Credentials::Credentials(AuthOptions options)
    : options_(std::move(options)), random_(std::random_device{}()) {
  for (const auto& token : options_.static_tokens) tokens_[token] = Clock::time_point::max();
}

std::string Credentials::NewSecret(std::string_view prefix, int hex_digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(prefix);
  for (int i = 0; i < hex_digits; ++i) out += kHex[random_() & 15];
  return out;
}

Credentials::Check Credentials::CheckToken(std::string_view token) const {
  std::lock_guard lock(mutex_);
  auto it = tokens_.find(token);
  if (it == tokens_.end()) return Check::kUnknown;
  return Clock::now() < it->second ? Check::kValid : Check::kExpired;
}

HttpResponse Credentials::TokenEndpoint(const HttpRequest& request) {
  if (request.method != "POST") {
    return OAuthFailure("invalid_request", "must use HTTP POST");
  }
  const Params form = request.FormParams();
  const std::string grant = Param(form, "grant_type").value_or("");
  std::string client_id = Param(form, "client_id").value_or("");
  std::string client_secret = Param(form, "client_secret").value_or("");
  if (const std::string* auth = request.Header("authorization");
      auth != nullptr && StartsWithIgnoringCase(*auth, "Basic ")) {
    const std::string pair = Base64Decode(std::string_view(*auth).substr(6));
    const std::size_t colon = pair.find(':');
    if (colon != std::string::npos) {
      client_id = pair.substr(0, colon);
      client_secret = pair.substr(colon + 1);
    }
  }
  if (grant != "refresh_token" && grant != "password") {
    return OAuthFailure("unsupported_grant_type", "grant type not supported");
  }
  if (client_id != options_.client_id) {
    return OAuthFailure("invalid_client_id", "client identifier invalid");
  }
  if (client_secret != options_.client_secret) {
    return OAuthFailure("invalid_client", "invalid client credentials");
  }
  if (grant == "refresh_token") {
    if (Param(form, "refresh_token").value_or("") != options_.refresh_token) {
      return OAuthFailure("invalid_grant", "expired access/refresh token");
    }
  } else {
    const std::string password = Param(form, "password").value_or("");
    const bool password_ok =
        password == options_.password || (!options_.security_token.empty() &&
                                          password == options_.password + options_.security_token);
    if (Param(form, "username").value_or("") != options_.username || !password_ok) {
      return OAuthFailure("invalid_grant", "authentication failure");
    }
  }

  const auto issued = std::chrono::system_clock::now();
  std::string token;
  std::string signature;
  {
    std::lock_guard lock(mutex_);
    token = NewSecret("00D000000000001!", 96);
    signature = NewSecret("", 44);
    tokens_[token] = Clock::now() + options_.token_lifetime;
  }
  const long long issued_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(issued.time_since_epoch()).count();
  HttpResponse response;
  response.body = "{\"access_token\":" + JsonQuote(token) +
                  ",\"instance_url\":\"https://emulator.my.salesforce.com\""
                  ",\"id\":\"https://login.salesforce.com/id/00D000000000001AAA/"
                  "005000000000001AAA\",\"token_type\":\"Bearer\",\"issued_at\":\"" +
                  std::to_string(issued_ms) + "\",\"signature\":\"" + signature + "\"}";
  return response;
}

HttpResponse Credentials::Login(const HttpRequest& request, BusinessUnit& unit) {
  for (const char* name : {"email", "password", "user_key"}) {
    if (Param(request.query, name)) return V34Error(request, 49);
  }
  const Params form = request.FormParams();
  if (Param(form, "email").value_or("") != options_.username ||
      Param(form, "password").value_or("") != options_.password ||
      Param(form, "user_key").value_or("") != options_.user_key) {
    return V34Error(request, 15);
  }
  std::string key;
  {
    std::lock_guard lock(mutex_);
    ApiKey& current = api_keys_[&unit];
    if (current.key.empty() || Clock::now() >= current.expires) {
      current.key = NewSecret("", 32);  // a new key only once the previous one expired
      current.expires = Clock::now() + options_.api_key_lifetime;
    }
    key = current.key;
  }
  HttpResponse response;
  if (WantsJson(request)) {
    response.body = "{\"@attributes\":{\"stat\":\"ok\",\"version\":1},\"api_key\":\"" + key + "\"" +
                    (unit.ampsea ? ",\"version\":4}" : "}");
  } else {
    response.content_type = "text/xml; charset=utf-8";
    response.body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsp stat=\"ok\" version=\"1.0\">\n"
        "    <api_key>" +
        key + "</api_key>\n" + (unit.ampsea ? "    <version>4</version>\n" : "") + "</rsp>\n";
  }
  return response;
}

BusinessUnit* Credentials::CheckApiKey(std::string_view header) const {
  if (!StartsWithIgnoringCase(header, "Pardot ")) return nullptr;
  std::string api_key, user_key;
  std::string_view rest = header.substr(7);
  while (!rest.empty()) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    const std::string part = Trim(rest.substr(0, comma));
    rest.remove_prefix(std::min(comma + 1, rest.size()));
    const std::size_t eq = part.find('=');
    if (eq == std::string::npos) continue;
    const std::string name = Trim(std::string_view(part).substr(0, eq));
    const std::string value = Trim(std::string_view(part).substr(eq + 1));
    if (name == "api_key") api_key = value;
    if (name == "user_key") user_key = value;
  }
  if (api_key.empty() || user_key != options_.user_key) return nullptr;
  std::lock_guard lock(mutex_);
  for (const auto& [unit, key] : api_keys_) {
    if (key.key == api_key && Clock::now() < key.expires) return unit;
  }
  return nullptr;
}

void Credentials::ExpireAll() {
  std::lock_guard lock(mutex_);
  const auto past = Clock::now() - std::chrono::seconds(1);
  for (auto& [token, expires] : tokens_) {
    if (expires != Clock::time_point::max()) expires = past;
  }
  for (auto& [unit, key] : api_keys_) key.expires = past;
}

}  // namespace pdc::emulator
