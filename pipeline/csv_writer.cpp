// CSV writer: RFC 4180 with LF line ends and minimal quoting, so that a clean file read and
// written again comes out byte for byte the same.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>

#include "pipeline/output_file.h"
#include "pipeline/record_formats.h"

namespace pdc {
namespace {

class CsvWriter final : public RecordWriter {
 public:
  CsvWriter(std::unique_ptr<OutputFile> file, std::vector<FieldId> columns, char delimiter)
      : file_(std::move(file)), columns_(std::move(columns)), delimiter_(delimiter) {}

  // Maps fields to columns and writes the header. The columns are distinct (CheckOptions).
  Status Start();
  Status Write(const Record& record) override;
  Status Close() override;

 private:
  void AppendCell(std::string_view text) { AppendCsvCell(file_->buffer(), text, delimiter_); }

  std::unique_ptr<OutputFile> file_;
  const std::vector<FieldId> columns_;
  const char delimiter_;
  std::vector<std::uint32_t> column_of_;  // by FieldId: its column + 1, or 0 when not a column
  std::vector<const Value*> row_;
  bool closed_ = false;
};

}  // namespace

// Quoted: whatever a reader would otherwise split or trim (delimiter, quote, line ends, and
// leading or trailing spaces, which some readers drop).
void AppendCsvCell(std::string& out, std::string_view text, char delimiter) {
  const char special[] = {delimiter, '"', '\n', '\r'};
  const bool quote =
      !text.empty() && (text.front() == ' ' || text.back() == ' ' ||
                        text.find_first_of(std::string_view(special, 4)) != std::string_view::npos);
  if (!quote) {
    out.append(text);
    return;
  }
  out += '"';
  for (std::size_t from = 0;;) {
    const std::size_t at = text.find('"', from);
    if (at == std::string_view::npos) {
      out.append(text.substr(from));
      break;
    }
    out.append(text.substr(from, at + 1 - from));
    out += '"';
    from = at + 1;
  }
  out += '"';
}

namespace {

Status CsvWriter::Start() {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const FieldId field = columns_[i];
    if (field >= column_of_.size()) column_of_.resize(field + 1, 0);
    column_of_[field] = static_cast<std::uint32_t>(i + 1);
  }
  row_.resize(columns_.size());
  if (columns_.empty()) return Status::Ok();
  std::string& out = file_->buffer();
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) out += delimiter_;
    AppendCell(FieldName(columns_[i]));
  }
  out += '\n';
  return file_->MaybeFlush();
}

Status CsvWriter::Write(const Record& record) {
  if (closed_) return Status::Internal("CSV record written after Close");
  std::fill(row_.begin(), row_.end(), nullptr);
  for (const Field& field : record.fields()) {
    const std::uint32_t column = field.id < column_of_.size() ? column_of_[field.id] : 0;
    if (column == 0) {
      // Dropping it would lose data without a word; the caller chose the columns.
      return Status::InvalidField(FieldName(field.id), "record " + record.label() +
                                                           " has this field but the output has "
                                                           "no such column");
    }
    row_[column - 1] = &field.value;
  }
  std::string& out = file_->buffer();
  for (std::size_t i = 0; i < row_.size(); ++i) {
    if (i > 0) out += delimiter_;
    const Value* value = row_[i];
    if (value == nullptr) continue;
    switch (value->kind()) {
      case Value::Kind::kNull:
        break;
      case Value::Kind::kText:
      case Value::Kind::kJson:
        AppendCell(value->view());
        break;
      case Value::Kind::kList:
        AppendCell(value->text());
        break;
    }
  }
  // A lone empty cell would be a blank line, which readers skip; "" keeps the row.
  if (row_.size() == 1 && (row_[0] == nullptr || row_[0]->text().empty())) out += "\"\"";
  out += '\n';
  return file_->MaybeFlush();
}

Status CsvWriter::Close() {
  closed_ = true;
  return file_->Close();
}

// Caller mistakes, found before the output file is created or truncated.
Status CheckOptions(const std::vector<FieldId>& columns, char delimiter) {
  if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
    return Status::InvalidArgument("a CSV delimiter cannot be a quote or a line end");
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (columns[j] == columns[i]) {
        return Status::InvalidArgument("output column \"" + FieldName(columns[i]) +
                                       "\" is listed twice");
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<RecordWriter>> OpenCsvWriter(const std::string& path,
                                                    const std::vector<FieldId>& columns,
                                                    char delimiter) {
  Status options = CheckOptions(columns, delimiter);
  if (!options.ok()) return options;
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path);
  if (!file.ok()) return file.status();
  auto writer = std::make_unique<CsvWriter>(std::move(*file), columns, delimiter);
  Status started = writer->Start();
  if (!started.ok()) return started;
  return std::unique_ptr<RecordWriter>(std::move(writer));
}

}  // namespace pdc
