// The concrete readers and writers behind OpenReader/OpenWriter, and what they share. Private to
// pipeline/: everything else goes through record_io.h.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/input_file.h"
#include "pipeline/record_io.h"

namespace pdc {

// The CSV reader checks the header at open: an empty or duplicate column name is an error.
Result<std::unique_ptr<RecordReader>> OpenCsvReader(const std::string& path, InputFile input,
                                                    char delimiter);
Result<std::unique_ptr<RecordReader>> OpenJsonlReader(const std::string& path, InputFile input);

// Writes the header at once (nothing for no columns).
Result<std::unique_ptr<RecordWriter>> OpenCsvWriter(const std::string& path,
                                                    const std::vector<FieldId>& columns,
                                                    char delimiter);
Result<std::unique_ptr<RecordWriter>> OpenJsonlWriter(const std::string& path);

// The start of a raw row for RejectedRow::excerpt: at most 200 bytes, cut on a character boundary,
// invalid UTF-8 repaired.
std::string Excerpt(std::string_view raw);

// Makes room for the next `max` records (bounded) without defeating the vector's geometric growth
// when a caller keeps appending to one vector.
void ReserveFor(std::vector<Record>& out, std::size_t max);

// Flags `field` as having had `repairs` ill-formed UTF-8 sequences replaced with U+FFFD.
void FlagRepairedUtf8(Record& record, FieldId field, std::size_t repairs);

}  // namespace pdc
