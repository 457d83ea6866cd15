// Reading and writing prospect files: CSV (RFC 4180) and JSON Lines.
// A reader turns a file into Records in source order; rows it cannot parse are returned as
// RejectedRow with their line number, and reading goes on. Invalid UTF-8 is repaired (U+FFFD) and
// flagged on the record ("input.invalid_utf8"), never passed on silently.
// Readers and writers are used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rules/record.h"
#include "rules/status.h"

namespace pdc {

enum class FileFormat { kCsv, kJsonl };

// The format a path names by its extension (.csv, .jsonl, .ndjson); an error for anything else.
Result<FileFormat> FormatOfPath(const std::string& path);
// The configured format ("csv", "jsonl"), else the one of the path.
Result<FileFormat> FormatOf(const std::string& path, const std::string& configured);

struct RejectedRow {
  std::uint64_t line;   // 1-based physical line where the row starts
  std::string reason;   // e.g. "unterminated quoted field"
  std::string excerpt;  // the start of the raw row, at most 200 bytes, UTF-8 repaired
};

struct ReaderOptions {
  char delimiter = ',';  // CSV only
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Appends up to `max` records to `out` and any rows it had to reject to `rejected`.
  // Returns false once the input is exhausted (nothing more was appended).
  virtual bool Next(std::vector<Record>& out, std::size_t max,
                    std::vector<RejectedRow>& rejected) = 0;
  // The fields in the order the source names them (CSV: the header; JSONL: first-seen order).
  virtual const std::vector<FieldId>& columns() const = 0;
  // How many field values had invalid UTF-8 repaired so far.
  virtual std::uint64_t repaired_values() const = 0;
  // The share of the input read so far, 0 to 1, for progress; safe to call from another thread
  // while Next runs.
  virtual double fraction_read() const = 0;
};

Result<std::unique_ptr<RecordReader>> OpenReader(const std::string& path, FileFormat format,
                                                 const ReaderOptions& options = {});

// Every field the file's records use, in first-seen order: the CSV header, or for JSON Lines a
// pass over the whole file (what a CSV output of JSON Lines input needs before its first row).
Result<std::vector<FieldId>> ScanColumns(const std::string& path, FileFormat format,
                                         const ReaderOptions& options = {});

class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  virtual Status Write(const Record& record) = 0;
  // Flushes and closes; the file is complete only once Close returned ok.
  virtual Status Close() = 0;
};

// Appends one CSV cell, quoted as RFC 4180 requires (and when it starts or ends with a space).
void AppendCsvCell(std::string& out, std::string_view text, char delimiter = ',');

// `columns` is the CSV header (fields a record lacks are written empty); JSON Lines writes each
// record's own fields in order and ignores it.
Result<std::unique_ptr<RecordWriter>> OpenWriter(const std::string& path, FileFormat format,
                                                 const std::vector<FieldId>& columns,
                                                 char delimiter = ',');

}  // namespace pdc
