#include "pipeline/pardot/session.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>

namespace pdc::pardot {
namespace {

// "GET prospect/query" for /api/prospect/version/4/do/query?..., "PATCH prospects/{id}" for
// /api/v5/objects/prospects/123: the path without its version, ids or query.
std::string EndpointLabel(const std::string& method, std::string_view path) {
  path = path.substr(0, path.find('?'));
  std::string label = method + " ";
  std::size_t start = 0;
  bool first = true;
  while (start < path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    const std::string_view part = path.substr(start, slash - start);
    start = slash + 1;
    if (part.empty() || part == "api" || part == "version" || part == "do" || part == "v5" ||
        part == "objects" || part == "3" || part == "4") {
      continue;
    }
    const bool number =
        std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    label += first ? "" : "/";
    label += number ? std::string("{id}") : std::string(part);
    first = false;
  }
  return label;
}

}  // namespace

std::map<std::string, long long> Session::by_endpoint() const {
  std::lock_guard lock(stats_mutex_);
  return by_endpoint_;
}

std::string BaseUrlOf(const std::string& environment) {
  return environment == "demo" ? "https://pi.demo.pardot.com" : "https://pi.pardot.com";
}

Status CheckBusinessUnitId(const std::string& id) {
  const bool alnum =
      std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isalnum(c) != 0; });
  if (id.size() != 18 || id.rfind("0Uv", 0) != 0 || !alnum) {
    return Status::InvalidArgument(
        "business_unit_id \"" + id +
        "\" is not a Pardot business unit id (18 letters and digits starting with 0Uv; see "
        "Salesforce Setup > Account Engagement > Business Unit Setup)");
  }
  return Status::Ok();
}

Session::Session(SessionOptions options, std::shared_ptr<Transport> transport,
                 std::shared_ptr<Governor> governor)
    : options_(std::move(options)),
      transport_(std::move(transport)),
      governor_(std::move(governor)),
      token_(options_.credentials.access_token) {}

std::string Session::CurrentToken() {
  std::lock_guard lock(token_mutex_);
  return token_;
}

Status Session::Refresh(const std::string& stale) {
  std::lock_guard single_flight(refresh_mutex_);
  if (CurrentToken() != stale) return Status::Ok();  // another thread refreshed meanwhile
  const Credentials& c = options_.credentials;
  if (!c.can_refresh()) {
    return Status::InvalidArgument(
        "the access token was refused and no refresh grant is configured "
        "(auth.refresh: token_url, client_id, client_secret, refresh_token)");
  }
  Request request;
  request.method = "POST";
  request.url = c.token_url;
  request.timeout = options_.timeout;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  request.body = "grant_type=refresh_token&client_id=" + UrlEncode(c.client_id) +
                 "&client_secret=" + UrlEncode(c.client_secret) +
                 "&refresh_token=" + UrlEncode(c.refresh_token);
  const auto result = governor_->Call([&] {
    {
      std::lock_guard lock(stats_mutex_);
      ++by_endpoint_["POST oauth2/token"];
    }
    return transport_->Send(request);
  });
  const Response& response = result.response;
  if (!response.transported()) {
    return Status::Io("token refresh at " + c.token_url + " failed: " + response.error_text);
  }
  boost::json::error_code ec;
  const boost::json::value body = boost::json::parse(response.body, ec);
  const boost::json::object* o = !ec && body.is_object() ? &body.as_object() : nullptr;
  if (response.status == 200 && o != nullptr) {
    if (const auto* token = o->if_contains("access_token"); token && token->is_string()) {
      std::lock_guard lock(token_mutex_);
      token_ = std::string(token->as_string());
      return Status::Ok();
    }
  }
  std::string why = "HTTP " + std::to_string(response.status);
  if (o != nullptr) {
    if (const auto* e = o->if_contains("error"); e && e->is_string()) {
      why = std::string(e->as_string());
    }
    if (const auto* d = o->if_contains("error_description"); d && d->is_string()) {
      why += ": " + std::string(d->as_string());
    }
  }
  return Status::InvalidArgument("token refresh at " + c.token_url + " was refused (" + why + ")");
}

Session::Result Session::Send(Request request, bool idempotent) {
  Result result;
  const std::string path = request.url;
  request.url = options_.base_url + path;
  request.timeout = options_.timeout;
  const std::string endpoint = EndpointLabel(request.method, path);
  for (int round = 0; round < 2; ++round) {
    std::string token = CurrentToken();
    if (token.empty()) {
      if (Status st = Refresh(token); !st.ok()) {
        result.auth_failed = true;
        result.classified = {Outcome::kRefresh, 184, st.message()};
        return result;
      }
      token = CurrentToken();
    }
    Request sent = request;
    sent.headers.emplace_back("Authorization", "Bearer " + token);
    sent.headers.emplace_back("Pardot-Business-Unit-Id", options_.business_unit_id);
    const auto governed = governor_->Call(
        [&] {
          {
            std::lock_guard lock(stats_mutex_);
            ++by_endpoint_[endpoint];
          }
          return transport_->Send(sent);
        },
        idempotent);
    result.response = governed.response;
    result.classified = governed.classified;
    if (result.classified.outcome != Outcome::kRefresh) return result;
    if (round == 1) break;
    if (Status st = Refresh(token); !st.ok()) {
      result.classified.message = st.message();
      break;
    }
  }
  result.auth_failed = true;
  return result;
}

}  // namespace pdc::pardot
