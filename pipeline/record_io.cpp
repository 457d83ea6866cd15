#include "pipeline/record_io.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "pipeline/record_formats.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr std::size_t kExcerptBytes = 200;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Result<FileFormat> FormatOf(const std::string& path, const std::string& configured) {
  if (configured == "csv") return FileFormat::kCsv;
  if (configured == "jsonl") return FileFormat::kJsonl;
  return FormatOfPath(path);
}

Result<FileFormat> FormatOfPath(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (EndsWith(lower, ".csv")) return FileFormat::kCsv;
  if (EndsWith(lower, ".jsonl") || EndsWith(lower, ".ndjson")) return FileFormat::kJsonl;
  return Status::InvalidArgument("cannot tell the format of " + path +
                                 " from its name: expected .csv, .jsonl or .ndjson");
}

Result<std::unique_ptr<RecordReader>> OpenReader(const std::string& path, FileFormat format,
                                                 const ReaderOptions& options) {
  Result<InputFile> input = InputFile::Open(path);
  if (!input.ok()) return input.status();
  switch (format) {
    case FileFormat::kCsv:
      return OpenCsvReader(path, std::move(*input), options.delimiter);
    case FileFormat::kJsonl:
      return OpenJsonlReader(path, std::move(*input));
  }
  return Status::Internal("unknown file format");
}

Result<std::unique_ptr<RecordWriter>> OpenWriter(const std::string& path, FileFormat format,
                                                 const std::vector<FieldId>& columns,
                                                 char delimiter) {
  switch (format) {
    case FileFormat::kCsv:
      return OpenCsvWriter(path, columns, delimiter);
    case FileFormat::kJsonl:
      return OpenJsonlWriter(path);
  }
  return Status::Internal("unknown file format");
}

std::string Excerpt(std::string_view raw) {
  std::size_t cut = std::min(raw.size(), kExcerptBytes);
  if (cut < raw.size()) {
    // Back off over continuation bytes so a character is not split (which would read as damage).
    std::size_t back = cut;
    while (back > 0 && (static_cast<unsigned char>(raw[back]) & 0xC0) == 0x80 && cut - back < 3) {
      --back;
    }
    if ((static_cast<unsigned char>(raw[back]) & 0xC0) != 0x80) cut = back;
  }
  std::string out(raw.substr(0, cut));
  utf8::Repair(out);
  return out;
}

void ReserveFor(std::vector<Record>& out, std::size_t max) {
  const std::size_t wanted = out.size() + std::min<std::size_t>(max, 4096);
  if (wanted > out.capacity()) out.reserve(std::max(wanted, 2 * out.capacity()));
}

void FlagRepairedUtf8(Record& record, FieldId field, std::size_t repairs) {
  std::string message =
      "invalid UTF-8 in the source: " + std::to_string(repairs) +
      (repairs == 1 ? " ill-formed byte sequence" : " ill-formed byte sequences") +
      " replaced with U+FFFD";
  record.AddFlag(field, kNoRule, "input.invalid_utf8", std::move(message));
}

}  // namespace pdc

namespace pdc {

Result<std::vector<FieldId>> ScanColumns(const std::string& path, FileFormat format,
                                         const ReaderOptions& options) {
  auto reader = OpenReader(path, format, options);
  if (!reader.ok()) return reader.status();
  if (format == FileFormat::kJsonl) {
    std::vector<Record> records;
    std::vector<RejectedRow> rejected;
    while ((*reader)->Next(records, 4096, rejected)) {
      records.clear();
      rejected.clear();
    }
  }
  return (*reader)->columns();
}

}  // namespace pdc
