#include "tests/emulator/v5_token.h"

#include <algorithm>
#include <boost/json.hpp>

namespace pdc::emulator::v5 {
namespace {

namespace json = boost::json;

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64Encode(std::string_view data) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < data.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, data.size() - i);
    unsigned int chunk = 0;
    for (std::size_t j = 0; j < 3; ++j) {
      chunk = chunk << 8 | (j < n ? static_cast<unsigned char>(data[i + j]) : 0U);
    }
    for (std::size_t j = 0; j < 4; ++j) {
      out += j <= n ? kAlphabet[(chunk >> (18 - 6 * j)) & 63] : '=';
    }
  }
  return out;
}

// Strict: length a multiple of 4, alphabet characters, '=' only as the final padding. A space
// (a '+' that arrived unencoded in a query string) therefore fails.
std::optional<std::string> Base64Decode(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  std::size_t padding = 0;
  while (padding < 2 && text[text.size() - 1 - padding] == '=') ++padding;
  std::string out;
  unsigned int chunk = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned int value = 0;
    if (i >= text.size() - padding) {
      value = 0;
    } else {
      const std::size_t pos = kAlphabet.find(text[i]);
      if (pos == std::string_view::npos) return std::nullopt;
      value = static_cast<unsigned int>(pos);
    }
    chunk = chunk << 6 | value;
    if (i % 4 == 3) {
      out += static_cast<char>((chunk >> 16) & 255);
      out += static_cast<char>((chunk >> 8) & 255);
      out += static_cast<char>(chunk & 255);
      chunk = 0;
    }
  }
  out.resize(out.size() - padding);
  return out;
}

std::optional<long long> Integer(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  if (v == nullptr || !v->is_int64()) return std::nullopt;
  return v->as_int64();
}

const json::string* String(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  return v != nullptr ? v->if_string() : nullptr;
}

}  // namespace

std::string EncodePageToken(const PageToken& token, const BusinessUnit& unit) {
  json::array filters;
  for (const auto& [name, value] : token.filters) {
    filters.push_back(json::object{{"name", name}, {"value", value}});
  }
  json::object resume;
  for (const auto& [name, value] : token.resume) {
    if (name == "id") {
      resume[name] = value;
    } else if (value == 0) {
      resume[name] = nullptr;
    } else {
      resume[name] = unit.IsoTime(value);
    }
  }
  json::object document;
  document["orderBy"] = token.order_by;
  document["filters"] = std::move(filters);
  document["limit"] = token.limit;
  document["resumeValue"] = std::move(resume);
  document["page"] = token.page;
  document["recCount"] = token.rec_count;
  document["expireTime"] = unit.IsoTime(token.expire_time);
  if (token.deleted) {
    document["deleted"] = *token.deleted;
  } else {
    document["deleted"] = nullptr;
  }
  return Base64Encode(json::serialize(document));
}

std::optional<PageToken> DecodePageToken(std::string_view text, const BusinessUnit& unit) {
  const std::optional<std::string> decoded = Base64Decode(text);
  if (!decoded) return std::nullopt;
  boost::system::error_code error;
  const json::value parsed = json::parse(*decoded, error);
  if (error || !parsed.is_object()) return std::nullopt;
  const json::object& document = parsed.as_object();

  PageToken token;
  const json::string* order_by = String(document, "orderBy");
  const json::value* filters = document.if_contains("filters");
  const json::value* resume = document.if_contains("resumeValue");
  const json::string* expire = String(document, "expireTime");
  const json::value* deleted = document.if_contains("deleted");
  const auto limit = Integer(document, "limit");
  const auto page = Integer(document, "page");
  const auto rec_count = Integer(document, "recCount");
  if (order_by == nullptr || filters == nullptr || !filters->is_array() || resume == nullptr ||
      !resume->is_object() || expire == nullptr || deleted == nullptr ||
      !(deleted->is_null() || deleted->is_string()) || !limit || *limit < 1 || *limit > 1000 ||
      !page || *page < 2 || !rec_count || *rec_count < 0) {
    return std::nullopt;
  }
  token.order_by = std::string(*order_by);
  token.limit = static_cast<int>(*limit);
  token.page = *page;
  token.rec_count = *rec_count;
  if (deleted->is_string()) token.deleted = std::string(deleted->as_string());
  const std::optional<long long> expire_time = unit.ParseTime(std::string_view(*expire));
  if (!expire_time) return std::nullopt;
  token.expire_time = *expire_time;

  for (const json::value& f : filters->as_array()) {
    const json::object* filter = f.if_object();
    if (filter == nullptr) return std::nullopt;
    const json::string* name = String(*filter, "name");
    const json::string* value = String(*filter, "value");
    if (name == nullptr || value == nullptr) return std::nullopt;
    token.filters.emplace_back(std::string(*name), std::string(*value));
  }
  for (const auto& [key, value] : resume->as_object()) {
    long long number = 0;
    if (value.is_int64()) {
      number = value.as_int64();
    } else if (value.is_string()) {
      const std::optional<long long> epoch = unit.ParseTime(std::string_view(value.as_string()));
      if (!epoch) return std::nullopt;
      number = *epoch;
    } else if (!value.is_null()) {
      return std::nullopt;
    }
    token.resume.emplace_back(std::string(key), number);
  }
  return token;
}

}  // namespace pdc::emulator::v5
