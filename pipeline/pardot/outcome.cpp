#include "pipeline/pardot/outcome.h"

#include <boost/json.hpp>
#include <cstdlib>

namespace pdc::pardot {
namespace {

bool IsRetryCode(int code) { return code == 66 || code == 183 || code == 214; }
bool IsRefreshCode(int code) { return code == 184 || code == 1; }
// Codes about the record a request named (its id, email or values), not about the request.
bool IsRecordCode(int code) {
  switch (code) {
    case 3:
    case 4:
    case 9:
    case 14:
    case 16:
    case 54:
    case 56:
    case 57:
    case 61:
    case 62:
    case 77:
    case 79:
    case 81:
    case 85:
    case 92:
    case 109:
    case 121:
    case 132:
    case 153:
    case 154:
    case 180:
    case 192:
    case 219:
      return true;
    default:
      return false;
  }
}

std::string Trim(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string XmlUnescape(std::string text) {
  const std::pair<const char*, char> entities[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&amp;", '&'}};
  for (const auto& [entity, c] : entities) {
    for (std::size_t at = 0; (at = text.find(entity, at)) != std::string::npos; ++at) {
      text.replace(at, std::char_traits<char>::length(entity), 1, c);
    }
  }
  return text;
}

long long AsInt(const boost::json::value& v) {
  if (v.is_int64()) return v.as_int64();
  if (v.is_uint64()) return static_cast<long long>(v.as_uint64());
  if (v.is_string()) return std::atoll(v.as_string().c_str());
  return 0;
}

}  // namespace

std::string Describe(const std::string& what, const Classified& outcome) {
  std::string text = what + ": ";
  if (outcome.code != 0) text += "Pardot error " + std::to_string(outcome.code) + ": ";
  return text + outcome.message;
}

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kOk:
      return "ok";
    case Outcome::kRetry:
      return "retry";
    case Outcome::kRefresh:
      return "refresh";
    case Outcome::kStopForToday:
      return "stop_for_today";
    case Outcome::kPerRecord:
      return "per_record";
    case Outcome::kFatal:
      return "fatal";
  }
  return "?";
}

Classified DecodeError(const std::string& body) {
  Classified result;
  const auto start = body.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return result;
  if (body[start] == '{') {
    boost::json::error_code ec;
    const boost::json::value doc = boost::json::parse(body, ec);
    if (ec || !doc.is_object()) return result;
    const auto& o = doc.as_object();
    if (const auto* attributes = o.if_contains("@attributes");
        attributes && attributes->is_object()) {
      if (const auto* code = attributes->as_object().if_contains("err_code")) {
        result.code = static_cast<int>(AsInt(*code));
        if (const auto* err = o.if_contains("err"); err && err->is_string()) {
          result.message = std::string(err->as_string());
        }
      }
      return result;
    }
    if (const auto* code = o.if_contains("code");
        code && (code->is_number() || code->is_string())) {
      result.code = static_cast<int>(AsInt(*code));
      if (const auto* message = o.if_contains("message"); message && message->is_string()) {
        result.message = std::string(message->as_string());
      }
    }
    return result;
  }
  if (body.compare(start, 5, "<?xml") == 0 || body.compare(start, 4, "<rsp") == 0) {
    if (body.find("stat=\"fail\"") == std::string::npos) return result;
    const auto err = body.find("<err");
    if (err == std::string::npos) return result;
    const auto code_at = body.find("code=\"", err);
    const auto close = body.find('>', err);
    if (code_at != std::string::npos && code_at < close)
      result.code = std::atoi(body.c_str() + code_at + 6);
    const auto end = body.find("</err>", close);
    if (close != std::string::npos && end != std::string::npos) {
      result.message = XmlUnescape(Trim(body.substr(close + 1, end - close - 1)));
    }
  }
  return result;
}

Classified Classify(const Response& response) {
  Classified result;
  if (!response.transported()) {
    result.message = response.error_text;
    result.outcome = response.error == TransportError::kRefused ? Outcome::kFatal : Outcome::kRetry;
    return result;
  }
  result = DecodeError(response.body);
  const int status = response.status;
  if (result.code == 122) {
    result.outcome = Outcome::kStopForToday;
  } else if (IsRefreshCode(result.code) || status == 401) {
    result.outcome = Outcome::kRefresh;
  } else if (IsRetryCode(result.code) || status == 408 || status == 429 || status >= 500) {
    result.outcome = Outcome::kRetry;
  } else if (result.code != 0) {
    result.outcome = IsRecordCode(result.code) ? Outcome::kPerRecord : Outcome::kFatal;
  } else if (status >= 200 && status < 300) {
    result.outcome = Outcome::kOk;
  } else {
    result.outcome = Outcome::kFatal;
  }
  if (result.message.empty() && result.outcome != Outcome::kOk) {
    result.message = "HTTP " + std::to_string(status);
    if (!response.body.empty()) {
      result.message += ": " + response.body.substr(0, 200);  // an HTML error page, say
    }
  }
  return result;
}

}  // namespace pdc::pardot
