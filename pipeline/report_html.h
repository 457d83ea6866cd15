// The pieces of the HTML report (report_html.cpp): its fixed style sheet and script, table and
// chart builders that escape what they are given, and the sections drawn from the run's totals.
// The page loads nothing from elsewhere (see the Content-Security-Policy in report_html.cpp).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/report.h"

namespace pdc::html {

extern const std::string_view kStyle;
// Reads the rows from <script type="application/json" id="changes"> and renders them into
// #changes-body 100 at a time; #changes-status shows the counts. Inserts values as text only.
// The URL's fragment can preset the search and the page: #search=TEXT&page=N.
extern const std::string_view kScript;

// Table pieces; `text` is escaped.
void Cell(std::string& out, std::string_view text, std::string_view cls = {});
void NumberCell(std::string& out, std::uint64_t n);
void ValueCell(std::string& out, const Value& value);                          // "(empty)" for null
void Header(std::string& out, std::initializer_list<std::string_view> names);  // names: markup
void Term(std::string& out, std::string_view term, std::string_view text);     // a <dt>/<dd> pair
std::string Percent(double part, double whole);                                // "12.5%"

// A horizontal bar chart as inline SVG: one row per bar, one or two series.
struct Bar {
  std::string label;
  double values[2] = {0, 0};
  std::string notes[2];  // printed after each bar
};
void AppendBarChart(std::string& out, const std::vector<Bar>& bars, int series, double max,
                    std::string_view caption);

void AppendSummary(std::string& out, const RunInfo& info, const RunSummary& s);
void AppendRules(std::string& out, const RunInfo& info, const RunSummary& s);
// The totals, the passes and the skipped blocks; the clusters follow.
void AppendDedupe(std::string& out, const DedupeTotals& d);
void AppendApi(std::string& out, const RunSummary& s);  // "file run" when it made no requests

}  // namespace pdc::html
