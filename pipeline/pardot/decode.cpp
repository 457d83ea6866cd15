#include "pipeline/pardot/decode.h"

#include <boost/json.hpp>

#include "pipeline/pardot/field_map.h"
#include "pipeline/pardot/outcome.h"

namespace pdc::pardot {
namespace json = boost::json;
namespace {

std::string ScalarText(const json::value& v) {
  switch (v.kind()) {
    case json::kind::string:
      return std::string(v.as_string());
    case json::kind::int64:
      return std::to_string(v.as_int64());
    case json::kind::uint64:
      return std::to_string(v.as_uint64());
    case json::kind::bool_:
      return v.as_bool() ? "true" : "false";
    default:
      return json::serialize(v);  // doubles: as Pardot wrote them, near enough
  }
}

// A field's value, or nullopt for relationship objects, which are not fields.
std::optional<Value> FieldValue(const json::value& v) {
  if (v.is_null()) return Value::Null();
  if (v.is_array()) {
    std::vector<std::string> items;
    for (const auto& item : v.as_array()) {
      if (!item.is_null()) items.push_back(ScalarText(item));
    }
    return Value::List(std::move(items));
  }
  if (v.is_object()) {
    // A multi-value custom field: {"value": "a"} or {"value": ["a", "b"]}.
    const auto& o = v.as_object();
    if (o.size() == 1 && o.contains("value")) {
      const json::value& items = o.at("value");
      if (items.is_array()) return FieldValue(items);
      return Value::List({ScalarText(items)});
    }
    return std::nullopt;
  }
  return Value::Text(ScalarText(v));
}

// A whole number, written as a number or as a string (0 when neither).
long long IntegerOf(const json::value& v) {
  if (v.is_int64()) return v.as_int64();
  if (v.is_uint64()) return static_cast<long long>(v.as_uint64());
  if (v.is_string()) {
    try {
      return std::stoll(std::string(v.as_string()));
    } catch (...) {
      return 0;
    }
  }
  return 0;
}

Result<Record> RecordOf(const json::value& v, bool v5, bool relation_ids = false) {
  if (!v.is_object()) return Status::Parse("a record is not a JSON object");
  Record record;
  for (const auto& [key, value] : v.as_object()) {
    const std::string name = v5 ? FromV5Name(std::string_view(key.data(), key.size()))
                                : std::string(key.data(), key.size());
    if (name == "id") {
      const long long id = IntegerOf(value);
      if (id <= 0) return Status::Parse("a record has no valid id");
      record.set_id(std::to_string(id));
    }
    if (auto field = FieldValue(value)) {
      record.Load(InternField(name), std::move(*field));
    } else if (relation_ids && value.is_object() && value.as_object().contains("id")) {
      // {"campaign":{"id":1,"name":"..."}} names the related record: campaign_id, unless the
      // record has that field of its own.
      const FieldId id = InternField(name + "_id");
      if (!v.as_object().contains(name + "_id")) {
        record.Load(id, Value::Text(ScalarText(value.as_object().at("id"))));
      }
    }
  }
  if (record.id().empty()) return Status::Parse("a record has no id");
  return record;
}

Status Failure(const std::string& body, const std::string& expected) {
  const Classified error = DecodeError(body);
  if (error.code != 0) {
    return Status::Parse("Pardot error " + std::to_string(error.code) + ": " + error.message);
  }
  return Status::Parse("expected " + expected + ", found: " + body.substr(0, 120));
}

void AddRecord(ProspectPage& page, Record record) {
  page.max_id = std::max(page.max_id, std::stoll(record.id()));
  page.records.push_back(std::move(record));
}

}  // namespace

Result<ProspectPage> DecodeV34Query(const std::string& body, std::string_view element,
                                    bool relation_ids) {
  json::error_code ec;
  const json::value doc = json::parse(body, ec);
  if (ec || !doc.is_object()) return Failure(body, "a JSON query result");
  const auto& o = doc.as_object();
  const json::value* result = o.if_contains("result");
  if (result == nullptr) return Failure(body, "a \"result\" in the query answer");
  ProspectPage page;
  if (result->is_null()) return page;  // bulk output with no rows
  if (!result->is_object()) return Failure(body, "a result object");
  if (const json::value* total = result->as_object().if_contains("total_results")) {
    page.total = IntegerOf(*total);
  }
  const json::value* prospects = result->as_object().if_contains(element);
  if (prospects == nullptr || prospects->is_null()) return page;  // no rows: no key
  auto add = [&](const json::value& v) -> Status {
    auto record = RecordOf(v, false, relation_ids);
    if (!record.ok()) return record.status();
    AddRecord(page, std::move(*record));
    return Status::Ok();
  };
  if (prospects->is_array()) {
    for (const auto& p : prospects->as_array()) {
      if (Status st = add(p); !st.ok()) return st;
    }
  } else if (Status st = add(*prospects); !st.ok()) {  // one row: an object
    return st;
  }
  return page;
}

Result<ProspectPage> DecodeV5Page(const Response& response) {
  json::error_code ec;
  const json::value doc = json::parse(response.body, ec);
  if (ec || !doc.is_object() || !doc.as_object().contains("values")) {
    return Failure(response.body, "a v5 collection with \"values\"");
  }
  const auto& o = doc.as_object();
  ProspectPage page;
  const json::value& values = o.at("values");
  if (!values.is_array()) return Failure(response.body, "\"values\" as an array");
  for (const auto& v : values.as_array()) {
    auto record = RecordOf(v, true);
    if (!record.ok()) return record.status();
    AddRecord(page, std::move(*record));
  }
  if (const auto* token = o.if_contains("nextPageToken"); token && token->is_string()) {
    page.next_token = std::string(token->as_string());
  }
  if (const std::string* warning = response.Header("pardot-warning")) {
    page.sequence_capped = warning->find("203") != std::string::npos ||
                           warning->find("nextPageToken sequence") != std::string::npos;
  }
  return page;
}

Result<Record> DecodeV5Record(const std::string& body) {
  json::error_code ec;
  const json::value doc = json::parse(body, ec);
  if (ec || !doc.is_object()) return Failure(body, "a v5 prospect");
  return RecordOf(doc, true);
}

}  // namespace pdc::pardot
