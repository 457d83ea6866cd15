#include "tests/emulator/http.h"

#include <cctype>

namespace pdc::emulator {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

const std::string* HttpRequest::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return &value;
  }
  return nullptr;
}

Params HttpRequest::FormParams() const {
  Params params = query;
  const std::string* type = Header("content-type");
  if (!body.empty() && type != nullptr &&
      type->find("application/x-www-form-urlencoded") != std::string::npos) {
    for (auto& kv : ParseForm(body)) params.push_back(std::move(kv));
  }
  return params;
}

std::string UrlDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int hi = HexValue(text[i + 1]);
      const int lo = HexValue(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (c == '+' && plus_is_space) ? ' ' : c;
  }
  return out;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
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

Params ParseForm(std::string_view text) {
  Params params;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t amp = text.find('&', start);
    if (amp == std::string_view::npos) amp = text.size();
    const std::string_view pair = text.substr(start, amp - start);
    if (!pair.empty()) {
      const std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos) {
        params.emplace_back(UrlDecode(pair, true), "");
      } else {
        params.emplace_back(UrlDecode(pair.substr(0, eq), true), UrlDecode(pair.substr(eq + 1), true));
      }
    }
    start = amp + 1;
  }
  return params;
}

std::vector<std::string> PathSegments(std::string_view raw_path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start < raw_path.size()) {
    std::size_t slash = raw_path.find('/', start);
    if (slash == std::string_view::npos) slash = raw_path.size();
    if (slash > start) segments.push_back(UrlDecode(raw_path.substr(start, slash - start), false));
    start = slash + 1;
  }
  return segments;
}

std::optional<std::string> Param(const Params& params, std::string_view name) {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return std::nullopt;
}

}  // namespace pdc::emulator
