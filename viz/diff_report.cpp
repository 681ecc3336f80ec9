// SPDX-License-Identifier: MIT
#include "viz/diff_report.hpp"

#include <fmt/format.h>

#include "viz/charts.hpp"
#include "viz/format.hpp"
#include "viz/reasons.hpp"

namespace icn {
namespace {

using Kind = DocBlock::Kind;

const char* change_word(GapChangeKind kind, bool zh) {
    switch (kind) {
        case GapChangeKind::opened:
            return zh ? "新增" : "opened";
        case GapChangeKind::closed:
            return zh ? "消除" : "closed";
        case GapChangeKind::worsened:
            return zh ? "加重（弱链变缺链）" : "worsened (weak to missing)";
        case GapChangeKind::improved:
            return zh ? "减轻（缺链变弱链）" : "eased (missing to weak)";
        case GapChangeKind::severity_changed:
            return zh ? "严重程度变化" : "severity changed";
        case GapChangeKind::unchanged:
            return zh ? "未变" : "unchanged";
    }
    return "";
}

}  // namespace

Document build_diff_document(const DiffReport& d) {
    const bool zh = d.lang == "zh";
    const auto t = [zh](const char* chinese, const char* english) {
        return zh ? chinese : english;
    };
    Document doc;
    doc.lang = d.lang;
    doc.title = fmt::format(fmt::runtime(t("{} 年度变化", "Year on year: {}")), d.cluster_name);
    doc.subtitle = fmt::format(fmt::runtime(t("上年：{} · 本年：{}", "before: {} · after: {}")),
                               d.old_dataset, d.new_dataset);
    const auto heading = [&](const char* chinese, const char* english) {
        DocBlock b;
        b.kind = Kind::heading;
        b.text = t(chinese, english);
        doc.blocks.push_back(std::move(b));
    };
    const auto paragraph = [&](std::string text) {
        DocBlock b;
        b.kind = Kind::paragraph;
        b.text = std::move(text);
        doc.blocks.push_back(std::move(b));
    };
    const auto table = [&](DocTable tab) {
        DocBlock b;
        b.kind = Kind::table;
        b.table = std::move(tab);
        doc.blocks.push_back(std::move(b));
    };

    heading("一、企业进出", "1. Firms that entered and left");
    paragraph(
        fmt::format(fmt::runtime(t("本地企业新增{}家，退出{}家；本地供货关系新增{}对，消失{}对。",
                                   "{} local firms entered and {} left; {} local links "
                                   "appeared and {} disappeared.")),
                    d.entered.size(), d.left.size(), d.links_gained, d.links_lost));
    DocTable firms{{t("变化", "Change"), t("企业", "Firm")}, {}, {false, false}};
    for (const auto& f : d.entered) firms.rows.push_back({t("新增", "entered"), f});
    for (const auto& f : d.left) firms.rows.push_back({t("退出", "left"), f});
    if (!firms.rows.empty()) table(std::move(firms));

    heading("二、集群凝聚度", "2. Cohesion");
    DocTable cohesion{
        {t("指标", "Measure"), t("上年", "Before"), t("本年", "After")}, {}, {false, true, true}};
    cohesion.rows.push_back({t("本地企业数", "Local firms"),
                             grouped(static_cast<double>(d.before.local_firms), 0),
                             grouped(static_cast<double>(d.after.local_firms), 0)});
    cohesion.rows.push_back({t("本地供货关系", "Local links"),
                             grouped(static_cast<double>(d.before.local_links), 0),
                             grouped(static_cast<double>(d.after.local_links), 0)});
    cohesion.rows.push_back({t("本地配套率", "Local sourcing ratio"),
                             percent_text(d.before.local_sourcing_ratio),
                             percent_text(d.after.local_sourcing_ratio)});
    cohesion.rows.push_back({t("最大连通块占比", "Largest component share"),
                             percent_text(d.before.largest_component_share),
                             percent_text(d.after.largest_component_share)});
    table(std::move(cohesion));

    heading("三、缺口变化", "3. Gaps that changed");
    DocTable gaps{{t("变化", "Change"), t("缺口", "Gap")}, {}, {false, false}};
    for (const GapChange& c : d.gap_changes) {
        if (c.change == GapChangeKind::unchanged || d.chain == nullptr) continue;
        const Gap& g = c.after ? *c.after : *c.before;
        gaps.rows.push_back({change_word(c.change, zh), explain(g, *d.chain, {}, d.lang)});
    }
    if (gaps.rows.empty()) {
        paragraph(t("缺口与上年相同。", "The gaps are those of the year before."));
    } else {
        table(std::move(gaps));
    }

    heading("四、认定条件逐年对照", "4. Criteria, year on year");
    DocTable criteria{{t("条件", "Criterion"), t("上年数值", "Before"), t("上年结论", "Status"),
                       t("本年数值", "After"), t("本年结论", "Status")},
                      {},
                      {false, false, false, false, false}};
    for (const CriterionChange& c : d.criteria) {
        criteria.rows.push_back({c.name, c.value_before, status_text(c.before, c.judgement, d.lang),
                                 c.value_after, status_text(c.after, c.judgement, d.lang)});
    }
    table(std::move(criteria));

    const auto charts = diff_charts(d);
    if (!charts.empty()) {
        heading("五、图示", "5. Charts");
        for (const auto& [file, svg] : charts) {
            DocBlock b;
            b.kind = Kind::figure;
            b.file = file;
            b.svg = svg;
            b.text = file == "output_by_year.svg"
                         ? t("集群产值（按年，红色虚线为认定标准）",
                             "Cluster output by year (red dashed: the programme's threshold)")
                         : t("本地配套率：上年与本年", "Local sourcing ratio, before and after");
            doc.blocks.push_back(std::move(b));
        }
    }
    return doc;
}

std::vector<std::pair<std::string, std::string>> diff_charts(const DiffReport& d) {
    const bool zh = d.lang == "zh";
    std::vector<std::pair<std::string, std::string>> charts;
    if (!d.output_by_year.empty()) {
        std::vector<ChartBar> bars;
        for (const auto& [year, value] : d.output_by_year) {
            bars.push_back({std::to_string(year), value / 1e4,
                            amount_text(value, d.lang, d.output_threshold)});
        }
        std::optional<double> line;
        std::string line_label;
        if (d.output_threshold) {
            line = *d.output_threshold / 1e4;
            line_label = zh ? fmt::format("标准 {:g}亿元", *line)
                            : fmt::format("threshold {:g} bn yuan", *d.output_threshold / 1e5);
        }
        charts.emplace_back(
            "output_by_year.svg",
            bar_chart_svg(zh ? "集群产值（亿元）" : "Cluster output", bars, line, line_label));
    }
    std::vector<ChartBar> sourcing = {{zh ? "上年" : "before", d.before.local_sourcing_ratio,
                                       percent_text(d.before.local_sourcing_ratio)},
                                      {zh ? "本年" : "after", d.after.local_sourcing_ratio,
                                       percent_text(d.after.local_sourcing_ratio)}};
    charts.emplace_back("local_sourcing.svg",
                        bar_chart_svg(zh ? "本地配套率" : "Local sourcing ratio", sourcing));
    return charts;
}

}  // namespace icn
