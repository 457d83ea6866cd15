// The libcurl Transport: a pool of easy handles, each used by one thread at a time, so
// connections are reused (keep-alive) across requests.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "pipeline/pardot/transport.h"

namespace pdc::pardot {
namespace {

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
};

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
  const std::string_view line(data, size * count);
  const std::size_t colon = line.find(':');
  auto* headers = static_cast<Headers*>(user);
  if (line.rfind("HTTP/", 0) == 0) headers->clear();  // a new response (after 100 Continue)
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() &&
           (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
      value.remove_suffix(1);
    }
    headers->emplace_back(std::move(name), std::string(value));
  }
  return size * count;
}

TransportError ErrorOf(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return TransportError::kTimeout;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return TransportError::kConnect;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
      return TransportError::kReset;
    default:
      return TransportError::kOther;
  }
}

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(std::size_t connections) {
    static CurlGlobal global;
    for (std::size_t i = 0; i < std::max<std::size_t>(connections, 1); ++i) {
      idle_.emplace_back(curl_easy_init());
    }
  }

  Response Send(const Request& request) override {
    Response response;
    const bool https = request.url.rfind("https://", 0) == 0;
    if (!https && !IsLoopbackUrl(request.url)) {
      response.error = TransportError::kRefused;
      response.error_text = "plain HTTP is allowed only to loopback addresses; use https://";
      return response;
    }
    Easy easy = Acquire();
    CURL* h = easy.get();
    curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &response.headers);
    if (request.method == "GET") {
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
      if (request.method != "DELETE" || !request.body.empty()) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request.body.size()));
      }
    }
    std::unique_ptr<curl_slist, SlistDeleter> headers;
    curl_slist* list = curl_slist_append(nullptr, "Expect:");  // no 100-continue round trip
    for (const auto& [name, value] : request.headers) {
      list = curl_slist_append(list, (name + ": " + value).c_str());
    }
    headers.reset(list);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);

    const CURLcode code = curl_easy_perform(h);
    if (code != CURLE_OK) {
      response.error = ErrorOf(code);
      response.error_text = curl_easy_strerror(code);
      response.body.clear();
    } else {
      long status = 0;
      curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
      response.status = static_cast<int>(status);
    }
    Release(std::move(easy));
    return response;
  }

 private:
  Easy Acquire() {
    std::lock_guard lock(mutex_);
    if (idle_.empty()) return Easy(curl_easy_init());  // more threads than handles: a fresh one
    Easy easy = std::move(idle_.back());
    idle_.pop_back();
    return easy;
  }
  void Release(Easy easy) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(easy));
  }

  std::mutex mutex_;
  std::vector<Easy> idle_;
};

}  // namespace

const std::string* Response::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

bool IsLoopbackUrl(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos)
    rest.remove_prefix(at + 1);
  if (rest.rfind("[::1]", 0) == 0) return true;
  const std::string_view host = rest.substr(0, rest.find(':'));
  const bool ipv4_literal = !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.';
  });
  return host == "localhost" || (ipv4_literal && host.rfind("127.", 0) == 0);
}

std::unique_ptr<Transport> MakeCurlTransport(std::size_t connections) {
  return std::make_unique<CurlTransport>(connections);
}

}  // namespace pdc::pardot
