// The HTML report: one self-contained page for people to read before they approve a change.
// Summary, changes per rule, fill rate per field before and after, dedupe clusters, skipped
// blocks, API usage, rejected records, and a searchable table of every change. The changes are
// embedded as JSON and paged by the page's own script, so the page stays usable at 100,000
// changes; they are spooled while the run goes, like the JSON report's. Every value is escaped
// (HTML text, or script-safe JSON), and a Content-Security-Policy forbids loading anything.
#include "pipeline/report_html.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "pipeline/html_text.h"
#include "pipeline/report.h"
#include "pipeline/spool.h"

namespace pdc {
namespace {

using html::Bar;
using html::Cell;
using html::Header;
using html::NumberCell;
using html::Percent;
using html::Term;
using html::ValueCell;

class HtmlReport final : public ReportWriter {
 public:
  HtmlReport(std::unique_ptr<AtomicFile> file, RunInfo info)
      : file_(std::move(file)), info_(std::move(info)) {}

  void Seen(const Record& record) override {
    ++records_seen_;
    for (const Field& field : record.fields()) {
      if (field.id >= filled_.size()) filled_.resize(field.id + 1);
      Filled& counts = filled_[field.id];
      if (!counts.present) {
        counts.present = true;
        field_order_.push_back(field.id);
      }
      const bool after = !field.value.empty();
      counts.after += after;
      counts.before += record.has_log() ? !record.Original(field.id).empty() : after;
    }
  }

  void Change(const Record& record, FieldId field, std::span<const RuleIndex> rules) override {
    std::string& out = changes_.buffer();
    out += changes_.empty() ? "\n[" : ",\n[";
    AppendScriptJsonString(out, record.label());
    out += ',';
    AppendScriptJsonString(out, FieldName(field));
    for (const Value* value : {&record.Original(field), &record.Get(field)}) {
      out += ',';
      if (value->is_null()) {
        out += "null";
      } else {
        AppendScriptJsonString(out, value->text());
      }
    }
    out += ',';
    AppendScriptJsonString(out, RuleLabels(rules));
    out += ']';
    changes_.MaybeFlush();
  }

  void Flagged(const Record&, const Flag& flag) override { ++flags_[flag.code]; }

  void Rejected(const RejectedRow& row) override {
    Problem("input", "line " + std::to_string(row.line), row.reason, row.excerpt);
  }
  void RejectedByPardot(const std::string& prospect_id, const std::string& reason) override {
    Problem("Pardot", prospect_id, reason, "");
  }
  void Failed(const Record& record) override {
    Problem("rule failed", record.label(), record.log()->failure, "");
  }

  void Cluster(const ClusterReport& c) override {
    std::string& out = clusters_.buffer();
    out += "<details><summary>";
    AppendHtmlText(
        out, c.id + " \u2014 " + c.action + ", " + std::to_string(c.members.size()) + " members");
    if (!c.survivor.empty()) AppendHtmlText(out, ", survivor " + c.survivor);
    out += "</summary>\n<dl class=\"summary\">";
    Term(out, "members", Join(c.members, ", "));
    if (c.survivor.empty()) {
      Term(out, "review", c.review_reason);
    } else {
      Term(out, "survivor", c.survivor);
      Term(out, "chosen by", c.decided_by);
      Term(out, "losers", Join(c.losers, ", ") + " (" + c.loser_action + ")");
    }
    for (const auto& pair : c.pairs) {
      Term(out, "matched",
           pair.a + " \u2194 " + pair.b + " by " + pair.group + " (" + Join(pair.passes, ", ") +
               ")");
    }
    out += "</dl>\n";
    if (!c.values.empty()) {
      out += "<table>";
      Header(out, {"field", "surviving value", "from", "field rule", "survivor changes"});
      for (const auto& v : c.values) {
        out += "<tr>";
        Cell(out, v.field);
        ValueCell(out, v.value);
        Cell(out, v.from);
        Cell(out, v.rule);
        Cell(out, v.changed ? "yes" : "no");
        out += "</tr>\n";
      }
      out += "</table>";
    }
    out += "</details>\n";
    clusters_.MaybeFlush();
  }

  void Dedupe(const DedupeTotals& totals) override { dedupe_ = totals; }

  Status Finish(const RunSummary& s) override {
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        "<meta name=\"viewport\" content=\"width=device-width\">\n<title>";
    AppendHtmlText(page, "pardot-clean report " + info_.run_id);
    page += "</title>\n<style>";
    page += html::kStyle;
    page += "</style></head>\n<body>\n<h1>";
    AppendHtmlText(page, "pardot-clean " + info_.mode + " " + info_.run_id);
    page +=
        "</h1>\n<nav><a href=\"#summary\">Summary</a> \u00b7 <a href=\"#rules\">Rules</a> \u00b7 "
        "<a href=\"#fill\">Fill rates</a> \u00b7 ";
    if (dedupe_) page += "<a href=\"#duplicates\">Duplicates</a> \u00b7 ";
    page +=
        "<a href=\"#api\">API usage</a> \u00b7 <a href=\"#rejected\">Rejected</a> \u00b7 "
        "<a href=\"#changes-section\">Changes</a></nav>\n";
    html::AppendSummary(page, info_, s);
    html::AppendRules(page, info_, s);
    AppendFillRates(page);
    AppendFlags(page);
    std::FILE* out = file_->get();
    // fwrite, not fputs: a value may hold a NUL byte.
    auto flush = [&page, out] {
      std::fwrite(page.data(), 1, page.size(), out);
      page.clear();
    };
    if (dedupe_) {
      html::AppendDedupe(page, *dedupe_);
      flush();
      if (clusters_.empty()) {
        page += "<p class=\"muted\">No clusters.</p>\n";
      } else if (Status st = clusters_.CopyTo(out); !st.ok()) {
        return st;
      }
    }
    html::AppendApi(page, s);
    page += "<h2 id=\"rejected\">Rejected and failed records (" + std::to_string(problems_count_) +
            ")</h2>\n";
    if (problems_count_ == 0) {
      page += "<p class=\"muted\">None.</p>\n";
    } else {
      page += "<table>";
      Header(page, {"kind", "where", "reason", "excerpt"});
      flush();
      if (Status st = problems_.CopyTo(out); !st.ok()) return st;
      page += "</table>\n";
    }
    page += "<h2 id=\"changes-section\">Changes (" + std::to_string(s.field_changes) +
            ")</h2>\n<div id=\"changes-controls\"><input id=\"changes-search\" type=\"search\" "
            "placeholder=\"Search id, field, values, rule\" aria-label=\"Search changes\">"
            "<button id=\"changes-prev\" type=\"button\">Previous</button>"
            "<button id=\"changes-next\" type=\"button\">Next</button>"
            "<span id=\"changes-status\">The change table needs JavaScript.</span></div>\n"
            "<table id=\"changes-table\"><thead>";
    Header(page, {"id", "field", "before", "after", "rule"});
    page +=
        "</thead><tbody id=\"changes-body\"></tbody></table>\n"
        "<script type=\"application/json\" id=\"changes\">[";
    flush();
    if (Status st = changes_.CopyTo(out); !st.ok()) return st;
    std::fputs("]</script>\n<script>", out);
    std::fwrite(html::kScript.data(), 1, html::kScript.size(), out);
    std::fputs("</script>\n</body></html>\n", out);
    return file_->Commit();
  }

 private:
  struct Filled {
    bool present = false;
    std::uint64_t before = 0, after = 0;  // records with the field non-empty
  };

  static std::string Join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
      if (!out.empty()) out += separator;
      out += item;
    }
    return out;
  }
  std::string_view Label(RuleIndex rule) const {
    return rule < info_.rules.size() ? std::string_view(info_.rules[rule].label) : "?";
  }
  std::string RuleLabels(std::span<const RuleIndex> rules) const {
    std::string labels;
    for (RuleIndex r : rules) {
      if (!labels.empty()) labels += '+';
      labels += Label(r);
    }
    return labels.empty() ? "?" : labels;
  }

  void Problem(std::string_view kind, const std::string& where, const std::string& reason,
               const std::string& excerpt) {
    ++problems_count_;
    std::string& out = problems_.buffer();
    out += "<tr>";
    Cell(out, kind);
    Cell(out, where);
    Cell(out, reason);
    Cell(out, excerpt, "v");
    out += "</tr>\n";
    problems_.MaybeFlush();
  }

  void AppendFillRates(std::string& out) const {
    out += "<h2 id=\"fill\">Fill rate per field</h2>\n";
    if (records_seen_ == 0) {
      // An undo run reads no prospects: it restores the before-images of its journal.
      out += "<p class=\"muted\">No prospects were read.</p>\n";
      return;
    }
    out += "<p class=\"muted\">Records with a non-empty value, of " +
           std::to_string(records_seen_) +
           ", before the run (grey) and after it (blue).</p>\n<table>";
    Header(out, {"field", "before", "after", "change"});
    std::vector<Bar> bars;
    const double records = static_cast<double>(records_seen_);
    for (FieldId id : field_order_) {
      const Filled& f = filled_[id];
      out += "<tr>";
      Cell(out, FieldName(id));
      Cell(out, std::to_string(f.before) + " (" + Percent(f.before, records) + ")");
      Cell(out, std::to_string(f.after) + " (" + Percent(f.after, records) + ")");
      const long long delta = static_cast<long long>(f.after) - static_cast<long long>(f.before);
      Cell(out, (delta > 0 ? "+" : "") + std::to_string(delta));
      out += "</tr>\n";
      Bar bar;
      bar.label = FieldName(id);
      bar.values[0] = static_cast<double>(f.before);
      bar.values[1] = static_cast<double>(f.after);
      bar.notes[0] = Percent(f.before, records);
      bar.notes[1] = Percent(f.after, records);
      bars.push_back(std::move(bar));
    }
    out += "</table>\n";
    html::AppendBarChart(out, bars, 2, records, "Fill rate per field, before and after");
  }

  void AppendFlags(std::string& out) const {
    if (flags_.empty()) return;
    out += "<h2>Flags raised</h2>\n<table>";
    Header(out, {"code", "flags"});
    for (const auto& [code, count] : flags_) {
      out += "<tr>";
      Cell(out, code);
      NumberCell(out, count);
      out += "</tr>\n";
    }
    out += "</table>\n";
  }

  std::unique_ptr<AtomicFile> file_;
  RunInfo info_;
  Spool changes_, clusters_, problems_;
  std::uint64_t problems_count_ = 0;
  std::map<std::string, std::uint64_t> flags_;  // flags raised, by code
  std::optional<DedupeTotals> dedupe_;
  std::uint64_t records_seen_ = 0;
  std::vector<Filled> filled_;        // by FieldId
  std::vector<FieldId> field_order_;  // the fields seen, in the order first seen
};

}  // namespace

Result<std::unique_ptr<ReportWriter>> OpenHtmlReport(const std::string& path, const RunInfo& info) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  return std::unique_ptr<ReportWriter>(new HtmlReport(std::move(*file), info));
}

}  // namespace pdc
