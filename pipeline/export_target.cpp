#include "pipeline/export_target.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "pipeline/export_rows.h"
#include "pipeline/json_text.h"
#include "pipeline/pardot/field_map.h"
#include "pipeline/run_common.h"

namespace pdc {
namespace {

ExportSchema ProspectSchema() {
  ExportSchema schema;
  for (std::string_view name : pardot::StandardFieldNames()) {
    // The v5 types are the ones Pardot gives these fields in every version (employees and
    // annual_revenue are free text).
    ColumnType type = ColumnType::kText;
    switch (pardot::V5TypeOf(name)) {
      case pardot::V5Type::kInteger:
        type = ColumnType::kInteger;
        break;
      case pardot::V5Type::kBoolean:
        type = ColumnType::kBoolean;
        break;
      case pardot::V5Type::kString:
        break;
    }
    schema.typed.push_back({std::string(name), type});
  }
  schema.extra = "custom_fields";
  return schema;
}

// Visitor activities as v3/v4 name their fields: ids and `type` are numbers, `type_name` says
// what `type` means (6 = email sent, 11 = open, 1 = click, ...).
ExportSchema VisitorActivitySchema() {
  ExportSchema schema;
  for (const char* name : {"id", "prospect_id", "visitor_id", "type", "type_name", "details",
                           "campaign_id", "email_id", "email_template_id", "form_id",
                           "form_handler_id", "landing_page_id", "file_id", "custom_redirect_id",
                           "list_email_id", "site_search_query_id", "created_at", "updated_at"}) {
    const std::string_view n = name;
    const bool text = n == "type_name" || n == "details" || n == "created_at" || n == "updated_at";
    schema.typed.push_back({std::string(n), text ? ColumnType::kText : ColumnType::kInteger});
  }
  schema.extra = "extra";
  return schema;
}

std::optional<std::int64_t> ParseInteger(std::string_view text) {
  std::int64_t n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::optional<std::int64_t> ParseBoolean(std::string_view text) {
  if (text == "1" || EqualsNoCase(text, "true")) return 1;
  if (text.empty() || text == "0" || EqualsNoCase(text, "false")) return 0;
  return std::nullopt;
}

// The cell `value` gives a column of `type`; nullopt when the column cannot hold it.
std::optional<ExportCell> CellOf(const Value& value, ColumnType type) {
  ExportCell cell;
  if (value.is_null()) return cell;
  if (value.kind() == Value::Kind::kList) {
    if (type != ColumnType::kText) return std::nullopt;
    cell.kind = ExportCell::Kind::kList;
    cell.list = &value;
    return cell;
  }
  const std::string_view text = value.view();
  switch (type) {
    case ColumnType::kText:
      if (!text.empty()) cell = {ExportCell::Kind::kText, 0, text, nullptr};
      return cell;
    case ColumnType::kInteger: {
      if (text.empty()) return cell;
      const auto n = ParseInteger(text);
      if (!n) return std::nullopt;
      return ExportCell{ExportCell::Kind::kNumber, *n, {}, nullptr};
    }
    case ColumnType::kBoolean: {
      const auto b = ParseBoolean(text);
      if (!b) return std::nullopt;
      return ExportCell{ExportCell::Kind::kNumber, *b, {}, nullptr};
    }
  }
  return std::nullopt;
}

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view ExportObjectName(ExportObject object) {
  switch (object) {
    case ExportObject::kProspects:
      return "prospects";
    case ExportObject::kVisitorActivities:
      return "visitor_activities";
  }
  return "unknown";
}

const ExportSchema& SchemaOf(ExportObject object) {
  static const ExportSchema prospects = ProspectSchema();
  static const ExportSchema activities = VisitorActivitySchema();
  return object == ExportObject::kProspects ? prospects : activities;
}

std::string ExportTime() { return UtcNow("%Y-%m-%dT%H:%M:%SZ"); }

ExportRowSplitter::ExportRowSplitter(const ExportSchema& schema)
    : schema_(schema), cells_(schema.typed.size()) {
  for (std::size_t i = 0; i < schema.typed.size(); ++i) {
    const FieldId field = InternField(schema.typed[i].name);
    if (field >= column_of_.size()) column_of_.resize(field + 1, -1);
    column_of_[field] = static_cast<std::int32_t>(i);
  }
}

Status ExportRowSplitter::Split(const Record& record) {
  const auto id = ParseInteger(record.id());
  if (!id) {
    return Status::InvalidField(
        "id", "record " + record.label() + " has no numeric id (\"" + record.id() + "\")");
  }
  std::fill(cells_.begin(), cells_.end(), ExportCell{});
  cells_[0] = {ExportCell::Kind::kNumber, *id, {}, nullptr};
  others_.clear();
  for (const Field& field : record.fields()) {
    const std::int32_t column = field.id < column_of_.size() ? column_of_[field.id] : -1;
    if (column == 0) continue;  // the id field repeats record.id()
    if (column < 0) {
      others_.push_back(&field);
      continue;
    }
    if (auto cell = CellOf(field.value, schema_.typed[column].type)) {
      cells_[column] = *cell;
    } else {
      others_.push_back(&field);
    }
  }
  return Status::Ok();
}

void AppendJsonFields(std::string& out, const std::vector<const Field*>& fields) {
  out += '{';
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    AppendJsonString(out, FieldName(fields[i]->id));
    out += ':';
    AppendJsonValue(out, fields[i]->value);
  }
  out += '}';
}

Result<std::unique_ptr<ExportTarget>> ExportTarget::Open(const std::string& path) {
  const std::string lower = Lowercase(path);
  for (std::string_view extension : {".sqlite", ".sqlite3", ".db"}) {
    if (EndsWith(lower, extension)) return OpenSqliteExport(path);
  }
  if (EndsWith(lower, ".csv")) return OpenFileExport(path, true);
  if (EndsWith(lower, ".jsonl")) return OpenFileExport(path, false);
  return Status::InvalidArgument("cannot tell what to export to from the name " + path +
                                 ": expected .sqlite, .sqlite3, .db, .csv or .jsonl");
}

}  // namespace pdc
