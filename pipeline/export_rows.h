// The columns of what `pardot-clean export` writes, and how a record becomes a row of them: shared
// by the SQLite and the file targets so that a record reads the same in every format. Private to
// pipeline/: everything else goes through export_target.h.
//
// An object's row is its typed columns (id first), then one JSON column holding every other field
// of the record (`custom_fields` for prospects, `extra` for visitor activities), then
// `exported_at`. A typed cell is null when the record lacks the field or holds it empty; a value
// its column cannot hold (a non-numeric campaign_id) is null in the column and kept, under its
// name, in the JSON column, so nothing fetched is lost. Booleans arrive as true/false, "true"/
// "false" or "1"/"" (v3/v4 write false as empty): there the empty text is false, not null.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/export_target.h"

namespace pdc {

enum class ColumnType { kInteger, kBoolean, kText };

struct ExportColumn {
  std::string name;
  ColumnType type;
};

struct ExportSchema {
  std::vector<ExportColumn> typed;  // id first
  std::string extra;                // the JSON column of every other field
};
const ExportSchema& SchemaOf(ExportObject object);

inline constexpr std::string_view kExportedAtColumn = "exported_at";
// The time of a write as `exported_at` holds it: ISO 8601 UTC to the second.
std::string ExportTime();

// One typed cell of a row. Its text and list borrow from the record; a list (a multi-value field
// in a text column) is written as its JSON array.
struct ExportCell {
  enum class Kind { kNull, kNumber, kText, kList };  // kNumber: an integer, or 0/1 for booleans
  Kind kind = Kind::kNull;
  std::int64_t number = 0;
  std::string_view text;
  const Value* list = nullptr;
};

// Splits records of one object over its columns, keeping its buffers from record to record.
// Not thread-safe.
class ExportRowSplitter {
 public:
  explicit ExportRowSplitter(const ExportSchema& schema);

  // Fills cells() and others() for `record`; a record without a numeric id is an error.
  Status Split(const Record& record);
  // One cell per typed column, in the schema's order; valid until the next Split.
  const std::vector<ExportCell>& cells() const { return cells_; }
  // The fields the JSON column holds, in the record's order: those without a typed column, and
  // those whose value their column could not hold.
  const std::vector<const Field*>& others() const { return others_; }

 private:
  const ExportSchema& schema_;
  std::vector<std::int32_t> column_of_;  // by FieldId: its typed column, or -1
  std::vector<ExportCell> cells_;
  std::vector<const Field*> others_;
};

// Appends the fields as one JSON object ({} for none), values as AppendJsonValue writes them.
void AppendJsonFields(std::string& out, const std::vector<const Field*>& fields);

// The targets behind ExportTarget::Open.
Result<std::unique_ptr<ExportTarget>> OpenSqliteExport(const std::string& path);
// CSV, or JSON Lines when `csv` is false; the per-object files keep the path's extension.
Result<std::unique_ptr<ExportTarget>> OpenFileExport(const std::string& path, bool csv);

}  // namespace pdc
