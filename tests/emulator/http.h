// The emulator's view of one HTTP exchange, independent of the server library, so that handlers
// can be tested in-process.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pdc::emulator {

using Params = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // GET, POST, PATCH, DELETE, ...
  std::string path;    // percent-decoded path, no query
  std::string raw_path;  // the path as sent (still encoded), for segment splitting
  Params query;        // decoded query parameters in order
  Params headers;      // names lower-cased
  std::string body;
  std::string host;  // the Host header without a port

  // The first header with this (lower-case) name.
  const std::string* Header(std::string_view name) const;
  // Query parameters, then form-encoded body parameters (application/x-www-form-urlencoded).
  Params FormParams() const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  Params headers;
  std::string body;
  // Fault directives for the server: close the connection without answering, or send the
  // body slowly (a byte at a time over `slow_body`).
  bool reset_connection = false;
  std::chrono::milliseconds slow_body{0};
};

// Percent-decoding ('+' as space when `plus_is_space`, as in form bodies and query strings).
std::string UrlDecode(std::string_view text, bool plus_is_space);
std::string UrlEncode(std::string_view text);
// Parses "a=1&b=2" into decoded pairs.
Params ParseForm(std::string_view text);
// The path split on '/', each segment percent-decoded; empty segments dropped.
std::vector<std::string> PathSegments(std::string_view raw_path);
// The first value of `name` in `params`.
std::optional<std::string> Param(const Params& params, std::string_view name);

}  // namespace pdc::emulator
