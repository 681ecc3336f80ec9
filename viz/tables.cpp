// SPDX-License-Identifier: MIT
#include "viz/tables.hpp"

#include <fmt/format.h>

#include "viz/format.hpp"
#include "viz/numbers.hpp"
#include "viz/reasons.hpp"

namespace icn {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

TableCell text(std::string s) { return {std::move(s), std::nullopt}; }
TableCell num(double v) { return {{}, v}; }
TableCell num(std::optional<double> v) { return {{}, v}; }
TableCell empty() { return {}; }

// Builds a table column by column, then row by row; the firm's own columns from firms.csv
// (联系人, 联系电话, ...) are appended where a row names a firm (SPEC section 1).
class Builder {
public:
    Builder(std::string sheet, std::string file, bool zh) : zh_(zh) {
        table_.sheet = std::move(sheet);
        table_.file = std::move(file);
    }
    Builder& column(const char* chinese, const char* english, ColumnKind kind = ColumnKind::text) {
        table_.columns.push_back({zh_ ? chinese : english, kind});
        return *this;
    }
    Builder& column(std::string header, ColumnKind kind) {
        table_.columns.push_back({std::move(header), kind});
        return *this;
    }
    void extra_columns(const Dataset& data, std::string_view prefix = {}) {
        for (const std::string& name : data.firm_extra.names) {
            table_.columns.push_back({std::string(prefix) + name, ColumnKind::text});
        }
    }
    void row(std::vector<TableCell> cells) { table_.rows.push_back(std::move(cells)); }
    DataTable take() { return std::move(table_); }

private:
    DataTable table_;
    bool zh_;
};

void add_extras(std::vector<TableCell>& row, const Dataset& data, std::uint32_t firm) {
    for (const auto& column : data.firm_extra.values) row.push_back(text(column[firm]));
}

// "本地供货金额（万元）": an amount's header names its unit.
std::string with_unit(const char* chinese, const char* english, const std::string& unit, bool zh) {
    return zh ? fmt::format("{}（{}）", chinese, unit) : fmt::format("{} ({})", english, unit);
}

std::string output_unit(const Dataset& data) {
    return data.cluster ? data.cluster->output_unit : std::string("万元");
}

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

std::string to_csv(const DataTable& table) {
    std::string out(kBom);
    const auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) out += ',';
            out += csv_field(cells[i]);
        }
        out += "\r\n";
    };
    std::vector<std::string> cells;
    for (const TableColumn& c : table.columns) cells.push_back(csv_text(c.header));
    line(cells);
    for (const auto& row : table.rows) {
        cells.clear();
        for (std::size_t i = 0; i < row.size(); ++i) {
            const bool is_text =
                i >= table.columns.size() || table.columns[i].kind == ColumnKind::text;
            if (is_text) {
                cells.push_back(csv_text(row[i].text));
            } else {
                cells.push_back(row[i].number ? plain_decimal(*row[i].number) : std::string());
            }
        }
        line(cells);
    }
    return out;
}

DataTable gaps_table(const ReportInput& in) {
    const bool zh = in.lang == "zh";
    const ChainTemplate& chain = in.context.chain;
    Builder b(zh ? "缺口" : "gaps", "gaps.csv", zh);
    b.column("类型", "kind")
        .column("环节", "segment")
        .column("环节名称", "segment_name")
        .column("下游环节", "to")
        .column("下游环节名称", "to_name")
        .column("本地企业数", "local_firms", ColumnKind::count)
        .column("外部占比", "external_share", ColumnKind::share)
        .column("严重程度", "severity", ColumnKind::number)
        .column("说明", "explanation");
    for (const Gap& g : in.results.gaps.gaps) {
        const bool broken = g.kind == GapKind::broken;
        b.row({text(std::string(to_string(g.kind))), text(chain.segments[g.segment].id),
               text(segment_name(chain, g.segment, in.lang)),
               text(broken ? chain.segments[g.to].id : ""),
               text(broken ? segment_name(chain, g.to, in.lang) : ""),
               g.kind == GapKind::weak ? num(static_cast<double>(g.local_firms)) : empty(),
               g.kind == GapKind::dependent ? num(g.external_share) : empty(), num(g.severity),
               text(explain(g, chain, in.options.gaps, in.lang))});
    }
    return b.take();
}

DataTable attract_table(const ReportInput& in) {
    const bool zh = in.lang == "zh";
    const ChainTemplate& chain = in.context.chain;
    const Dataset& data = in.context.dataset;
    const auto& firms = data.firms;
    Builder b(zh ? "招商补链" : "attract", "attract.csv", zh);
    b.column("环节", "segment")
        .column("环节名称", "segment_name")
        .column("企业编号", "firm")
        .column("企业名称", "name")
        .column("所在地区", "region")
        .column("得分", "score", ColumnKind::number)
        .column("本地客户数", "local_customers", ColumnKind::count);
    if (data.links_have_value) {
        b.column(with_unit("本地供货金额", "local_value", value_unit(data), zh),
                 ColumnKind::amount);
    } else {
        b.column("本地供货记录数", "local_supply_rows", ColumnKind::count);
    }
    b.column("匹配度", "fit", ColumnKind::share).column("理由", "reason");
    b.extra_columns(data);
    for (const AttractCandidate& a : in.results.recommendations.attract) {
        std::vector<TableCell> row = {text(chain.segments[a.segment].id),
                                      text(segment_name(chain, a.segment, in.lang)),
                                      text(firms[a.firm].id),
                                      text(firms[a.firm].name),
                                      text(place_name(in, firms[a.firm].region)),
                                      num(a.score),
                                      num(static_cast<double>(a.local_customers)),
                                      num(a.local_value),
                                      num(a.fit),
                                      text(attract_reason(a, data, in.lang))};
        add_extras(row, data, a.firm);
        b.row(std::move(row));
    }
    return b.take();
}

DataTable match_table(const ReportInput& in) {
    const bool zh = in.lang == "zh";
    const ChainTemplate& chain = in.context.chain;
    const Dataset& data = in.context.dataset;
    const auto& firms = data.firms;
    Builder b(zh ? "融通对接" : "match", "match.csv", zh);
    b.column("上游环节", "from")
        .column("下游环节", "to")
        .column("供方编号", "supplier")
        .column("供方名称", "supplier_name")
        .column("需方编号", "customer")
        .column("需方名称", "customer_name")
        .column("得分", "score", ColumnKind::number)
        .column("共同合作企业数", "shared_partners", ColumnKind::count)
        .column("理由", "reason");
    b.extra_columns(data, zh ? "供方" : "supplier_");
    b.extra_columns(data, zh ? "需方" : "customer_");
    for (const MatchCandidate& m : in.results.recommendations.match) {
        std::vector<TableCell> row = {text(chain.segments[m.from].id),
                                      text(chain.segments[m.to].id),
                                      text(firms[m.supplier].id),
                                      text(firms[m.supplier].name),
                                      text(firms[m.customer].id),
                                      text(firms[m.customer].name),
                                      num(m.score),
                                      num(static_cast<double>(m.shared_partners)),
                                      text(match_reason(in.context, m, in.lang))};
        add_extras(row, data, m.supplier);
        add_extras(row, data, m.customer);
        b.row(std::move(row));
    }
    return b.take();
}

DataTable leaders_table(const ReportInput& in) {
    const bool zh = in.lang == "zh";
    const Dataset& data = in.context.dataset;
    const auto& firms = data.firms;
    Builder b(zh ? "链主企业" : "leaders", "leaders.csv", zh);
    b.column("排名", "rank", ColumnKind::count)
        .column("企业编号", "firm")
        .column("企业名称", "name")
        .column("得分", "score", ColumnKind::number)
        .column("本地供应商数", "local_suppliers", ColumnKind::count);
    if (data.links_have_value) {
        b.column(with_unit("本地采购额", "local_purchase_value", value_unit(data), zh),
                 ColumnKind::amount);
    } else {
        b.column("本地采购记录数", "local_purchase_rows", ColumnKind::count);
    }
    b.column("PageRank", "pagerank", ColumnKind::number)
        .column("中介中心性", "betweenness", ColumnKind::number)
        .column("下游位置", "downstream_position", ColumnKind::number)
        .column("认定链主", "designated")
        .column("发挥链主作用", "acts_as_leader");
    b.extra_columns(data);
    const auto& ranked = in.results.leaders.ranked;
    const auto yes_no = [&](bool v) { return text(zh ? (v ? "是" : "否") : (v ? "yes" : "no")); };
    for (std::size_t i = 0; i < ranked.size() && i < kLeadersCsvRows; ++i) {
        const LeaderEntry& e = ranked[i];
        std::vector<TableCell> row = {num(static_cast<double>(i + 1)),
                                      text(firms[e.firm].id),
                                      text(firms[e.firm].name),
                                      num(e.score),
                                      num(static_cast<double>(e.components.local_suppliers)),
                                      num(e.components.local_purchase_value),
                                      num(e.components.pagerank),
                                      num(e.components.betweenness),
                                      num(e.components.downstream_position),
                                      yes_no(e.designated),
                                      yes_no(e.acts)};
        add_extras(row, data, e.firm);
        b.row(std::move(row));
    }
    return b.take();
}

DataTable segments_table(const ReportInput& in) {
    const bool zh = in.lang == "zh";
    const ChainTemplate& chain = in.context.chain;
    Builder b(zh ? "环节凝聚度" : "segments", "", zh);
    b.column("环节", "segment")
        .column("环节名称", "segment_name")
        .column("本地企业数", "local_firms", ColumnKind::count)
        .column("本地联系数", "local_links", ColumnKind::count)
        .column("本地配套率", "local_sourcing_ratio", ColumnKind::share)
        .column("最大连通块占比", "largest_component_share", ColumnKind::share)
        .column("平均聚类系数", "avg_clustering", ColumnKind::number);
    for (const SegmentCohesion& s : in.results.cohesion.segments) {
        b.row({text(chain.segments[s.segment].id), text(segment_name(chain, s.segment, in.lang)),
               num(static_cast<double>(s.measures.local_firms)),
               num(static_cast<double>(s.measures.local_links)),
               num(s.measures.local_sourcing_ratio), num(s.measures.largest_component_share),
               num(s.measures.avg_clustering)});
    }
    return b.take();
}

DataTable diagnostics_table(const ReportInput& in) {
    const bool zh = in.lang == "zh";
    Builder b(zh ? "认定条件对照" : "criteria", "", zh);
    b.column("条件", "criterion")
        .column("集群数值", "value_text")
        .column("数值", "value", ColumnKind::number)
        .column("单位", "unit")
        .column("标准", "threshold")
        .column("结论", "status")
        .column("依据", "source");
    if (in.diagnostics == nullptr) return b.take();
    for (const CriterionResult& r : in.diagnostics->criteria) {
        const Criterion& c = *r.criterion;
        const char* status = r.status == CriterionStatus::pass   ? (zh ? "达标" : "pass")
                             : r.status == CriterionStatus::fail ? (zh ? "未达标" : "fail")
                             : r.judgement                       ? (zh ? "待判断" : "judgement")
                                           : (zh ? "数据不足" : "unknown");
        b.row({text(zh ? c.name_zh : (c.name_en.empty() ? c.name_zh : c.name_en)),
               text(criterion_value_text(r, in.lang)), num(r.value), text(c.unit),
               text(threshold_text(c, in.lang)), text(status), text(c.source)});
    }
    return b.take();
}

DataTable firms_table(const ReportInput& in) {
    const bool zh = in.lang == "zh";
    const AnalysisContext& ctx = in.context;
    const Dataset& data = ctx.dataset;
    Builder b(zh ? "企业名录" : "firms", "", zh);
    b.column("企业编号", "firm")
        .column("企业名称", "name")
        .column("所在地区", "region")
        .column("产业链环节", "segments")
        .column("企业规模", "size")
        .column("链主", "leader")
        .column("标签", "tags")
        .column(with_unit("产值", "output", output_unit(data), zh), ColumnKind::amount);
    b.extra_columns(data);
    for (std::uint32_t f : ctx.selection.local) {
        const Firm& firm = data.firms[f];
        std::string segments, tags;
        for (std::uint32_t s : ctx.selection.segments[f]) {
            segments += (segments.empty() ? "" : ";") + segment_name(ctx.chain, s, in.lang);
        }
        for (const std::string& t : firm.tags) tags += (tags.empty() ? "" : ";") + t;
        std::vector<TableCell> row = {text(firm.id),
                                      text(firm.name),
                                      text(place_name(in, firm.region)),
                                      text(segments),
                                      text(std::string(to_string(firm.size))),
                                      text(firm.leader ? (zh ? "是" : "yes") : ""),
                                      text(tags),
                                      num(firm.output)};
        add_extras(row, data, f);
        b.row(std::move(row));
    }
    return b.take();
}

std::vector<DataTable> report_tables(const ReportInput& in) {
    std::vector<DataTable> tables;
    tables.push_back(diagnostics_table(in));
    tables.push_back(gaps_table(in));
    tables.push_back(attract_table(in));
    tables.push_back(match_table(in));
    tables.push_back(leaders_table(in));
    tables.push_back(segments_table(in));
    tables.push_back(firms_table(in));
    return tables;
}

}  // namespace icn
