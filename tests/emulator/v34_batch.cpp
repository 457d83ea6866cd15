// batchCreate, batchUpdate and batchUpsert (pardot-api.md §4.6).
//
// The `prospects` param (query or form body) holds a JSON or an XML document:
//   v3 JSON {"prospects":{"<id or email>":{...},...}}   (an array → 91)
//   v4 JSON {"prospects":[{...},...]}, or the id-keyed object of the docs' v4 example
//   v3 XML  <prospects><prospect identifier="<id or email>">...</prospect></prospects>
//   v4 XML  <prospects><prospect><id>10</id>...</prospect></prospects>
// A row's fields are flat: a scalar, or an array of scalars (JSON) / <value> children (XML) for
// a multi-value field; anything deeper → 90. Not JSON or XML, or no `prospects` → 71; more
// than 50 rows → 70. Each row then goes through the same create/update/upsert as the single
// operations (v34_lookup.h); a failing row does not stop the others.
//
// Result: {"@attributes":{"stat":"ok","version":1},"errors":{"<key>":"<message>"}} with one
// entry per failing row, keyed by the identifier (v3, and v4's keyed form) or the row's index
// (v4 array), and no `errors` when every row succeeded. UNCONFIRMED (§4.6): whether `errors`
// is omitted or `{}` and whether stat turns "fail"; and the XML form, which the emulator writes
// as <errors><prospect identifier="<key>">message</prospect></errors>.
#include <boost/json.hpp>

#include "tests/emulator/errors.h"
#include "tests/emulator/v34_call.h"
#include "tests/emulator/v34_lookup.h"
#include "tests/emulator/v34_xml.h"

namespace pdc::emulator {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxRows = 50;

struct BatchRow {
  std::string key;         // the errors key: the identifier, or the index
  std::string identifier;  // v3 (and v4 keyed form): the id or email the row is keyed by
  Params fields;
};

std::string ScalarText(const json::value& value) {
  if (value.is_string()) return std::string(value.get_string());
  if (value.is_bool()) return value.get_bool() ? "1" : "0";
  if (value.is_null()) return {};
  return json::serialize(value);
}

bool IsScalar(const json::value& value) { return !value.is_object() && !value.is_array(); }

V34Failure JsonRow(const json::value& value, BatchRow& row) {
  if (!value.is_object()) return {90, {}};
  for (const auto& member : value.get_object()) {
    const std::string name(member.key());
    if (IsScalar(member.value())) {
      row.fields.emplace_back(name, ScalarText(member.value()));
    } else if (member.value().is_array()) {
      const json::array& values = member.value().get_array();
      if (values.empty()) row.fields.emplace_back(name + "_0", "");
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (!IsScalar(values[i])) return {90, {}};
        row.fields.emplace_back(name + "_" + std::to_string(i), ScalarText(values[i]));
      }
    } else {
      return {90, {}};
    }
  }
  return {};
}

V34Failure JsonRows(const V34Call& call, std::string_view text, std::vector<BatchRow>& rows) {
  boost::system::error_code ec;
  const json::value document = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec || !document.is_object() || !document.get_object().contains("prospects")) {
    return {71, {}};
  }
  const json::value& prospects = document.get_object().at("prospects");
  if (prospects.is_object()) {
    for (const auto& member : prospects.get_object()) {
      BatchRow& row = rows.emplace_back();
      row.key = row.identifier = std::string(member.key());
      if (auto failure = JsonRow(member.value(), row)) return failure;
    }
    return {};
  }
  if (!prospects.is_array()) return {71, {}};
  if (call.version == 3) return {91, {}};
  for (std::size_t i = 0; i < prospects.get_array().size(); ++i) {
    BatchRow& row = rows.emplace_back();
    row.key = std::to_string(i);
    if (auto failure = JsonRow(prospects.get_array()[i], row)) return failure;
  }
  return {};
}

V34Failure XmlRows(std::string_view text, std::vector<BatchRow>& rows) {
  const auto document = ParseXml(text);
  if (!document || document->name != "prospects") return {71, {}};
  for (const XmlElement& element : document->children) {
    if (element.name != "prospect") return {90, {}};
    BatchRow& row = rows.emplace_back();
    const std::string* identifier = element.Attribute("identifier");
    if (identifier != nullptr) row.identifier = *identifier;
    row.key = identifier != nullptr ? *identifier : std::to_string(rows.size() - 1);
    for (const XmlElement& field : element.children) {
      if (field.children.empty()) {
        row.fields.emplace_back(field.name, field.text);
        continue;
      }
      for (std::size_t i = 0; i < field.children.size(); ++i) {
        const XmlElement& value = field.children[i];
        if (value.name != "value" || !value.children.empty()) return {90, {}};
        row.fields.emplace_back(field.name + "_" + std::to_string(i), value.text);
      }
    }
  }
  return {};
}

bool IsDigits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// The identifier of a row for `op`; a row that names none gets the reference the error
// should come from (an empty email → 4, an empty id → 16).
IdRef RowRef(const V34Call& call, V34Op op, const BatchRow& row) {
  const auto email = Param(row.fields, "email");
  const auto id = Param(row.fields, "id");
  const auto fid = Param(row.fields, "fid");
  if (op == V34Op::kCreate) return {"email", email.value_or(row.identifier)};
  if (!row.identifier.empty()) return {IsDigits(row.identifier) ? "id" : "email", row.identifier};
  if (id) return {"id", *id};
  if (call.version == 4 && fid) return {"fid", *fid};
  if (email) return {"email", *email};  // v4 batchUpdate refuses it through CheckIdField
  return {"id", ""};
}

HttpResponse BatchResult(const V34Call& call,
                         const std::vector<std::pair<std::string, std::string>>& errors) {
  HttpResponse response;
  if (call.json) {
    json::object body;
    body["@attributes"] = json::object{{"stat", "ok"}, {"version", 1}};
    if (!errors.empty()) {
      json::object map;
      for (const auto& [key, message] : errors) map[key] = message;
      body["errors"] = std::move(map);
    }
    response.body = json::serialize(body);
    return response;
  }
  response.content_type = "text/xml; charset=utf-8";
  response.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsp stat=\"ok\" version=\"1.0\">\n";
  if (!errors.empty()) {
    response.body += "    <errors>\n";
    for (const auto& [key, message] : errors) {
      response.body += "        <prospect identifier=\"" + XmlEscape(key) + "\">" +
                       XmlEscape(message) + "</prospect>\n";
    }
    response.body += "    </errors>\n";
  }
  response.body += "</rsp>\n";
  return response;
}

}  // namespace

HttpResponse V34Batch(V34Call& call, std::string_view operation) {
  const V34Op op = operation == "batchCreate"   ? V34Op::kCreate
                   : operation == "batchUpdate" ? V34Op::kUpdate
                                                : V34Op::kUpsert;
  const auto payload = call.Param("prospects");
  const std::size_t start = payload ? payload->find_first_not_of(" \t\r\n") : std::string::npos;
  if (start == std::string::npos) return V34Fail(call, 71);
  const std::string_view text = std::string_view(*payload).substr(start);
  std::vector<BatchRow> rows;
  V34Failure failure{71, {}};
  if (text.front() == '{' || text.front() == '[') failure = JsonRows(call, text, rows);
  if (text.front() == '<') failure = XmlRows(text, rows);
  if (failure) return V34Fail(call, failure);
  if (rows.size() > kMaxRows) return V34Fail(call, 70);

  std::vector<std::pair<std::string, std::string>> errors;
  for (const BatchRow& row : rows) {
    const WriteOutcome outcome = RunWrite(call, op, RowRef(call, op, row), row.fields);
    if (outcome.failure) {
      const std::string& message = outcome.failure.message;
      errors.emplace_back(row.key, message.empty() ? V34Message(outcome.failure.code) : message);
    }
  }
  return BatchResult(call, errors);
}

}  // namespace pdc::emulator
