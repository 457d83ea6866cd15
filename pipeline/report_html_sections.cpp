// The HTML report's sections drawn from the run's totals, and the pieces they are built from.
#include <algorithm>
#include <cstdio>

#include "pipeline/html_text.h"
#include "pipeline/report_html.h"

namespace pdc::html {

void Cell(std::string& out, std::string_view text, std::string_view cls) {
  out += cls.empty() ? "<td>" : "<td class=\"" + std::string(cls) + "\">";
  AppendHtmlText(out, text);
  out += "</td>";
}
void NumberCell(std::string& out, std::uint64_t n) {
  out += "<td class=\"n\">" + std::to_string(n) + "</td>";
}
void ValueCell(std::string& out, const Value& value) {
  if (value.is_null()) {
    out += "<td class=\"v\"><span class=\"null\">(empty)</span></td>";
  } else {
    Cell(out, value.text(), "v");
  }
}
void Header(std::string& out, std::initializer_list<std::string_view> names) {
  out += "<tr>";
  for (std::string_view name : names) out += "<th>" + std::string(name) + "</th>";
  out += "</tr>\n";
}
void Term(std::string& out, std::string_view term, std::string_view text) {
  out += "<dt>" + std::string(term) + "</dt><dd>";
  AppendHtmlText(out, text);
  out += "</dd>\n";
}
std::string Percent(double part, double whole) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", whole > 0 ? 100.0 * part / whole : 0.0);
  return text;
}

void AppendBarChart(std::string& out, const std::vector<Bar>& bars, int series, double max,
                    std::string_view caption) {
  static constexpr const char* kColours[] = {"#9aa3b5", "#2f6fd6"};
  constexpr int kLabelWidth = 240, kBarWidth = 560, kBarHeight = 12;
  const int row = series * kBarHeight + 8;
  const int height = static_cast<int>(bars.size()) * row + 4;
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
         std::to_string(kLabelWidth + kBarWidth + 90) + "\" height=\"" + std::to_string(height) +
         "\"><title>";
  AppendHtmlText(out, caption);
  out += "</title>";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const int y = static_cast<int>(i) * row + 2;
    out += "<text x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" +
           std::to_string(y + row / 2 + 2) + "\" text-anchor=\"end\">";
    AppendHtmlText(out, bars[i].label);
    out += "</text>";
    for (int s = 0; s < series; ++s) {
      const double fraction = max > 0 ? std::clamp(bars[i].values[s] / max, 0.0, 1.0) : 0.0;
      const int width = static_cast<int>(fraction * kBarWidth);
      const int by = y + s * kBarHeight;
      out += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(by) +
             "\" width=\"" + std::to_string(width) + "\" height=\"" +
             std::to_string(kBarHeight - 2) + "\" fill=\"" + kColours[series == 1 ? 1 : s] +
             "\"/><text x=\"" + std::to_string(kLabelWidth + width + 4) + "\" y=\"" +
             std::to_string(by + kBarHeight - 2) + "\">";
      AppendHtmlText(out, bars[i].notes[s]);
      out += "</text>";
    }
  }
  out += "</svg>\n";
}

void AppendSummary(std::string& out, const RunInfo& info, const RunSummary& s) {
  out += "<h2 id=\"summary\">Summary</h2>\n<dl class=\"summary\">\n";
  Term(out, "run id", info.run_id);
  Term(out, "mode", info.mode);
  Term(out, "config", info.config_path + " (" + info.config_hash + ")");
  Term(out, "source", info.source);
  Term(out, "started", info.started_at);
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.3f s", s.seconds);
  Term(out, "finished", s.finished_at + " (" + seconds + ")");
  Term(out, "records in", std::to_string(s.records_in));
  Term(out, "records changed", std::to_string(s.records_changed));
  Term(out, "field changes", std::to_string(s.field_changes));
  Term(out, "records rejected", std::to_string(s.rejected));
  Term(out, "records failed", std::to_string(s.failed));
  Term(out, "flags raised", std::to_string(s.flagged));
  Term(out, "invalid UTF-8 repaired", std::to_string(s.repaired_utf8));
  if (!s.stopped.empty()) Term(out, "stopped early", s.stopped);
  out += "</dl>\n";
  if (info.data.empty()) return;
  out += "<table>";
  Header(out, {"data file", "version", "entries"});
  for (const auto& data : info.data) {
    out += "<tr>";
    Cell(out, data.name);
    Cell(out, data.version);
    NumberCell(out, data.entries);
    out += "</tr>\n";
  }
  out += "</table>\n";
}

void AppendRules(std::string& out, const RunInfo& info, const RunSummary& s) {
  out += "<h2 id=\"rules\">Changes per rule</h2>\n";
  std::vector<Bar> bars;
  double max = 0;
  out += "<table>";
  Header(out, {"rule", "declared at", "field changes"});
  for (std::size_t i = 0; i < info.rules.size(); ++i) {
    const std::uint64_t changed = i < s.rule_changes.size() ? s.rule_changes[i] : 0;
    out += "<tr>";
    Cell(out, info.rules[i].label);
    Cell(out, info.rules[i].where.str());
    NumberCell(out, changed);
    out += "</tr>\n";
    Bar bar;
    bar.label = info.rules[i].label;
    bar.values[0] = static_cast<double>(changed);
    bar.notes[0] = std::to_string(changed);
    max = std::max(max, bar.values[0]);
    bars.push_back(std::move(bar));
  }
  out += "</table>\n";
  AppendBarChart(out, bars, 1, max, "Field changes per rule");
}

void AppendDedupe(std::string& out, const DedupeTotals& d) {
  out += "<h2 id=\"duplicates\">Duplicates</h2>\n<dl class=\"summary\">\n";
  Term(out, "shared email policy", d.shared_email);
  Term(out, "records compared", std::to_string(d.records));
  Term(out, "candidate pairs", std::to_string(d.candidate_pairs));
  Term(out, "matched pairs",
       std::to_string(d.matched_pairs) + " (" + std::to_string(d.vetoed_pairs) + " vetoed)");
  Term(out, "clusters",
       std::to_string(d.clusters) + " merged or flagged, " + std::to_string(d.review) +
           " for review");
  Term(out, "records in clusters", std::to_string(d.records_in_clusters));
  Term(out, "losers",
       std::to_string(d.losers_flagged) + " flagged, " + std::to_string(d.losers_deleted) +
           " deleted");
  Term(out, "survivors updated", std::to_string(d.survivors_updated));
  out += "</dl>\n<table>";
  Header(out, {"pass", "pairs", "only this pass", "largest block", "skipped blocks"});
  for (const auto& pass : d.passes) {
    out += "<tr>";
    Cell(out, pass.name);
    NumberCell(out, pass.pairs);
    NumberCell(out, pass.only_pairs);
    NumberCell(out, pass.largest_block);
    NumberCell(out, pass.skipped_blocks);
    out += "</tr>\n";
  }
  out += "</table>\n<h2>Skipped blocks (" + std::to_string(d.skipped_blocks.size()) + ")</h2>\n";
  if (d.skipped_blocks.empty()) {
    out += "<p class=\"muted\">None: every block was compared.</p>\n";
  } else {
    out += "<table>";
    Header(out, {"pass", "key", "secondary", "records", "reason"});
    for (const auto& b : d.skipped_blocks) {
      out += "<tr>";
      Cell(out, b.pass);
      Cell(out, b.key, "v");
      Cell(out, b.secondary, "v");
      NumberCell(out, b.size);
      Cell(out, b.reason);
      out += "</tr>\n";
    }
    out += "</table>\n";
  }
  out += "<h2>Clusters</h2>\n";
}

void AppendApi(std::string& out, const RunSummary& s) {
  out += "<h2 id=\"api\">Pardot API usage</h2>\n";
  if (s.api.requests == 0 && s.api.budget_remaining < 0) {
    out += "<p class=\"muted\">File run: no Pardot API requests.</p>\n";
    return;
  }
  out += "<dl class=\"summary\">\n";
  Term(out, "requests",
       std::to_string(s.api.requests) + " (" + std::to_string(s.api.retries) +
           " retries, at most " + std::to_string(s.api.max_in_flight) + " in flight)");
  if (s.api.budget_remaining >= 0) {
    const double budget = static_cast<double>(s.api.requests + s.api.budget_remaining);
    Term(out, "daily budget",
         std::to_string(s.api.budget_remaining) + " left today; this run used " +
             Percent(static_cast<double>(s.api.requests), budget) + " of what it had");
    out += "</dl>\n";
    Bar bar;
    bar.label = "budget used by this run";
    bar.values[0] = static_cast<double>(s.api.requests);
    bar.notes[0] = std::to_string(s.api.requests) + " of " +
                   std::to_string(s.api.requests + s.api.budget_remaining);
    AppendBarChart(out, {bar}, 1, budget, "API requests against the daily budget");
  } else {
    out += "</dl>\n";
  }
  out += "<table>";
  Header(out, {"endpoint or error", "requests"});
  for (const auto& [endpoint, count] : s.api.by_endpoint) {
    out += "<tr>";
    Cell(out, endpoint);
    NumberCell(out, static_cast<std::uint64_t>(count));
    out += "</tr>\n";
  }
  for (const auto& [code, count] : s.api.errors) {
    out += "<tr>";
    Cell(out,
         code == 0 ? "error: transport or HTTP" : "error: Pardot code " + std::to_string(code));
    NumberCell(out, static_cast<std::uint64_t>(count));
    out += "</tr>\n";
  }
  out += "</table>\n<table>";
  Header(out, {"writes", "count"});
  for (const auto& w : RunSummary::WriteCounts()) {
    out += "<tr>";
    Cell(out, w.label);
    NumberCell(out, static_cast<std::uint64_t>(s.writes.*w.count));
    out += "</tr>\n";
  }
  out += "</table>\n";
}

}  // namespace pdc::html
