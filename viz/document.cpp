// SPDX-License-Identifier: MIT
#include "viz/document.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "engine/io/values.hpp"
#include "viz/format.hpp"
#include "viz/html_explorer.hpp"
#include "viz/messages.hpp"
#include "viz/reasons.hpp"

namespace icn {
namespace {

using Kind = DocBlock::Kind;

std::string percent(const std::optional<double>& v) { return percent_text(v); }
std::string decimal(const std::optional<double>& v, int digits = 3) {
    return v ? fmt::format("{:.{}f}", *v, digits) : "—";
}

struct Builder {
    Document doc;
    bool zh;
    const char* t(const char* chinese, const char* english) const { return zh ? chinese : english; }
    void heading(std::string text, int level = 2, std::string section = {}) {
        DocBlock b;
        b.kind = Kind::heading;
        b.level = level;
        b.text = std::move(text);
        b.section = std::move(section);
        doc.blocks.push_back(std::move(b));
    }
    void paragraph(std::string text, Kind kind = Kind::paragraph) {
        DocBlock b;
        b.kind = kind;
        b.text = std::move(text);
        doc.blocks.push_back(std::move(b));
    }
    void bullets(std::vector<std::string> items) {
        DocBlock b;
        b.kind = Kind::bullets;
        b.items = std::move(items);
        doc.blocks.push_back(std::move(b));
    }
    void table(DocTable table) {
        DocBlock b;
        b.kind = Kind::table;
        b.table = std::move(table);
        doc.blocks.push_back(std::move(b));
    }
    void figure(std::string caption, std::string file, std::string svg) {
        DocBlock b;
        b.kind = Kind::figure;
        b.text = std::move(caption);
        b.file = std::move(file);
        b.svg = std::move(svg);
        doc.blocks.push_back(std::move(b));
    }
};

}  // namespace

Document build_report_document(const ReportInput& in, const std::string& chain_svg,
                               const std::string& network_svg,
                               const std::vector<FigureFile>& segment_figures) {
    const AnalysisContext& ctx = in.context;
    const AnalysisResults& r = in.results;
    const ChainTemplate& chain = ctx.chain;
    const auto& firms = ctx.dataset.firms;
    Builder b{{}, in.lang == "zh"};
    b.doc.lang = in.lang;
    const std::string cluster_name = ctx.dataset.cluster && !ctx.dataset.cluster->name.empty()
                                         ? ctx.dataset.cluster->name
                                         : in.dataset;
    const bool named_cluster = cluster_name.find("集群") != std::string::npos;
    b.doc.title =
        b.zh ? fmt::format(fmt::runtime(named_cluster ? "{} 诊断报告" : "{} 产业集群诊断报告"),
                           cluster_name)
             : fmt::format("Cluster diagnosis: {}", cluster_name);
    std::string regions;
    for (const auto& region : in.regions) {
        regions += (regions.empty() ? "" : b.t("、", ", ")) + place_name(in, region);
    }
    b.doc.subtitle = fmt::format(
        fmt::runtime(b.t("产业链模板：{}（{}个环节）· 区域：{} · 本地企业{}家 / 数据集企业{}家 · "
                         "供货关系{}条 · {}",
                         "Chain template: {} ({} segments) · region: {} · {} local firms of {} · "
                         "{} links · {}")),
        chain.title.empty() ? chain.id : chain.title, chain.segments.size(), regions,
        ctx.selection.local.size(), firms.size(), links_in_use(ctx),
        beijing_time(in.stamp.generated_at, in.lang));
    if (!in.skipped_rows.empty()) {
        std::set<std::pair<std::string, std::uint32_t>> rows;
        std::string listed;
        for (const Issue& issue : in.skipped_rows) {
            if (!rows.emplace(issue.file, issue.line).second || rows.size() > 5) continue;
            listed += fmt::format("{}{}:{} {}", listed.empty() ? "" : b.t("；", "; "),
                                  std::filesystem::path(issue.file).filename().string(), issue.line,
                                  issue_message(issue, in.lang));
        }
        b.paragraph(
            fmt::format(fmt::runtime(b.t("按 --skip-bad-rows 跳过了{}行有问题的数据（完整清单见 "
                                         "report.json 的 skipped_rows）：{}{}",
                                         "{} rows with problems were skipped "
                                         "(--skip-bad-rows; the full list is "
                                         "report.json's skipped_rows): {}{}")),
                        rows.size(), listed, rows.size() > 5 ? b.t("……", " ...") : ""),
            Kind::note);
    }
    if (const auto years = link_years(ctx.dataset); years.size() > 1 || ctx.year) {
        std::string list;
        for (std::int32_t y : years)
            list += (list.empty() ? "" : b.t("、", ", ")) + std::to_string(y);
        b.paragraph(ctx.year
                        ? fmt::format(fmt::runtime(b.t("只分析{}年的供货关系（数据含{}年）。",
                                                       "Only the links of {} (the data has "
                                                       "{}).")),
                                      *ctx.year, list)
                        : fmt::format(fmt::runtime(b.t("供货关系含{}年，未指定 --year，各年合计。",
                                                       "The links span {}; without --year "
                                                       "they are summed.")),
                                      list),
                    Kind::note);
    }

    // --- Summary: the three things a planner must know.
    const CohesionReport& c = r.cohesion;
    b.heading(b.t("一、摘要", "1. Summary"), 2, "summary");
    std::vector<std::string> summary;
    summary.push_back(fmt::format(
        fmt::runtime(b.t("集群凝聚度：本地配套率 {}，最大连通块覆盖 {} 的本地企业，链主两步内覆盖 "
                         "{} 的本地中小企业。",
                         "Cohesion: local sourcing {}, the largest connected group holds {} of "
                         "local firms, leaders reach {} of local SMEs within two steps.")),
        percent(c.cluster.local_sourcing_ratio), percent(c.cluster.largest_component_share),
        percent(c.leader_reach)));
    std::vector<const Gap*> by_severity;
    for (const Gap& g : r.gaps.gaps) by_severity.push_back(&g);
    std::stable_sort(by_severity.begin(), by_severity.end(),
                     [](const Gap* x, const Gap* y) { return x->severity > y->severity; });
    if (by_severity.empty()) {
        summary.push_back(b.t(
            "按当前模板与阈值，未发现缺链、弱链、断链或外部依赖。",
            "No missing, weak, broken or dependent segment under this template and thresholds."));
    } else {
        std::string top;
        for (std::size_t i = 0; i < by_severity.size() && i < 3; ++i) {
            top += (i ? b.t("；", "; ") : "") +
                   explain(*by_severity[i], chain, in.options.gaps, in.lang);
        }
        summary.push_back(fmt::format(
            fmt::runtime(b.t("最需要关注的{}个缺口：{}", "The {} most severe gaps: {}")),
            std::min<std::size_t>(3, by_severity.size()), top));
    }
    if (!r.recommendations.attract.empty()) {
        const AttractCandidate& a = r.recommendations.attract.front();
        summary.push_back(fmt::format(
            fmt::runtime(b.t("首要招商对象（{}）：{}。{}", "First firm to attract ({}): {}. {}")),
            segment_name(chain, a.segment, in.lang), firm_label(ctx, a.firm),
            attract_reason(a, in.context.dataset, in.lang)));
    }
    if (!r.recommendations.match.empty()) {
        const MatchCandidate& m = r.recommendations.match.front();
        summary.push_back(
            fmt::format(fmt::runtime(b.t("首要对接：{} → {}。{}", "First match: {} → {}. {}")),
                        firm_label(ctx, m.supplier), firm_label(ctx, m.customer),
                        match_reason(ctx, m, in.lang)));
    }
    b.bullets(summary);
    if (!r.gaps.links_assessed) {
        b.paragraph(b.t("没有任何供货关系涉及本地企业：断链与外部依赖未评估。",
                        "No link touches a local firm: broken and dependent were not assessed."),
                    Kind::note);
    }

    // --- Cohesion.
    b.heading(b.t("二、集群凝聚度", "2. Cohesion"), 2, "cohesion");
    DocTable measures{{b.t("指标", "Measure"), b.t("数值", "Value"), b.t("含义", "Meaning")},
                      {},
                      {false, true, false}};
    const auto row = [&](const char* zh_name, const char* en_name, std::string value,
                         const char* zh_mean, const char* en_mean) {
        measures.rows.push_back({b.t(zh_name, en_name), std::move(value), b.t(zh_mean, en_mean)});
    };
    row("本地企业数", "Local firms", std::to_string(c.cluster.local_firms), "区域内企业",
        "firms in the region");
    row("本地供货关系", "Local links", std::to_string(c.cluster.local_links),
        "本地企业之间的供需对数", "supplier-customer pairs among local firms");
    row("网络密度", "Density", decimal(c.cluster.density, 5), "实际联系 / 可能联系",
        "links / possible links");
    row("本地配套率", "Local sourcing ratio", percent(c.cluster.local_sourcing_ratio),
        "本地企业采购额中来自本地的比例", "share of local firms' purchases bought locally");
    row("最大连通块占比", "Largest component share", percent(c.cluster.largest_component_share),
        "连成一片的最大企业群", "the largest group of connected local firms");
    row("平均聚类系数", "Average clustering", decimal(c.cluster.avg_clustering),
        "合作伙伴之间也相互合作的程度", "how often partners also trade with each other");
    row("链主辐射度", "Leader reach", percent(c.leader_reach), "链主两步以内的本地中小企业比例",
        "local SMEs within two links of a leader");
    row("供应商集中度（HHI中位数）", "Supplier concentration (median HHI)",
        decimal(c.supplier_hhi_median), "越接近1，采购越依赖单一供应商",
        "closer to 1: buying from a single supplier");
    row("互惠度", "Reciprocity", percent(c.reciprocity), "双向供货的联系比例",
        "links that run both ways");
    row("最大核数", "Max k-core", std::to_string(c.max_core), "最紧密核心圈的层级",
        "depth of the densest core");
    row("环节划分模块度", "Segment modularity", decimal(c.segment_modularity),
        "按产业链环节划分的模块化程度", "how much ties stay within segments");
    row("社区数（Leiden）", "Communities (Leiden)", std::to_string(c.communities.count),
        "网络自然形成的企业群", "groups the network forms by itself");
    row("社区与环节一致性（NMI）", "Communities vs segments (NMI)",
        decimal(c.communities.nmi_with_segments), "1表示企业群与环节完全一致",
        "1: groups coincide with segments");
    b.table(measures);
    DocTable segs{{b.t("环节", "Segment"), b.t("本地企业", "Local firms"),
                   b.t("本地联系", "Local links"), b.t("本地配套率", "Local sourcing"),
                   b.t("最大连通块", "Largest component"), b.t("聚类系数", "Clustering")},
                  {},
                  {false, true, true, true, true, true}};
    for (const SegmentCohesion& s : c.segments) {
        segs.rows.push_back(
            {segment_name(chain, s.segment, in.lang), std::to_string(s.measures.local_firms),
             std::to_string(s.measures.local_links), percent(s.measures.local_sourcing_ratio),
             percent(s.measures.largest_component_share), decimal(s.measures.avg_clustering)});
    }
    b.table(segs);

    // --- Leaders.
    b.heading(b.t("三、链主企业", "3. Chain leaders"), 2, "leaders");
    // Without a value column every link counts 1: what is summed is a number of rows, never an
    // amount.
    const bool amounts = ctx.dataset.links_have_value;
    // Link values are in the dataset's unit; people read them in 万元 / 亿元.
    const double to_wan = ctx.dataset.cluster ? ctx.dataset.cluster->unit_in_wan_yuan : 1.0;
    const auto amount = [&](double v) {
        return amounts ? amount_text(v * to_wan, in.lang) : grouped(v, 0);
    };
    const std::string unit = value_unit(ctx.dataset);
    const std::string purchases = amounts ? b.t("本地采购额", "Local purchases")
                                          : b.t("本地采购记录（条）", "Local purchase rows");
    DocTable leaders{{b.t("排名", "Rank"), b.t("企业", "Firm"), b.t("得分", "Score"),
                      b.t("本地供应商", "Local suppliers"), purchases,
                      b.t("认定链主", "Designated"), b.t("发挥作用", "Acts")},
                     {},
                     {true, false, true, true, true, false, false}};
    for (std::size_t i = 0; i < r.leaders.ranked.size() && i < 15; ++i) {
        const LeaderEntry& e = r.leaders.ranked[i];
        leaders.rows.push_back(
            {std::to_string(i + 1), firm_label(ctx, e.firm), fmt::format("{:.3f}", e.score),
             std::to_string(e.components.local_suppliers),
             amount(e.components.local_purchase_value), e.designated ? b.t("是", "yes") : "",
             e.acts ? b.t("是", "yes") : ""});
    }
    b.table(leaders);
    std::vector<std::string> leader_notes;
    for (std::uint32_t f : r.leaders.designated_inactive) {
        leader_notes.push_back(
            fmt::format(fmt::runtime(b.t("已认定但未发挥链主作用：{}",
                                         "Designated but not acting as a leader: {}")),
                        firm_label(ctx, f)));
    }
    for (std::uint32_t f : r.leaders.undesignated_acting) {
        leader_notes.push_back(
            fmt::format(fmt::runtime(b.t("发挥链主作用但未认定：{}",
                                         "Acts as a leader without designation: {}")),
                        firm_label(ctx, f)));
    }
    if (!leader_notes.empty()) b.bullets(leader_notes);

    // --- Gaps.
    b.heading(b.t("四、产业链缺口（缺链 / 弱链 / 断链 / 外部依赖）", "4. Gaps in the chain"), 2,
              "gaps");
    if (r.gaps.gaps.empty()) {
        b.paragraph(b.t("未发现缺口。", "No gap found."));
    } else {
        DocTable gaps{{b.t("类型", "Kind"), b.t("环节", "Segment"), b.t("严重程度", "Severity"),
                       b.t("说明", "Explanation")},
                      {},
                      {false, false, true, false}};
        for (const Gap* g : by_severity) {
            const char* kind = g->kind == GapKind::missing  ? b.t("缺链", "missing")
                               : g->kind == GapKind::weak   ? b.t("弱链", "weak")
                               : g->kind == GapKind::broken ? b.t("断链", "broken")
                                                            : b.t("外部依赖", "dependent");
            std::string where = segment_name(chain, g->segment, in.lang);
            if (g->kind == GapKind::broken) where += " → " + segment_name(chain, g->to, in.lang);
            gaps.rows.push_back({kind, where, fmt::format("{:.2f}", g->severity),
                                 explain(*g, chain, in.options.gaps, in.lang)});
        }
        b.table(gaps);
    }

    // --- Recommendations.
    b.heading(b.t("五、招商补链与融通对接建议", "5. Whom to attract and whom to match"), 2,
              "recommendations");
    if (!r.recommendations.attract.empty()) {
        b.heading(b.t("招商补链（区外企业，按对本地供货强度排序）",
                      "Attract (external firms, by how much they already serve local firms)"),
                  3);
        DocTable attract{{b.t("环节", "Segment"), b.t("企业", "Firm"), b.t("所在地区", "Region"),
                          b.t("得分", "Score"), b.t("理由", "Reason")},
                         {},
                         {false, false, false, true, false}};
        for (const AttractCandidate& a : r.recommendations.attract) {
            attract.rows.push_back({segment_name(chain, a.segment, in.lang),
                                    firm_label(ctx, a.firm), place_name(in, firms[a.firm].region),
                                    fmt::format("{:.3f}", a.score),
                                    attract_reason(a, in.context.dataset, in.lang)});
        }
        b.table(attract);
    }
    if (!r.recommendations.match.empty()) {
        b.heading(b.t("融通对接（大手拉小手：断链两端的本地企业）",
                      "Match (local firms on both sides of a broken flow)"),
                  3);
        DocTable match{{b.t("供方", "Supplier"), b.t("需方", "Customer"), b.t("得分", "Score"),
                        b.t("理由", "Reason")},
                       {},
                       {false, false, true, false}};
        for (const MatchCandidate& m : r.recommendations.match) {
            match.rows.push_back({firm_label(ctx, m.supplier), firm_label(ctx, m.customer),
                                  fmt::format("{:.3f}", m.score), match_reason(ctx, m, in.lang)});
        }
        b.table(match);
    }
    if (r.recommendations.attract.empty() && r.recommendations.match.empty()) {
        b.paragraph(b.t("没有需要招商或对接的缺口。", "No gap calls for attraction or matching."));
    }

    // --- 延链: sectors linked to the chain in the input-output table (with --io).
    if (in.extension != nullptr && in.io_table != nullptr) {
        const ChainExtension& e = *in.extension;
        const IoTable& t = *in.io_table;
        b.heading(b.t("延链方向（投入产出表，行业层面）",
                      "Where the chain can grow (input-output table, sector level)"),
                  3);
        b.paragraph(
            fmt::format(
                fmt::runtime(b.t("依据 {}：与模板所含行业（{}个）关联最紧、而模板没有的行业。"
                                 "强度为完全消耗系数（列昂惕夫逆矩阵）对模板行业的平均值。"
                                 "这是行业层面的证据，不是企业层面的；具体招引对象见上面的招商"
                                 "补链名单。",
                                 "From {}: the industries most tied to the template's ({} "
                                 "sectors) that the template lacks; strength is the mean total "
                                 "requirement (Leontief inverse) over the template's sectors. "
                                 "Sector-level evidence, not firm-level: whom to approach is the "
                                 "attract list above.")),
                t.display, e.template_sectors.size()),
            Kind::note);
        const auto name = [&](std::size_t k) {
            return t.codes[k] + " " + (b.zh ? t.names_zh[k] : t.names_en[k]);
        };
        for (const auto& [list, zh_title, en_title] :
             {std::tuple{&e.upstream, "上游：可补的供应行业（本产业链完全消耗其产品最多）",
                         "Upstream: industries whose output the chain needs most"},
              std::tuple{&e.downstream, "下游：可延伸的应用行业（最需要本产业链产品的行业）",
                         "Downstream: industries that need the chain's output most"}}) {
            if (list->empty()) continue;
            b.paragraph(b.t(zh_title, en_title));
            DocTable table{{b.t("行业", "Sector"), b.t("强度", "Strength"),
                            b.t("关联最紧的模板行业", "Most linked template sector"),
                            b.t("关键行业", "Key sector")},
                           {},
                           {false, true, false, false}};
            for (const ExtensionCandidate& candidate : *list) {
                const bool key =
                    in.io_linkages != nullptr && in.io_linkages->sectors[candidate.sector].key;
                table.rows.push_back(
                    {name(candidate.sector), fmt::format("{:.4f}", candidate.strength),
                     fmt::format("{} ({:.4f})", name(candidate.via), candidate.via_strength),
                     key ? b.t("是", "yes") : ""});
            }
            b.table(table);
        }
    }

    // --- Resilience.
    const ResilienceReport& res = r.resilience;
    b.heading(b.t("六、韧性：关键节点与单一来源", "6. Resilience: cut points and single sources"),
              2, "resilience");
    b.paragraph(fmt::format(
        fmt::runtime(b.t("本地网络中有{}家关键节点企业（其退出会使其他本地企业与主体断开）、{}"
                         "条关键联系；{}处本地企业对某一环节只有单一供应来源。",
                         "The local network has {} cut-point firms (their exit cuts other local "
                         "firms off), {} bridge links, and {} single-source dependencies.")),
        res.articulation_points.size(), res.bridges.size(), res.single_sources.size()));
    if (!res.articulation_points.empty()) {
        DocTable cut{{b.t("企业", "Firm"),
                      b.t("退出后断开的本地企业数", "Local firms cut off if it leaves")},
                     {},
                     {false, true}};
        for (std::size_t i = 0; i < res.articulation_points.size() && i < 10; ++i) {
            cut.rows.push_back({firm_label(ctx, res.articulation_points[i].firm),
                                std::to_string(res.articulation_points[i].cut_off)});
        }
        b.table(cut);
    }
    if (!res.single_sources.empty()) {
        DocTable single{{b.t("采购企业", "Customer"), b.t("环节", "Segment"),
                         b.t("唯一供应商", "Only supplier"),
                         amounts ? b.t("金额", "Value") : b.t("供货记录（条）", "Supply rows")},
                        {},
                        {false, false, false, true}};
        for (std::size_t i = 0; i < res.single_sources.size() && i < 10; ++i) {
            const SingleSource& s = res.single_sources[i];
            single.rows.push_back({firm_label(ctx, s.customer),
                                   segment_name(chain, s.segment, in.lang),
                                   firm_label(ctx, s.supplier) +
                                       (s.supplier_local ? "" : b.t("（区外）", " (external)")),
                                   amount(s.value)});
        }
        b.table(single);
    }

    // --- Diagrams.
    b.heading(b.t("七、图示", "7. Diagrams"), 2, "diagrams");
    b.figure(b.t("产业链图谱：绿色完整，黄色弱链，红色虚框缺链，蓝色外部依赖；红色虚线为断链。",
                 "Chain map: green ok, yellow weak, red dashed missing, blue dependent; red dashed "
                 "arrows are broken flows."),
             "chain.svg", chain_svg);
    b.figure(
        b.t("本地供应网络：从左到右为上游、中游、下游，每个方框是一个环节（红色虚框缺链，黄色弱链，"
            "蓝色外部依赖）。★ 为数据中认定的链主，◆ 为未认定但按网络得分发挥链主作用的企业；"
            "灰色为区外企业；箭头为环节之间的供货，线越粗金额越大；红色虚线为断链。",
            "Local supply network, upstream to downstream from left to right; each box is a "
            "segment (red dashed missing, yellow weak, blue dependent). ★ marks leaders "
            "designated in the data, ◆ firms acting as leaders by their network scores "
            "without the designation; grey firms are external; arrows are supply between "
            "segments, thicker for more value; red dashed arrows are broken flows."),
        "network.svg", network_svg);
    if (!segment_figures.empty()) {
        b.heading(b.t("缺口环节的局部网络", "The segments with gaps, one by one"), 3);
        for (const FigureFile& f : segment_figures) b.figure(f.caption, f.file, f.svg);
    }

    // --- Diagnostics for applications.
    if (in.diagnostics != nullptr) {
        b.heading(
            b.t("八、特色产业集群认定条件自评", "8. Diagnostics against the programme's criteria"),
            2, "diagnostics");
        b.paragraph(fmt::format(
            fmt::runtime(
                b.t("评价标准：{}（{}）。“数据不足”表示缺少计算所需的数据，并写明所缺内容；"
                    "描述性条件需规划人员结合证据判断。",
                    "Standard: {} ({}). 'unknown' means the data needed is missing (the reason "
                    "says what); "
                    "descriptive aspects need a planner's judgement on the evidence given.")),
            in.diagnostics->standard, in.diagnostics->file));
        DocTable diag{
            {b.t("条件", "Criterion"), b.t("集群数值", "Cluster value"), b.t("标准", "Threshold"),
             b.t("结论", "Status"), b.t("说明与建议", "Notes and advice"), b.t("依据", "Source")},
            {},
            {false, false, false, false, false, false}};
        for (const CriterionResult& result : in.diagnostics->criteria) {
            const Criterion& criterion = *result.criterion;
            const char* status = status_text(result.status, result.judgement, in.lang);
            std::string notes;
            if (!result.evidence.text.empty())
                notes += b.t("证据：", "Evidence: ") + message_text(result.evidence, in.lang) + " ";
            if (!result.reason.text.empty() && !result.judgement)
                notes += message_text(result.reason, in.lang) + " ";
            if (result.status != CriterionStatus::pass)
                notes += b.zh ? criterion.advice_zh : criterion.advice_en;
            diag.rows.push_back(
                {b.zh ? criterion.name_zh
                      : (criterion.name_en.empty() ? criterion.name_zh : criterion.name_en),
                 criterion_value_text(result, in.lang), threshold_text(criterion, in.lang), status,
                 notes, criterion.source});
        }
        b.table(diag);
    }

    // --- Firm directory and firm pages (explorable in report.html).
    // The directory's data (firm pages) is attached by the HTML writer's caller when it writes
    // HTML (viz/report_files): Markdown, Word and JSON do not need it.
    b.heading(in.diagnostics != nullptr ? b.t("九、企业名录与企业画像", "9. Firm directory")
                                        : b.t("八、企业名录与企业画像", "8. Firm directory"),
              2, "directory");
    DocBlock explorer;
    explorer.kind = Kind::explorer;
    b.doc.blocks.push_back(std::move(explorer));

    // --- Method and data.
    b.heading(b.t("附：数据与方法", "Appendix: data and method"), 2, "appendix");
    std::vector<std::string> inputs;
    for (const InputFile& f : in.stamp.inputs) {
        inputs.push_back(
            fmt::format("{} ({}, sha256 {})", f.display, f.encoding, f.sha256.substr(0, 16)));
    }
    b.bullets(inputs);
    b.paragraph(
        fmt::format(
            fmt::runtime(b.t("ICN {} 生成；命令：{}。指标定义见项目 "
                             "docs/algorithms/。金额单位与数据集一致（默认万元）。",
                             "Made by ICN {}; command: {}. Definitions: the project's "
                             "docs/algorithms/. Values are in the dataset's unit (default 万元).")),
            in.stamp.version, in.stamp.command_line),
        Kind::note);
    return b.doc;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += ch;
        }
    }
    return out;
}

namespace {

// An SVG document without its XML prolog and DOCTYPE, to sit inside HTML.
std::string inline_svg(const std::string& svg) {
    const auto start = svg.find("<svg");
    return start == std::string::npos ? std::string() : svg.substr(start);
}

constexpr const char* kCss = R"(
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #0b6e4f; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei", sans-serif;
       color: var(--ink); max-width: 1100px; margin: 0 auto; padding: 24px 32px 64px; line-height: 1.6; font-size: 15px; }
h1 { font-size: 26px; margin: 0 0 4px; color: var(--accent); }
.subtitle { color: var(--muted); font-size: 13px; margin-bottom: 24px; }
h2 { font-size: 20px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-top: 36px; }
h3 { font-size: 16px; margin-top: 20px; }
table { border-collapse: collapse; width: 100%; margin: 12px 0 20px; font-size: 13.5px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f0f4f8; }
td.short { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:nth-child(even) td { background: #fafcfe; }
ul.summary li { margin: 6px 0; }
.note { color: var(--muted); font-size: 13px; }
figure { margin: 16px 0 28px; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; border: 1px solid var(--line); }
figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; }
a.firm { color: var(--accent); text-decoration: none; border-bottom: 1px dotted var(--accent); }
a.firm.external { color: #616161; border-bottom-color: #9e9e9e; }
th.sortable { cursor: pointer; user-select: none; }
th.sortable::after { content: " ↕"; color: #9aa5b1; font-size: 11px; }
th[aria-sort="ascending"]::after { content: " ▲"; color: var(--accent); }
th[aria-sort="descending"]::after { content: " ▼"; color: var(--accent); }
#firm-search { width: 100%; padding: 8px 10px; font-size: 15px; border: 1px solid #9fb3c8; border-radius: 6px; }
#firm-page { position: fixed; inset: 0; overflow: auto; background: #fff; z-index: 10; padding: 24px max(32px, calc(50% - 518px)) 64px; }
#firm-page .back { display: inline-block; margin-bottom: 8px; color: var(--accent); text-decoration: none; }
#firm-page h2 { margin-top: 8px; }
table.facts { width: auto; min-width: 50%; }
table.facts th { width: 12em; font-weight: normal; color: var(--muted); }
body.paged { overflow: hidden; }
@page { size: A4; margin: 16mm 14mm; }
@media print { #directory, #directory-box, #firm-page { display: none !important; } th.sortable::after { content: ""; } a.firm { border: none; color: inherit; } }
@media print { body { max-width: none; padding: 0; font-size: 11.5px; } h2 { break-before: page; page-break-after: avoid; } h2:first-of-type { break-before: auto; } table { page-break-inside: auto; } tr { page-break-inside: avoid; } figure svg { max-height: 240mm; } }
)";

}  // namespace

std::string to_html(const Document& doc) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta "
        "name=\"viewport\" "
        "content=\"width=device-width, "
        "initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n"
        "<h1>{}</h1>\n<div class=\"subtitle\">{}</div>\n",
        doc.lang == "zh" ? "zh-CN" : "en", html_escape(doc.title), kCss, html_escape(doc.title),
        html_escape(doc.subtitle));
    out += "<main>\n";
    const auto linked = [&](const std::string& text) {
        return doc.directory ? link_firms(html_escape(text), *doc.directory) : html_escape(text);
    };
    bool first_bullets = true;
    for (const DocBlock& block : doc.blocks) {
        switch (block.kind) {
            case Kind::heading:
                out += block.section.empty()
                           ? fmt::format("<h{0}>{1}</h{0}>\n", block.level, html_escape(block.text))
                           : fmt::format("<h{0} id=\"{2}\">{1}</h{0}>\n", block.level,
                                         html_escape(block.text), html_escape(block.section));
                break;
            case Kind::explorer:
                if (doc.directory) out += explorer_html(*doc.directory);
                break;
            case Kind::paragraph:
                out += "<p>" + linked(block.text) + "</p>\n";
                break;
            case Kind::note:
                out += "<p class=\"note\">" + linked(block.text) + "</p>\n";
                break;
            case Kind::bullets:
                out += first_bullets ? "<ul class=\"summary\">\n" : "<ul>\n";
                first_bullets = false;
                for (const auto& item : block.items) out += "<li>" + linked(item) + "</li>\n";
                out += "</ul>\n";
                break;
            case Kind::table: {
                out += "<table>\n<thead><tr>";
                for (const auto& h : block.table.header) out += "<th>" + html_escape(h) + "</th>";
                out += "</tr></thead>\n<tbody>\n";
                for (const auto& row : block.table.rows) {
                    out += "<tr>";
                    for (std::size_t i = 0; i < row.size(); ++i) {
                        const bool num = i < block.table.numeric.size() && block.table.numeric[i];
                        // A short text (达标, 待判断, 大型) never wraps a character per line.
                        const bool short_text = utf8_code_points(row[i]).size() <= 6;
                        out += (num ? "<td class=\"num\">"
                                    : (short_text ? "<td class=\"short\">" : "<td>")) +
                               linked(row[i]) + "</td>";
                    }
                    out += "</tr>\n";
                }
                out += "</tbody>\n</table>\n";
                break;
            }
            case Kind::figure:
                out += "<figure>\n" +
                       (block.svg.empty() ? "<p class=\"note\">(diagram not rendered)</p>"
                                          : inline_svg(block.svg)) +
                       "\n<figcaption>" + html_escape(block.text) + "</figcaption>\n</figure>\n";
                break;
        }
    }
    out += "</main>\n</body>\n</html>\n";
    return out;
}

std::string markdown_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        switch (ch) {
            case '\r':
            case '\n':
                // A name's line break would end a table row or start a new block.
                if (!(ch == '\n' && i > 0 && text[i - 1] == '\r')) out += ' ';
                continue;
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";  // no raw HTML (<script>, <img>) and no <autolink:...>
                break;
            case '>':
                out += "&gt;";
                break;
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '(':
            case ')':
            case '|':
            case '~':
            case '!':
                out += '\\';  // no emphasis, code, link, image or table cell from a name
                out += ch;
                break;
            case '#':
            case '+':
            case '-':
            case '=':
                if (line_start) out += '\\';  // no heading, list or setext line
                out += ch;
                break;
            default:
                out += ch;
        }
        line_start = false;
    }
    // "1. name" would start an ordered list.
    std::size_t digits = 0;
    while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
    if (digits > 0 && digits + 1 < out.size() && (out[digits] == '.' || out[digits] == ')') &&
        (out[digits + 1] == ' ' || out[digits + 1] == '\t')) {
        out.insert(digits, "\\");
    }
    return out;
}

std::string to_markdown(const Document& doc) {
    const auto cell = [](const std::string& text) { return markdown_escape(text); };
    std::string out =
        "# " + markdown_escape(doc.title) + "\n\n" + markdown_escape(doc.subtitle) + "\n\n";
    for (const DocBlock& block : doc.blocks) {
        switch (block.kind) {
            case Kind::heading:
                out += std::string(static_cast<std::size_t>(block.level), '#') + " " +
                       markdown_escape(block.text) + "\n\n";
                break;
            case Kind::paragraph:
                out += markdown_escape(block.text) + "\n\n";
                break;
            case Kind::note:
                out += "> " + markdown_escape(block.text) + "\n\n";
                break;
            case Kind::bullets:
                for (const auto& item : block.items) out += "- " + markdown_escape(item) + "\n";
                out += "\n";
                break;
            case Kind::table: {
                out += "|";
                for (const auto& h : block.table.header) out += " " + cell(h) + " |";
                out += "\n|";
                for (std::size_t i = 0; i < block.table.header.size(); ++i) {
                    const bool num = i < block.table.numeric.size() && block.table.numeric[i];
                    out += num ? " ---: |" : " --- |";
                }
                out += "\n";
                for (const auto& row : block.table.rows) {
                    out += "|";
                    for (const auto& value : row) out += " " + cell(value) + " |";
                    out += "\n";
                }
                out += "\n";
                break;
            }
            case Kind::figure:
                out += "![" + markdown_escape(block.text) + "](" + block.file + ")\n\n";
                break;
            case Kind::explorer:
                out +=
                    markdown_escape(doc.lang == "zh"
                                        ? "企业名录（可搜索）与企业画像见 report.html；全部企业见 "
                                          "report.xlsx。"
                                        : "The searchable firm directory and firm pages are in "
                                          "report.html; every firm is in report.xlsx.") +
                    "\n\n";
                break;
        }
    }
    return out;
}

}  // namespace icn
