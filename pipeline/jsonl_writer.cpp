// JSON Lines writer: one object per record, its fields in record order.
#include <string_view>
#include <utility>

#include "pipeline/json_text.h"
#include "pipeline/output_file.h"
#include "pipeline/record_formats.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

// Appends `text` as a JSON string. False, and nothing appended, when `text` is not valid UTF-8:
// such bytes cannot be written as JSON text, and the readers never produce them.
bool AppendCheckedString(std::string& out, std::string_view text) {
  if (!utf8::IsValid(text)) return false;
  AppendJsonString(out, text);
  return true;
}

// A JSON literal goes out as it came in. Line ends inside it can only be whitespace (JSON strings
// cannot hold raw ones), and would split the record across lines, so they become spaces.
void AppendJsonLiteral(std::string& out, std::string_view literal) {
  if (literal.empty()) {
    out += "null";
    return;
  }
  const std::size_t start = out.size();
  out.append(literal);
  if (literal.find_first_of("\r\n") == std::string_view::npos) return;
  for (std::size_t i = start; i < out.size(); ++i) {
    if (out[i] == '\r' || out[i] == '\n') out[i] = ' ';
  }
}

class JsonlWriter final : public RecordWriter {
 public:
  explicit JsonlWriter(std::unique_ptr<OutputFile> file) : file_(std::move(file)) {}

  Status Write(const Record& record) override;
  Status Close() override {
    closed_ = true;
    return file_->Close();
  }

 private:
  std::unique_ptr<OutputFile> file_;
  bool closed_ = false;
};

Status JsonlWriter::Write(const Record& record) {
  if (closed_) return Status::Internal("JSON Lines record written after Close");
  std::string& out = file_->buffer();
  const std::size_t start = out.size();
  auto invalid = [&](FieldId field) {
    out.resize(start);  // no half-written record
    return Status::InvalidField(FieldName(field),
                                "record " + record.label() + " holds text that is not valid UTF-8");
  };
  out += '{';
  bool first = true;
  for (const Field& field : record.fields()) {
    if (!first) out += ',';
    first = false;
    if (!AppendCheckedString(out, FieldName(field.id))) return invalid(field.id);
    out += ':';
    const Value& value = field.value;
    switch (value.kind()) {
      case Value::Kind::kNull:
        out += "null";
        break;
      case Value::Kind::kText:
        if (!AppendCheckedString(out, value.view())) return invalid(field.id);
        break;
      case Value::Kind::kList: {
        out += '[';
        bool first_item = true;
        for (const std::string& item : value.items()) {
          if (!first_item) out += ',';
          first_item = false;
          if (!AppendCheckedString(out, item)) return invalid(field.id);
        }
        out += ']';
        break;
      }
      case Value::Kind::kJson:
        AppendJsonLiteral(out, value.view());
        break;
    }
  }
  out += "}\n";
  return file_->MaybeFlush();
}

}  // namespace

Result<std::unique_ptr<RecordWriter>> OpenJsonlWriter(const std::string& path) {
  Result<std::unique_ptr<OutputFile>> file = OutputFile::Create(path);
  if (!file.ok()) return file.status();
  return std::unique_ptr<RecordWriter>(std::make_unique<JsonlWriter>(std::move(*file)));
}

}  // namespace pdc
