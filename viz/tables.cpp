// SPDX-License-Identifier: MIT
#include "viz/tables.hpp"

#include <initializer_list>

#include <fmt/format.h>

#include "viz/numbers.hpp"
#include "viz/reasons.hpp"

namespace icn {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// A cell of a table: text, or a number written in full precision. Only text is neutralised
// against formula injection, so a negative number stays a number while "+86 ..." (a phone
// number carried from the input) or "=HYPERLINK(...)" (a hostile firm name) stays text.
struct Cell {
    Cell(std::string_view s) : text(csv_text(s)) {}    // NOLINT: implicit by design
    Cell(const std::string& s) : text(csv_text(s)) {}  // NOLINT
    Cell(const char* s) : text(csv_text(s)) {}         // NOLINT
    static Cell number(double value) {
        Cell c("");
        c.text = plain_decimal(value);
        return c;
    }
    static Cell count(std::size_t value) { return number(static_cast<double>(value)); }
    std::string text;
};

// A CSV table; each row may end in extra cells (the firm's own columns from firms.csv).
class Table {
public:
    Table(std::initializer_list<Cell> header, const std::vector<std::string>& extra = {}) {
        text_ = kBom;
        row(header, extra);
    }
    void row(std::initializer_list<Cell> cells, const std::vector<std::string>& extra = {}) {
        bool first = true;
        for (const Cell& cell : cells) {
            if (!first) text_ += ',';
            text_ += csv_field(cell.text);
            first = false;
        }
        for (const std::string& text : extra) text_ += ',' + csv_field(csv_text(text));
        text_ += "\r\n";
    }
    std::string take() { return std::move(text_); }

private:
    std::string text_;
};

// The columns of firms.csv that ICN does not interpret (联系人, 联系电话, 注册资本, ...), carried
// to every table that names a firm (SPEC section 1): their headers, with `prefix` when a row
// names two firms, and one firm's values.
std::vector<std::string> extra_headers(const Dataset& dataset, std::string_view prefix = {}) {
    std::vector<std::string> out;
    for (const std::string& name : dataset.firm_extra.names)
        out.push_back(std::string(prefix) + name);
    return out;
}

std::vector<std::string> extra_cells(const Dataset& dataset, std::uint32_t firm) {
    std::vector<std::string> out;
    for (const auto& column : dataset.firm_extra.values) out.push_back(column[firm]);
    return out;
}

std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

Cell number(double value) { return Cell::number(value); }
Cell count(std::size_t value) { return Cell::count(value); }

}  // namespace

std::string csv_text(std::string_view text) {
    // OWASP's advice for CSV injection: a cell that a spreadsheet would read as a formula gets a
    // leading apostrophe, which Excel and LibreOffice show as text and do not display.
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                          text[0] == '\t' || text[0] == '\r')) {
        return "'" + std::string(text);
    }
    return std::string(text);
}

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string gaps_csv(const ReportInput& in) {
    const bool zh = in.lang == "zh";
    const ChainTemplate& chain = in.context.chain;
    Table t = zh ? Table{"类型",       "环节",     "环节名称", "下游环节", "下游环节名称",
                         "本地企业数", "外部占比", "严重程度", "说明"}
                 : Table{"kind",        "segment",        "segment_name", "to",         "to_name",
                         "local_firms", "external_share", "severity",     "explanation"};
    for (const Gap& g : in.results.gaps.gaps) {
        const bool broken = g.kind == GapKind::broken;
        t.row({to_string(g.kind), chain.segments[g.segment].id,
               segment_name(chain, g.segment, in.lang),
               broken ? std::string_view(chain.segments[g.to].id) : "",
               broken ? segment_name(chain, g.to, in.lang) : "",
               g.kind == GapKind::weak ? count(g.local_firms) : "",
               g.kind == GapKind::dependent ? number(g.external_share) : "", number(g.severity),
               explain(g, chain, in.options.gaps, in.lang)});
    }
    return t.take();
}

std::string attract_csv(const ReportInput& in) {
    const bool zh = in.lang == "zh";
    const ChainTemplate& chain = in.context.chain;
    const auto& firms = in.context.dataset.firms;
    const Dataset& data = in.context.dataset;
    Table t = zh ? Table{{"环节", "环节名称", "企业编号", "企业名称", "所在地区", "得分",
                          "本地客户数", "本地供货金额", "匹配度", "理由"},
                         extra_headers(data)}
                 : Table{{"segment", "segment_name", "firm", "name", "region", "score",
                          "local_customers", "local_value", "fit", "reason"},
                         extra_headers(data)};
    for (const AttractCandidate& a : in.results.recommendations.attract) {
        t.row({chain.segments[a.segment].id, segment_name(chain, a.segment, in.lang),
               firms[a.firm].id, firms[a.firm].name, place_name(in, firms[a.firm].region),
               number(a.score), count(a.local_customers), number(a.local_value), number(a.fit),
               attract_reason(a, in.context.dataset, in.lang)},
              extra_cells(data, a.firm));
    }
    return t.take();
}

std::string match_csv(const ReportInput& in) {
    const bool zh = in.lang == "zh";
    const ChainTemplate& chain = in.context.chain;
    const auto& firms = in.context.dataset.firms;
    const Dataset& data = in.context.dataset;
    const auto extras = joined(extra_headers(data, zh ? "供方" : "supplier_"),
                               extra_headers(data, zh ? "需方" : "customer_"));
    Table t = zh ? Table{{"上游环节", "下游环节", "供方编号", "供方名称", "需方编号", "需方名称",
                          "得分", "共同合作企业数", "理由"},
                         extras}
                 : Table{{"from", "to", "supplier", "supplier_name", "customer", "customer_name",
                          "score", "shared_partners", "reason"},
                         extras};
    for (const MatchCandidate& m : in.results.recommendations.match) {
        t.row({chain.segments[m.from].id, chain.segments[m.to].id, firms[m.supplier].id,
               firms[m.supplier].name, firms[m.customer].id, firms[m.customer].name,
               number(m.score), count(m.shared_partners), match_reason(in.context, m, in.lang)},
              joined(extra_cells(data, m.supplier), extra_cells(data, m.customer)));
    }
    return t.take();
}

std::string leaders_csv(const ReportInput& in) {
    const bool zh = in.lang == "zh";
    const auto& firms = in.context.dataset.firms;
    const Dataset& data = in.context.dataset;
    Table t = zh ? Table{{"排名", "企业编号", "企业名称", "得分", "本地供应商数", "本地采购额",
                          "PageRank", "中介中心性", "下游位置", "认定链主", "发挥链主作用"},
                         extra_headers(data)}
                 : Table{{"rank", "firm", "name", "score", "local_suppliers",
                          "local_purchase_value", "pagerank", "betweenness", "downstream_position",
                          "designated", "acts_as_leader"},
                         extra_headers(data)};
    const auto& ranked = in.results.leaders.ranked;
    for (std::size_t i = 0; i < ranked.size() && i < kLeadersCsvRows; ++i) {
        const LeaderEntry& e = ranked[i];
        const auto yes_no = [&](bool b) { return zh ? (b ? "是" : "否") : (b ? "yes" : "no"); };
        t.row({count(i + 1), firms[e.firm].id, firms[e.firm].name, number(e.score),
               count(e.components.local_suppliers), number(e.components.local_purchase_value),
               number(e.components.pagerank), number(e.components.betweenness),
               number(e.components.downstream_position), yes_no(e.designated), yes_no(e.acts)},
              extra_cells(data, e.firm));
    }
    return t.take();
}

}  // namespace icn
