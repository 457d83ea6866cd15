// The CSV report: one row per field change (id, field, before, after, rule), streamed. Cells are
// neutralised against spreadsheet formula injection.
#include <cstdio>

#include "pipeline/report.h"
#include "pipeline/spool.h"

namespace pdc {
namespace {

void AppendCell(std::string& out, std::string_view raw) { AppendCsvCell(out, NeutraliseCell(raw)); }

class CsvReport final : public ReportWriter {
 public:
  CsvReport(std::unique_ptr<AtomicFile> file, RunInfo info)
      : file_(std::move(file)), info_(std::move(info)) {
    buffer_ = "id,field,before,after,rule\n";
  }

  void Change(const Record& record, FieldId field, std::span<const RuleIndex> rules) override {
    AppendCell(buffer_, record.label());
    buffer_ += ',';
    AppendCell(buffer_, FieldName(field));
    buffer_ += ',';
    AppendCell(buffer_, record.Original(field).text());
    buffer_ += ',';
    AppendCell(buffer_, record.Get(field).text());
    buffer_ += ',';
    std::string labels;
    for (RuleIndex r : rules) {
      if (!labels.empty()) labels += '+';
      labels += r < info_.rules.size() ? info_.rules[r].label : "?";
    }
    AppendCell(buffer_, labels);
    buffer_ += '\n';
    if (buffer_.size() > (1 << 20)) Flush();
  }
  void Flagged(const Record&, const Flag&) override {}
  void Rejected(const RejectedRow&) override {}
  void Failed(const Record&) override {}
  void RejectedByPardot(const std::string&, const std::string&) override {}

  Status Finish(const RunSummary&) override {
    Flush();
    return file_->Commit();
  }

 private:
  void Flush() {
    std::fwrite(buffer_.data(), 1, buffer_.size(), file_->get());
    buffer_.clear();
  }
  std::unique_ptr<AtomicFile> file_;
  RunInfo info_;
  std::string buffer_;
};

}  // namespace

std::string NeutraliseCell(std::string_view cell) {
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r')) {
    std::string safe;
    safe.reserve(cell.size() + 1);
    safe += '\'';
    safe += cell;
    return safe;
  }
  return std::string(cell);
}

Result<std::unique_ptr<ReportWriter>> OpenCsvReport(const std::string& path, const RunInfo& info) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  return std::unique_ptr<ReportWriter>(new CsvReport(std::move(*file), info));
}

Result<std::unique_ptr<ReportWriter>> OpenReport(const std::string& path, const RunInfo& info) {
  auto ends_with = [&](std::string_view ext) {
    return path.size() >= ext.size() &&
           path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends_with(".json")) return OpenJsonReport(path, info);
  if (ends_with(".csv")) return OpenCsvReport(path, info);
  if (ends_with(".html")) return OpenHtmlReport(path, info);
  return Status::InvalidArgument("report " + path + ": the extension must be .json, .csv or .html");
}

}  // namespace pdc
