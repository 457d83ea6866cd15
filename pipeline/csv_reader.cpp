// CSV reader (RFC 4180, read leniently). The file is one span (mapped); rows are split into cell
// spans first and copied into Values only once the row is known to be well-formed, so the common
// cell costs one allocation and one memcpy.
//
// Lenient where exporters commonly stray: a quote inside an unquoted cell, and text after a closing
// quote, are kept literally; a lone CR is data, CRLF and LF end rows; blank lines are skipped.
//
// Recovery from an unbalanced quote, so that one stray quote cannot swallow the records after it:
// a row whose quote never closes is rejected at the line it started on and parsing resumes on the
// next physical line. So is a row with a quoted cell that spans lines and has text after its
// closing quote: that "closing" quote is almost always the opening quote of a later row's cell.
// A well-quoted multi-line cell in a row of the wrong width is rejected as one row; resuming inside
// it could turn the cell's later lines into made-up records.
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#include "pipeline/record_formats.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

class CsvReader final : public RecordReader {
 public:
  CsvReader(InputFile input, char delimiter)
      : input_(std::move(input)), data_(input_.data()), delimiter_(delimiter) {}

  // Reads the header row; an empty file has no columns and no rows.
  Status ReadHeader(const std::string& path);

  bool Next(std::vector<Record>& out, std::size_t max, std::vector<RejectedRow>& rejected) override;
  const std::vector<FieldId>& columns() const override { return columns_; }
  std::uint64_t repaired_values() const override { return repaired_values_; }
  double fraction_read() const override { return input_.fraction_consumed(); }

 private:
  enum class CellKind {
    kPlain,   // raw is the text
    kQuoted,  // raw is the text between the quotes (no doubled quotes, nothing after the close)
    kQuotedEscaped,  // raw runs from the opening quote to the cell's end and needs decoding
  };
  struct Cell {
    std::string_view raw;
    CellKind kind;
  };
  struct RowScan {
    bool terminated;                // false when a quoted cell ran to the end of the input
    std::size_t end;                // offset just past the row and its line end
    std::size_t content_end;        // offset of the row's line end (or of the input's end)
    std::uint64_t newlines;         // LFs consumed, the row's own line end included
    std::uint64_t quoted_newlines;  // LFs inside quoted cells
    // When a quoted cell spanning lines has text after its closing quote: how many lines after
    // the row's first that quote is. 0 otherwise.
    std::uint64_t suspect_close = 0;
  };

  // Splits the row starting at `pos` into cells_.
  RowScan ScanRow(std::size_t pos);
  // Offset of the first delimiter or line end at or after `pos`.
  std::size_t FindCellEnd(std::size_t pos) const;
  static std::string CellText(const Cell& cell);
  // Offset just past the physical line that contains `pos`.
  std::size_t NextLine(std::size_t pos) const;
  // The physical line starting at `pos`, without its line end.
  std::string_view LineAt(std::size_t pos) const;
  void BuildRecord(std::uint64_t line, std::string_view raw_row, std::vector<Record>& out);

  InputFile input_;
  std::string_view data_;
  const char delimiter_;
  std::size_t pos_ = 0;
  std::uint64_t line_ = 1;  // the physical line pos_ is on
  std::vector<FieldId> columns_;
  std::size_t id_column_ = SIZE_MAX;
  std::vector<Cell> cells_;
  std::uint64_t repaired_values_ = 0;
};

std::size_t CsvReader::FindCellEnd(std::size_t pos) const {
  const char* p = data_.data() + pos;
  const char* const end = data_.data() + data_.size();
  for (; p < end; ++p) {
    const char c = *p;
    if (c == delimiter_ || c == '\n') break;
    if (c == '\r' && (p + 1 == end || p[1] == '\n')) break;
  }
  return static_cast<std::size_t>(p - data_.data());
}

std::size_t CsvReader::NextLine(std::size_t pos) const {
  const std::size_t eol = data_.find('\n', pos);
  return eol == std::string_view::npos ? data_.size() : eol + 1;
}

std::string_view CsvReader::LineAt(std::size_t pos) const {
  std::string_view line = data_.substr(pos, NextLine(pos) - pos);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

CsvReader::RowScan CsvReader::ScanRow(std::size_t pos) {
  cells_.clear();
  RowScan scan{true, 0, 0, 0, 0, 0};
  const std::size_t size = data_.size();
  for (;;) {
    if (pos < size && data_[pos] == '"') {
      const std::size_t open = pos;
      const std::uint64_t newlines_before = scan.quoted_newlines;
      bool escaped = false;
      std::size_t close = open;
      for (std::size_t from = open + 1;;) {
        const void* q = std::memchr(data_.data() + from, '"', size - from);
        if (q == nullptr) {
          scan.terminated = false;
          return scan;
        }
        close = static_cast<std::size_t>(static_cast<const char*>(q) - data_.data());
        for (std::size_t i = from; i < close; ++i) scan.quoted_newlines += data_[i] == '\n';
        if (close + 1 < size && data_[close + 1] == '"') {
          escaped = true;
          from = close + 2;
          continue;
        }
        break;
      }
      pos = FindCellEnd(close + 1);
      if (pos != close + 1 && scan.quoted_newlines > newlines_before && scan.suspect_close == 0) {
        scan.suspect_close = scan.quoted_newlines;
      }
      if (escaped || pos != close + 1) {
        cells_.push_back({data_.substr(open, pos - open), CellKind::kQuotedEscaped});
      } else {
        cells_.push_back({data_.substr(open + 1, close - open - 1), CellKind::kQuoted});
      }
    } else {
      const std::size_t end = FindCellEnd(pos);
      cells_.push_back({data_.substr(pos, end - pos), CellKind::kPlain});
      pos = end;
    }
    if (pos < size && data_[pos] == delimiter_) {
      ++pos;
      continue;
    }
    scan.content_end = pos;
    if (pos < size && data_[pos] == '\r') ++pos;
    if (pos < size && data_[pos] == '\n') {
      ++pos;
      ++scan.newlines;
    }
    scan.end = pos;
    scan.newlines += scan.quoted_newlines;
    return scan;
  }
}

std::string CsvReader::CellText(const Cell& cell) {
  if (cell.kind != CellKind::kQuotedEscaped) return std::string(cell.raw);
  // Mirrors ScanRow: doubled quotes are one quote until the closing quote; after it, literal text.
  const std::string_view raw = cell.raw;
  std::string text;
  text.reserve(raw.size());
  std::size_t from = 1;
  for (;;) {
    const std::size_t q = raw.find('"', from);
    text.append(raw, from, q - from);
    if (q + 1 < raw.size() && raw[q + 1] == '"') {
      text += '"';
      from = q + 2;
      continue;
    }
    text.append(raw, q + 1);
    return text;
  }
}

Status CsvReader::ReadHeader(const std::string& path) {
  if (data_.starts_with(kBom)) pos_ = kBom.size();
  if (pos_ == data_.size()) return Status::Ok();
  const RowScan scan = ScanRow(pos_);
  if (!scan.terminated) {
    return Status::Parse(path + " line 1: the header has an unterminated quoted field");
  }
  columns_.reserve(cells_.size());
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    const std::string name = CellText(cells_[i]);
    const std::string where = path + " line 1, column " + std::to_string(i + 1);
    if (name.empty()) return Status::Parse(where + ": the column has no name");
    if (!utf8::IsValid(name)) return Status::Parse(where + ": the column name is not valid UTF-8");
    const FieldId field = InternField(name);
    for (std::size_t j = 0; j < columns_.size(); ++j) {
      if (columns_[j] == field) {
        return Status::Parse(where + ": column \"" + name + "\" repeats column " +
                             std::to_string(j + 1));
      }
    }
    if (field == IdField()) id_column_ = i;
    columns_.push_back(field);
  }
  pos_ = scan.end;
  line_ += scan.newlines;
  cells_.reserve(columns_.size() + 1);
  return Status::Ok();
}

void CsvReader::BuildRecord(std::uint64_t line, std::string_view raw_row,
                            std::vector<Record>& out) {
  Record& record = out.emplace_back(line);
  record.Reserve(cells_.size());
  const bool ascii = utf8::IsAscii(raw_row);  // most rows: no per-cell validation at all
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    std::string text = CellText(cells_[i]);
    if (!ascii) {
      const std::size_t repairs = utf8::Repair(text);
      if (repairs > 0) {
        ++repaired_values_;
        FlagRepairedUtf8(record, columns_[i], repairs);
      }
    }
    if (i == id_column_) record.set_id(text);
    record.LoadNew(columns_[i], Value::Text(std::move(text)));  // header names are unique
  }
}

bool CsvReader::Next(std::vector<Record>& out, std::size_t max,
                     std::vector<RejectedRow>& rejected) {
  if (max == 0) return pos_ < data_.size();
  const std::size_t records_before = out.size();
  const std::size_t rejected_before = rejected.size();
  ReserveFor(out, max);
  while (out.size() - records_before < max && pos_ < data_.size()) {
    const std::size_t start = pos_;
    const std::uint64_t line = line_;
    if (data_[start] == '\n' || data_.substr(start, 2) == "\r\n") {  // blank line
      pos_ = NextLine(start);
      ++line_;
      continue;
    }
    const RowScan scan = ScanRow(start);
    if (!scan.terminated) {
      rejected.push_back({line, "unterminated quoted field", Excerpt(LineAt(start))});
      pos_ = NextLine(start);
      line_ = line + 1;
      continue;
    }
    const std::string_view raw_row = data_.substr(start, scan.content_end - start);
    const bool width_ok = cells_.size() == columns_.size();
    if (!width_ok || scan.suspect_close > 0) {
      std::string reason;
      if (!width_ok) {
        reason = "expected " + std::to_string(columns_.size()) + " fields, found " +
                 std::to_string(cells_.size());
      }
      if (scan.suspect_close > 0) {
        if (!reason.empty()) reason += "; ";
        reason += "unbalanced quote: a quoted field runs to line " +
                  std::to_string(line + scan.suspect_close) +
                  " and has text after its closing quote";
        rejected.push_back({line, std::move(reason), Excerpt(LineAt(start))});
        pos_ = NextLine(start);  // the rows it swallowed are read on their own
        line_ = line + 1;
      } else {
        rejected.push_back({line, std::move(reason), Excerpt(raw_row)});
        pos_ = scan.end;
        line_ = line + scan.newlines;
      }
      continue;
    }
    BuildRecord(line, raw_row, out);
    pos_ = scan.end;
    line_ = line + scan.newlines;
  }
  input_.Consumed(pos_);
  return out.size() > records_before || rejected.size() > rejected_before;
}

}  // namespace

Result<std::unique_ptr<RecordReader>> OpenCsvReader(const std::string& path, InputFile input,
                                                    char delimiter) {
  if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
    return Status::InvalidArgument("a CSV delimiter cannot be a quote or a line end");
  }
  auto reader = std::make_unique<CsvReader>(std::move(input), delimiter);
  Status header = reader->ReadHeader(path);
  if (!header.ok()) return header;
  return std::unique_ptr<RecordReader>(std::move(reader));
}

}  // namespace pdc
