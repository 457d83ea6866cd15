#include "pipeline/report_html.h"

namespace pdc::html {

const std::string_view kStyle = R"css(
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1d2330; max-width: 1200px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccd; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #d5d8e0; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #eef0f5; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.v { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-all; }
.null { color: #99a; font-style: italic; }
.muted { color: #667; } .warn { color: #a40; }
dl.summary { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
dl.summary dt { font-weight: 600; } dl.summary dd { margin: 0; }
details { margin: 4px 0; } summary { cursor: pointer; }
#changes-controls { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
#changes-search { width: 320px; padding: 4px; }
svg text { font: 12px system-ui, sans-serif; fill: #1d2330; }
)css";

const std::string_view kScript = R"js(
(function () {
  'use strict';
  var rows = JSON.parse(document.getElementById('changes').textContent);
  // Lower-cased rows for the search, made at the first search so that opening the page stays fast.
  var haystack = null;
  var pageSize = 100, page = 0, matches = [];
  var body = document.getElementById('changes-body');
  var status = document.getElementById('changes-status');
  var search = document.getElementById('changes-search');
  var prev = document.getElementById('changes-prev');
  var next = document.getElementById('changes-next');

  function cell(value, cls) {
    var td = document.createElement('td');
    if (cls) td.className = cls;
    if (value === null) {
      var span = document.createElement('span');
      span.className = 'null';
      span.textContent = '(empty)';
      td.appendChild(span);
    } else {
      td.textContent = value;
    }
    return td;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(matches.length / pageSize));
    if (page >= pages) page = pages - 1;
    var start = page * pageSize, end = Math.min(matches.length, start + pageSize);
    var fragment = document.createDocumentFragment();
    for (var i = start; i < end; ++i) {
      var r = rows[matches[i]], tr = document.createElement('tr');
      tr.appendChild(cell(r[0]));
      tr.appendChild(cell(r[1]));
      tr.appendChild(cell(r[2], 'v'));
      tr.appendChild(cell(r[3], 'v'));
      tr.appendChild(cell(r[4]));
      fragment.appendChild(tr);
    }
    body.replaceChildren(fragment);
    status.textContent = (matches.length ? (start + 1) + '\u2013' + end : '0') + ' of ' +
        matches.length + ' matching changes (' + rows.length + ' in all), page ' + (page + 1) +
        ' of ' + pages;
    prev.disabled = page === 0;
    next.disabled = page + 1 >= pages;
  }

  // Keeps the rows that contain the search text (any column, ignoring case); back to page 1.
  function filter() {
    var needle = search.value.toLowerCase();
    if (needle && !haystack) {
      haystack = rows.map(function (r) { return r.join('\u0001').toLowerCase(); });
    }
    matches = [];
    for (var i = 0; i < rows.length; ++i) {
      if (!needle || haystack[i].indexOf(needle) >= 0) matches.push(i);
    }
    page = 0;
  }

  var timer = null;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { filter(); render(); }, 150);
  });
  prev.addEventListener('click', function () { --page; render(); });
  next.addEventListener('click', function () { ++page; render(); });
  // A link can open the table searched and paged: report.html#search=TEXT&page=N.
  var wanted = new URLSearchParams(location.hash.slice(1));
  search.value = wanted.get('search') || '';
  filter();
  page = Math.max(0, (parseInt(wanted.get('page'), 10) || 1) - 1);
  render();
})();
)js";

}  // namespace pdc::html
