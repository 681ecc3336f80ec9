// SPDX-License-Identifier: MIT
#include "viz/html_explorer.hpp"

#include <fmt/format.h>

#include "viz/document.hpp"

namespace icn {
namespace {

// The page's own script: directory search, firm pages (#f<k>), sortable tables. No network, no
// storage, no eval; text goes into the page through textContent only.
constexpr const char* kScript = R"JS(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('icn-firms').textContent);
  var L = data.labels, F = data.firms;
  function fill(template, a, b) { return template.replace('{0}', a).replace('{1}', b); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function grouped(v, d) {
    return v.toLocaleString('en-US', {minimumFractionDigits: d, maximumFractionDigits: d});
  }
  function amount(v) {
    if (v === undefined || v === null) return '—';
    if (data.unit === '万元') {
      if (data.lang === 'zh') return Math.abs(v) >= 1e4 ? grouped(v / 1e4, 2) + '亿元' : grouped(v, 1) + '万元';
      return Math.abs(v) >= 1e5 ? grouped(v / 1e5, 2) + ' bn yuan' : grouped(v / 100, 2) + ' m yuan';
    }
    return grouped(v, Number.isInteger(v) ? 0 : 2) + (data.unit ? ' ' + data.unit : '');
  }
  function firmLink(k) {
    var a = el('a', F[k].n + ' (' + F[k].id + ')', 'firm');
    a.href = '#f' + k;
    if (!F[k].local) a.classList.add('external');
    return a;
  }

  // Directory: every listed firm, searched by name, id, segment or place.
  var input = document.getElementById('firm-search');
  var body = document.getElementById('firm-rows');
  var count = document.getElementById('firm-count');
  var listed = [];
  for (var k = 0; k < F.length; k++) if (F[k].dir) listed.push(k);
  function search() {
    var terms = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var hits = listed.filter(function (k) {
      var f = F[k], hay = (f.n + ' ' + f.id + ' ' + f.seg + ' ' + f.r).toLowerCase();
      return terms.every(function (t) { return hay.indexOf(t) >= 0; });
    });
    body.textContent = '';
    hits.slice(0, 200).forEach(function (k) {
      var f = F[k], tr = el('tr'), td = el('td');
      td.appendChild(firmLink(k));
      tr.appendChild(td);
      [f.seg, f.r, f.z, (f.tags || []).join('、'), f.lead || ''].forEach(function (v) { tr.appendChild(el('td', v)); });
      var out = el('td', f.out === undefined ? '—' : amount(f.out), 'num');
      tr.appendChild(out);
      body.appendChild(tr);
    });
    count.textContent = fill(L.shown, Math.min(hits.length, 200), hits.length);
  }
  input.addEventListener('input', search);
  search();

  // Firm pages.
  var pageBox = document.getElementById('firm-page');
  function partnerTable(title, list, total) {
    var box = el('section');
    box.appendChild(el('h3', title + ' (' + (total === undefined ? list.length : total) + ')'));
    if (total !== undefined && total > list.length) box.appendChild(el('p', fill(L.more, list.length, total), 'note'));
    if (!list.length) { box.appendChild(el('p', L.none, 'note')); return box; }
    var table = el('table'), head = el('tr');
    [L.name, L.segment, L.where, L.value].forEach(function (h) { head.appendChild(el('th', h)); });
    var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
    var tbody = el('tbody');
    list.forEach(function (pair) {
      var p = F[pair[0]], tr = el('tr'), td = el('td');
      td.appendChild(firmLink(pair[0]));
      tr.appendChild(td);
      tr.appendChild(el('td', p.seg));
      tr.appendChild(el('td', p.local ? L.local : L.external + ' · ' + p.r));
      tr.appendChild(el('td', amount(pair[1]), 'num'));
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    box.appendChild(table);
    sortable(table);
    return box;
  }
  function show(k) {
    var f = F[k];
    pageBox.textContent = '';
    var back = el('a', L.back, 'back');
    back.href = '#directory';
    pageBox.appendChild(back);
    pageBox.appendChild(el('h2', f.n));
    var facts = el('table', null, 'facts'), tb = el('tbody');
    [[L.id, f.id], [L.segment, f.seg || '—'], [L.place, f.local ? f.r : L.not_local + ' · ' + f.r],
     [L.size, f.z || '—'], [L.tags, (f.tags || []).join('、') || '—'],
     [L.output, f.out === undefined ? '—' : amount(f.out)]].forEach(function (row) {
      if (f.lead && row[0] === L.id) { var lr = el('tr'); lr.appendChild(el('th', L.lead)); lr.appendChild(el('td', f.lead)); tb.appendChild(lr); }
      var tr = el('tr'); tr.appendChild(el('th', row[0])); tr.appendChild(el('td', row[1])); tb.appendChild(tr);
    });
    facts.appendChild(tb);
    pageBox.appendChild(el('h3', L.facts));
    pageBox.appendChild(facts);
    if (f.sc) {
      pageBox.appendChild(el('h3', L.leader));
      var sc = el('table', null, 'facts'), sb = el('tbody');
      [[L.rank, String(f.sc[0])], [L.score, f.sc[1].toFixed(3)], [L.local_suppliers, String(f.sc[2])],
       [L.local_purchase, amount(f.sc[3])], [L.pagerank, f.sc[4].toFixed(4)],
       [L.betweenness, f.sc[5].toFixed(4)], [L.downstream, f.sc[6].toFixed(2)]].forEach(function (row) {
        var tr = el('tr'); tr.appendChild(el('th', row[0])); tr.appendChild(el('td', row[1], 'num')); sb.appendChild(tr);
      });
      sc.appendChild(sb);
      pageBox.appendChild(sc);
    }
    if (f.notes && f.notes.length) {
      pageBox.appendChild(el('h3', L.gaps));
      var ul = el('ul');
      f.notes.forEach(function (n) { ul.appendChild(el('li', n)); });
      pageBox.appendChild(ul);
    }
    if (f.su) pageBox.appendChild(partnerTable(L.suppliers, f.su, f.su_total));
    if (f.cu) pageBox.appendChild(partnerTable(L.customers, f.cu, f.cu_total));
    pageBox.hidden = false;
    document.body.classList.add('paged');
    window.scrollTo(0, 0);
  }
  function route() {
    var m = /^#f(\d+)$/.exec(location.hash);
    if (m && +m[1] < F.length) { show(+m[1]); return; }
    pageBox.hidden = true;
    document.body.classList.remove('paged');
  }
  window.addEventListener('hashchange', route);

  // Sortable tables: a click on a header sorts by that column, again to reverse.
  function key(text) {
    var t = text.replace(/,/g, ''), m = /-?\d+(\.\d+)?/.exec(t);
    if (!m || /^\D{2,}/.test(t)) return null;
    var v = parseFloat(m[0]);
    if (t.indexOf('亿') >= 0) v *= 1e4;
    else if (t.indexOf(' bn') >= 0) v *= 1e5;
    else if (t.indexOf(' m yuan') >= 0) v *= 100;
    return v;
  }
  function sortable(table) {
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, col) {
      th.classList.add('sortable');
      th.addEventListener('click', function () {
        var tbody = table.tBodies[0];
        var rows = Array.prototype.slice.call(tbody.rows);
        var up = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        rows.sort(function (a, b) {
          var x = a.cells[col] ? a.cells[col].textContent : '', y = b.cells[col] ? b.cells[col].textContent : '';
          var kx = key(x), ky = key(y), c;
          if (kx !== null && ky !== null) c = kx - ky;
          else if (kx !== null) c = -1;
          else if (ky !== null) c = 1;
          else c = x.localeCompare(y, 'zh');
          return up ? c : -c;
        });
        rows.forEach(function (r) { tbody.appendChild(r); });
      });
    });
  }
  document.querySelectorAll('main table').forEach(sortable);
  route();
  document.documentElement.setAttribute('data-explorer', 'ready');
})();
)JS";

}  // namespace

std::string script_safe_json(const nlohmann::json& value) {
    const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '<') {
            out += "\\u003c";
        } else {
            out += c;
        }
    }
    return out;
}

std::string link_firms(std::string_view escaped, const FirmDirectory& directory) {
    if (directory.page_of.empty()) return std::string(escaped);
    std::string out;
    std::size_t done = 0;
    // "name (id)": at each " (" look for ")" and the id between; the name before it is kept as
    // written, only the span from the name's start is wrapped when the name matches.
    for (std::size_t open = escaped.find(" ("); open != std::string_view::npos;
         open = escaped.find(" (", open + 2)) {
        const std::size_t close = escaped.find(')', open + 2);
        if (close == std::string_view::npos) break;
        const std::string id(escaped.substr(open + 2, close - open - 2));
        const auto found = directory.page_of.find(id);
        if (found == directory.page_of.end()) continue;
        const std::string& name = directory.names[found->second];
        // The name as escaped in the text.
        std::string escaped_name;
        for (const char c : name) {
            switch (c) {
                case '&':
                    escaped_name += "&amp;";
                    break;
                case '<':
                    escaped_name += "&lt;";
                    break;
                case '>':
                    escaped_name += "&gt;";
                    break;
                case '"':
                    escaped_name += "&quot;";
                    break;
                case '\'':
                    escaped_name += "&#39;";
                    break;
                default:
                    escaped_name += c;
            }
        }
        if (open < escaped_name.size() + done ||
            escaped.substr(open - escaped_name.size(), escaped_name.size()) != escaped_name)
            continue;
        const std::size_t start = open - escaped_name.size();
        out.append(escaped.substr(done, start - done));
        out += fmt::format("<a class=\"firm\" href=\"#f{}\">", found->second);
        out.append(escaped.substr(start, close + 1 - start));
        out += "</a>";
        done = close + 1;
        open = close;
    }
    out.append(escaped.substr(done));
    return out;
}

std::string explorer_html(const FirmDirectory& directory) {
    const nlohmann::json& labels = directory.labels;
    const auto label = [&](const char* key) { return labels[key].get<std::string>(); };
    std::string html = "<div id=\"directory-box\">\n";
    html += "<p class=\"note\">" + html_escape(directory.note) + "</p>\n";
    html += fmt::format(
        "<input id=\"firm-search\" type=\"search\" placeholder=\"{}\" autocomplete=\"off\">\n"
        "<p id=\"firm-count\" class=\"note\"></p>\n",
        html_escape(label("search")));
    html += "<table id=\"firm-directory\"><thead><tr>";
    for (const char* key : {"name", "segment", "place", "size", "tags", "lead", "output"})
        html += "<th>" + html_escape(label(key)) + "</th>";
    html += "</tr></thead><tbody id=\"firm-rows\"></tbody></table>\n</div>\n";
    html += "<div id=\"firm-page\" hidden></div>\n";
    html += "<script type=\"application/json\" id=\"icn-firms\">" + directory.json + "</script>\n";
    html += std::string("<script>") + kScript + "</script>\n";
    return html;
}

}  // namespace icn
