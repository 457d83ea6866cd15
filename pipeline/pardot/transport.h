// Transport: the one boundary between pardot-clean and the network. Everything that talks to
// Pardot (or the token endpoint) sends a Request through a Transport, so tests can wrap it to
// inject precise faults. Implementations are safe to call from many threads at once.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pdc::pardot {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method = "GET";  // GET, POST, PATCH, DELETE
  std::string url;             // absolute, already encoded
  Headers headers;
  std::string body;
  std::chrono::milliseconds timeout{30000};
};

// What went wrong below HTTP. Kept apart from the HTTP status: a timeout is not a 5xx.
enum class TransportError {
  kNone,
  kTimeout,  // no complete answer in time: the request may or may not have been applied
  kConnect,  // the connection could not be made: the request was not sent
  kReset,    // the connection broke while sending or receiving
  kRefused,  // refused before sending (e.g. plain HTTP to a remote host)
  kOther,
};

struct Response {
  TransportError error = TransportError::kNone;
  std::string error_text;  // for people; never contains request headers
  int status = 0;          // HTTP status when error == kNone
  Headers headers;         // names lower-cased
  std::string body;

  bool transported() const { return error == TransportError::kNone; }
  // The first header with this lower-case name.
  const std::string* Header(std::string_view name) const;
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual Response Send(const Request& request) = 0;
};

// libcurl with `connections` reusable handles (keep-alive), TLS verification always on, and
// plain HTTP allowed only to loopback addresses.
std::unique_ptr<Transport> MakeCurlTransport(std::size_t connections);

// Percent-encodes everything but unreserved characters (RFC 3986), for query strings, paths and
// form bodies.
std::string UrlEncode(std::string_view text);

// True when `url` is http(s) to 127.0.0.0/8, localhost or [::1].
bool IsLoopbackUrl(std::string_view url);

}  // namespace pdc::pardot
