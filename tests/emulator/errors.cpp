#include "tests/emulator/errors.h"

#include <boost/json.hpp>

namespace pdc::emulator {

std::string_view ErrorMessage(int code) {
  switch (code) {
    case 1: return "Invalid API key or user key";
    case 2: return "Invalid action";
    case 3: return "Invalid prospect ID";
    case 4: return "Invalid prospect email address";
    case 5: return "Invalid query parameters";
    case 7: return "Invalid timestamp";
    case 8: return "Invalid time range";
    case 9: return "A prospect with the specified email address already exists";
    case 10: return "Invalid user ID";
    case 11: return "Invalid user email address";
    case 12: return "Invalid group ID";
    case 13: return "One or more required parameters are missing";
    case 14: return "Non-existent prospect ID; No email address provided";
    case 15: return "Login failed";
    case 16: return "Invalid ID";
    case 17: return "Invalid ID range";
    case 19: return "Invalid sort_by parameter";
    case 20: return "Invalid sort_order parameter";
    case 21: return "Invalid offset parameter";
    case 23: return "Invalid limit parameter; limit must be no larger than 200";
    case 27: return "The deleted parameter must be true or false";
    case 29: return "Invalid score value";
    case 36: return "Required parameter values missing";
    case 47: return "Multiple assignment targets were specified";
    case 49: return "Access Denied";
    case 51: return "Invalid parameter";
    case 54: return "Email address is already in use";
    case 60: return "Invalid HTTP request method";
    case 66: return "You have exceeded your concurrent request limit. Please wait, before trying again";
    case 70: return "Batch processing is limited to 50 prospects at once.";
    case 71: return "Input needs to be valid JSON or XML";
    case 77: return "Invalid prospect fid";
    case 81: return "Prospect id and fid do not match";
    case 88: return "Your account must use version 4 of the API.";
    case 89: return "Your account is unable to use version 4 of the API.";
    case 90: return "Batch input should be a flat array";
    case 91: return "Batch input must be keyed by email address";
    case 92: return "Prospect record could not be found";
    case 109: return "The requested record was not found.";
    case 122: return "Daily API rate limit met.";
    case 125: return "Cannot accept both user_id and crm_owner_fid";
    case 126: return "Invalid authentication mechanism";
    case 132: return "Prospect is archived";
    case 150: return "Invalid JSON in request body";
    case 151: return "Invalid Content-Type header";
    case 152: return "Request body is empty";
    case 153: return "Missing required property";
    case 154: return "Invalid property";
    case 180: return "Specified fields are invalid for the operation";
    case 181: return "A required header is missing: Pardot-Business-Unit-Id header not found on request.";
    case 182: return "Invalid header value";
    case 183: return "Internal error, please retry";
    case 184: return "access_token is invalid, unknown, or malformed";
    case 199: return "Authentication using an api_key is no longer supported. Use Salesforce OAuth access token instead.";
    case 201: return "Business Unit specified in Pardot-Business-Unit-Id header not found or inactive.";
    case 209: return "Too many fields with filters; at most 3 are allowed";
    case 210: return "Page token has expired.";
    case 211: return "Page token is invalid.";
    case 219: return "Deleted records can't be updated";
    default: return "Unknown error";
  }
}

bool WantsJson(const HttpRequest& request) {
  const auto format = Param(request.FormParams(), "format");
  return format && *format == "json";
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string JsonQuote(std::string_view text) {
  return boost::json::serialize(boost::json::value(boost::json::string_view(text.data(), text.size())));
}

HttpResponse V34Error(const HttpRequest& request, int code, int http_status,
                      std::string_view message) {
  if (message.empty()) message = ErrorMessage(code);
  HttpResponse response;
  response.status = http_status;
  if (WantsJson(request)) {
    response.content_type = "application/json";
    response.body = "{\"@attributes\":{\"stat\":\"fail\",\"version\":1,\"err_code\":" +
                    std::to_string(code) + "},\"err\":" + JsonQuote(message) + "}";
  } else {
    response.content_type = "text/xml; charset=utf-8";
    response.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsp stat=\"fail\" version=\"1.0\">\n"
                    "    <err code=\"" + std::to_string(code) + "\">" + XmlEscape(message) +
                    "</err>\n</rsp>\n";
  }
  return response;
}

HttpResponse V5Error(int code, int http_status, std::string_view message) {
  if (message.empty()) message = ErrorMessage(code);
  HttpResponse response;
  response.status = http_status;
  response.body = "{\n  \"code\": " + std::to_string(code) + ",\n  \"message\": " +
                  JsonQuote(message) + "\n}";
  return response;
}

}  // namespace pdc::emulator
