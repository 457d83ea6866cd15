// The CSV and JSON Lines export targets: one file per object, appended and flushed page by page.
//
// CSV columns are fixed when a file is created: the typed columns, then the other fields the
// first page has (prospects' custom fields), in first-seen order, then the JSON column
// (`custom_fields` or `extra`) and `exported_at`. A field first seen on a later page, and a value
// its typed column cannot hold, goes to the JSON column, so a row never needs a column its file
// lacks. A later export appending to the file reads the header back and keeps it. Multi-value
// fields are written as JSON arrays. Cells starting with = + - @ are written as they are, not
// neutralised as the CSV report's are (NeutraliseCell): these files are data for loaders, which
// must get the values exactly, not a report to open in a spreadsheet.
//
// A JSON Lines line is one object: "id", the record's non-null typed columns as numbers,
// booleans or strings (arrays for multi-value fields), then the JSON column as a nested object
// and "exported_at".
//
// A page is written with one fwrite, but a crash can still cut one short: reopening a file cuts
// it back to its last whole row, so the rows appended next are not glued to a torn one.
#include <algorithm>
#include <boost/json.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "pipeline/export_rows.h"
#include "pipeline/json_text.h"
#include "pipeline/record_io.h"

namespace pdc {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

std::string ObjectPath(const std::string& path, ExportObject object) {
  const std::size_t dot = path.rfind('.');
  return path.substr(0, dot) + "." + std::string(ExportObjectName(object)) + path.substr(dot);
}

Status Refuse(const std::string& path, const std::string& why) {
  return Status::InvalidArgument("export " + path + ": the file exists but " + why +
                                 "; not writing to it");
}

// The length of the file's whole rows: up to the last line end outside a quoted CSV cell (inside
// one a quote count is odd: RFC 4180 escapes a quote by doubling it).
Result<std::uintmax_t> WholeRowsLength(const std::string& path, bool csv) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return Status::Io("export: cannot read " + path + ": " + std::strerror(errno));
  std::vector<char> chunk(std::size_t{1} << 20);
  std::uintmax_t offset = 0, whole = 0;
  bool quoted = false;
  std::size_t n;
  while ((n = std::fread(chunk.data(), 1, chunk.size(), file.get())) > 0) {
    for (std::size_t i = 0; i < n; ++i) {
      if (csv && chunk[i] == '"') quoted = !quoted;
      if (chunk[i] == '\n' && !quoted) whole = offset + i + 1;
    }
    offset += n;
  }
  if (std::ferror(file.get())) return Status::Io("export: cannot read " + path);
  return whole;
}

class FileExport final : public ExportTarget {
 public:
  FileExport(const std::string& path, bool csv)
      : csv_(csv),
        files_{ObjectFile(ObjectPath(path, ExportObject::kProspects), ExportObject::kProspects),
               ObjectFile(ObjectPath(path, ExportObject::kVisitorActivities),
                          ExportObject::kVisitorActivities)} {}

  // Checks the files that exist already and cuts a torn last row.
  Status Start();
  Status Write(ExportObject object, const std::vector<Record>& records) override;
  Status RecordRun(const ExportRunRow&) override { return Status::Ok(); }
  std::vector<std::string> Files() const override;

 private:
  struct ObjectFile {
    ObjectFile(std::string p, ExportObject o)
        : path(std::move(p)), schema(SchemaOf(o)), splitter(schema) {}
    std::string path;
    const ExportSchema& schema;
    ExportRowSplitter splitter;
    bool exists = false;                          // holds rows (and for CSV its header) already
    std::vector<std::string> columns;             // CSV: the columns between typed and the JSON one
    std::vector<std::int32_t> column_of;          // by FieldId: its index in `columns`, or -1
    std::unique_ptr<std::FILE, FileCloser> file;  // opened to append at the first write
  };

  Status CheckCsvHeader(ObjectFile& f);
  Status CheckJsonl(const ObjectFile& f);
  void SetColumns(ObjectFile& f, std::vector<std::string> columns);
  // The columns a new CSV file gets from its first page: fields without a typed column.
  Status ChooseColumns(ObjectFile& f, const std::vector<Record>& records);
  void AppendCsvRow(ObjectFile& f, const std::string& now);
  void AppendJsonlRow(ObjectFile& f, const std::string& now);

  const bool csv_;
  ObjectFile files_[2];
  std::string page_, cell_;
  std::vector<const Value*> slots_;
  std::vector<const Field*> leftover_;
};

void FileExport::SetColumns(ObjectFile& f, std::vector<std::string> columns) {
  f.columns = std::move(columns);
  f.column_of.clear();
  for (std::size_t i = 0; i < f.columns.size(); ++i) {
    const FieldId field = InternField(f.columns[i]);
    if (field >= f.column_of.size()) f.column_of.resize(field + 1, -1);
    f.column_of[field] = static_cast<std::int32_t>(i);
  }
}

Status FileExport::CheckCsvHeader(ObjectFile& f) {
  auto header = ScanColumns(f.path, FileFormat::kCsv);
  if (!header.ok()) {
    return Refuse(f.path, "its header cannot be read (" + header.status().message() + ")");
  }
  const std::vector<ExportColumn>& typed = f.schema.typed;
  const std::vector<FieldId>& names = *header;
  bool ours = names.size() >= typed.size() + 2 &&
              FieldName(names[names.size() - 2]) == f.schema.extra &&
              FieldName(names.back()) == kExportedAtColumn;
  for (std::size_t i = 0; ours && i < typed.size(); ++i) {
    ours = FieldName(names[i]) == typed[i].name;
  }
  if (!ours) {
    return Refuse(f.path, "its header is not an export's (it should start with " + typed[0].name +
                              "," + typed[1].name + ", ... and end with " + f.schema.extra + "," +
                              std::string(kExportedAtColumn) + ")");
  }
  std::vector<std::string> columns;
  for (std::size_t i = typed.size(); i + 2 < names.size(); ++i) {
    columns.push_back(FieldName(names[i]));
  }
  SetColumns(f, std::move(columns));
  return Status::Ok();
}

// The first line must be an export's object: a numeric "id" and "exported_at".
Status FileExport::CheckJsonl(const ObjectFile& f) {
  std::ifstream in(f.path, std::ios::binary);
  std::string line;
  std::getline(in, line);
  boost::json::error_code ec;
  const boost::json::value first = boost::json::parse(line, ec);
  const boost::json::object* object = ec ? nullptr : first.if_object();
  const bool ours = object != nullptr && object->contains(kExportedAtColumn) &&
                    object->contains("id") && object->at("id").is_number();
  if (!ours) {
    return Refuse(f.path,
                  "its first line is not an export's record (a JSON object with a "
                  "numeric \"id\" and \"exported_at\")");
  }
  return Status::Ok();
}

Status FileExport::Start() {
  for (ObjectFile& f : files_) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(f.path, ec);
    if (ec == std::errc::no_such_file_or_directory || (!ec && size == 0)) continue;
    if (ec) return Status::Io("export: cannot open " + f.path + ": " + ec.message());
    if (Status st = csv_ ? CheckCsvHeader(f) : CheckJsonl(f); !st.ok()) return st;
    auto whole = WholeRowsLength(f.path, csv_);
    if (!whole.ok()) return whole.status();
    if (*whole < size) {
      std::filesystem::resize_file(f.path, *whole, ec);
      if (ec) {
        return Status::Io("export: cannot cut the torn last row of " + f.path + ": " +
                          ec.message());
      }
    }
    f.exists = true;
  }
  return Status::Ok();
}

std::vector<std::string> FileExport::Files() const {
  std::vector<std::string> paths;
  for (const ObjectFile& f : files_) {
    if (f.exists) paths.push_back(f.path);
  }
  return paths;
}

Status FileExport::ChooseColumns(ObjectFile& f, const std::vector<Record>& records) {
  std::vector<std::string> columns;
  std::vector<bool> seen;
  for (const Record& record : records) {
    if (Status st = f.splitter.Split(record); !st.ok()) return st;
    for (const Field* field : f.splitter.others()) {
      const std::string& name = FieldName(field->id);
      // A value a typed column could not hold stays in the JSON column, under its name; so does
      // a field named like one of the last two columns.
      const bool typed = std::any_of(f.schema.typed.begin(), f.schema.typed.end(),
                                     [&](const ExportColumn& c) { return c.name == name; });
      if (typed || name == f.schema.extra || name == kExportedAtColumn) continue;
      if (field->id >= seen.size()) seen.resize(field->id + 1, false);
      if (seen[field->id]) continue;
      seen[field->id] = true;
      columns.push_back(name);
    }
  }
  SetColumns(f, std::move(columns));
  return Status::Ok();
}

void FileExport::AppendCsvRow(ObjectFile& f, const std::string& now) {
  std::string& out = page_;
  bool first = true;
  const auto separate = [&] {
    if (!first) out += ',';
    first = false;
  };
  const auto text_cell = [&](const Value& value) {
    if (value.kind() == Value::Kind::kList) {
      cell_.clear();
      AppendJsonValue(cell_, value);
      AppendCsvCell(out, cell_);
    } else {
      AppendCsvCell(out, value.view());
    }
  };
  for (const ExportCell& cell : f.splitter.cells()) {
    separate();
    switch (cell.kind) {
      case ExportCell::Kind::kNull:
        break;
      case ExportCell::Kind::kNumber:
        out += std::to_string(cell.number);
        break;
      case ExportCell::Kind::kText:
        AppendCsvCell(out, cell.text);
        break;
      case ExportCell::Kind::kList:
        text_cell(*cell.list);
        break;
    }
  }
  slots_.assign(f.columns.size(), nullptr);
  leftover_.clear();
  for (const Field* field : f.splitter.others()) {
    const std::int32_t column = field->id < f.column_of.size() ? f.column_of[field->id] : -1;
    if (column >= 0) {
      slots_[column] = &field->value;
    } else {
      leftover_.push_back(field);
    }
  }
  for (const Value* value : slots_) {
    separate();
    if (value != nullptr) text_cell(*value);
  }
  separate();
  cell_.clear();
  AppendJsonFields(cell_, leftover_);
  AppendCsvCell(out, cell_);
  out += ',';
  out += now;
  out += '\n';
}

void FileExport::AppendJsonlRow(ObjectFile& f, const std::string& now) {
  std::string& out = page_;
  const std::vector<ExportCell>& cells = f.splitter.cells();
  out += "{\"id\":";
  out += std::to_string(cells[0].number);
  for (std::size_t i = 1; i < cells.size(); ++i) {
    const ExportCell& cell = cells[i];
    if (cell.kind == ExportCell::Kind::kNull) continue;
    out += ',';
    AppendJsonString(out, f.schema.typed[i].name);
    out += ':';
    switch (cell.kind) {
      case ExportCell::Kind::kNull:
        break;
      case ExportCell::Kind::kNumber:
        if (f.schema.typed[i].type == ColumnType::kBoolean) {
          out += cell.number != 0 ? "true" : "false";
        } else {
          out += std::to_string(cell.number);
        }
        break;
      case ExportCell::Kind::kText:
        AppendJsonString(out, cell.text);
        break;
      case ExportCell::Kind::kList:
        AppendJsonValue(out, *cell.list);
        break;
    }
  }
  out += ',';
  AppendJsonString(out, f.schema.extra);
  out += ':';
  AppendJsonFields(out, f.splitter.others());
  out += ",\"exported_at\":";
  AppendJsonString(out, now);
  out += "}\n";
}

Status FileExport::Write(ExportObject object, const std::vector<Record>& records) {
  ObjectFile& f = files_[object == ExportObject::kProspects ? 0 : 1];
  page_.clear();
  if (csv_ && !f.exists) {
    if (Status st = ChooseColumns(f, records); !st.ok()) return st;
    std::vector<std::string_view> header;
    for (const ExportColumn& c : f.schema.typed) header.push_back(c.name);
    for (const std::string& c : f.columns) header.push_back(c);
    header.push_back(f.schema.extra);
    header.push_back(kExportedAtColumn);
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (i > 0) page_ += ',';
      AppendCsvCell(page_, header[i]);
    }
    page_ += '\n';
  }
  // The whole page is formatted before the file is touched: a record refused leaves it as it was.
  const std::string now = ExportTime();
  for (const Record& record : records) {
    if (Status st = f.splitter.Split(record); !st.ok()) return st;
    if (csv_) {
      AppendCsvRow(f, now);
    } else {
      AppendJsonlRow(f, now);
    }
  }
  if (!f.file) {
    f.file.reset(std::fopen(f.path.c_str(), "ab"));
    if (!f.file) return Status::Io("export: cannot open " + f.path + ": " + std::strerror(errno));
  }
  if (std::fwrite(page_.data(), 1, page_.size(), f.file.get()) != page_.size() ||
      std::fflush(f.file.get()) != 0) {
    return Status::Io("export: cannot write " + f.path + ": " + std::strerror(errno));
  }
  f.exists = true;
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<ExportTarget>> OpenFileExport(const std::string& path, bool csv) {
  auto target = std::make_unique<FileExport>(path, csv);
  if (Status st = target->Start(); !st.ok()) return st;
  return std::unique_ptr<ExportTarget>(std::move(target));
}

}  // namespace pdc
