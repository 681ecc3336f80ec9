// SPDX-License-Identifier: MIT
#include "viz/dot_writer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

namespace icn {

std::string dot_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\r') continue;
        out += c;
    }
    out += '"';
    return out;
}

namespace {

struct Status {
    const char* key;
    const char* fill;
    const char* zh;
    const char* en;
};
constexpr Status kOk{"ok", "#cfe8cf", "完整", "ok"};
constexpr Status kWeak{"weak", "#ffe08a", "弱链", "weak"};
constexpr Status kMissing{"missing", "#f4a6a6", "缺链", "missing"};
constexpr Status kDependent{"dependent", "#b9d4f1", "外部依赖", "dependent"};

const char* tier_label(int stage, bool zh) {
    switch (stage) {
        case 1:
            return zh ? "上游" : "Upstream";
        case 2:
            return zh ? "中游" : "Midstream";
        case 3:
            return zh ? "下游" : "Downstream";
        default:
            return nullptr;
    }
}

std::string header(std::string_view name, std::string_view rankdir) {
    return fmt::format(
        "digraph {} {{\n  graph [rankdir={}, fontname={}, fontsize=12, nodesep=0.25, "
        "ranksep=0.6, pad=0.2];\n  node [fontname={}, fontsize=11, shape=box, "
        "style=\"rounded,filled\", "
        "fillcolor=\"#ffffff\", color=\"#555555\"];\n  edge [fontname={}, fontsize=9, "
        "color=\"#777777\"];\n",
        name, rankdir, dot_quote(kDiagramFont), dot_quote(kDiagramFont), dot_quote(kDiagramFont));
}

}  // namespace

std::string chain_dot(const ReportInput& in) {
    const ChainTemplate& chain = in.context.chain;
    const bool zh = in.lang == "zh";
    std::vector<const Status*> status(chain.segments.size(), &kOk);
    std::set<std::pair<std::uint32_t, std::uint32_t>> broken;
    for (const Gap& g : in.results.gaps.gaps) {
        switch (g.kind) {
            case GapKind::missing:
                status[g.segment] = &kMissing;
                break;
            case GapKind::weak:
                status[g.segment] = &kWeak;
                break;
            case GapKind::dependent:
                if (status[g.segment] == &kOk) status[g.segment] = &kDependent;
                break;
            case GapKind::broken:
                broken.emplace(g.segment, g.to);
                break;
        }
    }
    std::string dot = header("chain", "LR");
    dot += fmt::format("  label={};\n  labelloc=t;\n  fontsize=14;\n",
                       dot_quote(zh ? fmt::format("{}：环节状态与本地企业数",
                                                  chain.title.empty() ? chain.id : chain.title)
                                    : fmt::format("{}: segment status and local firms",
                                                  chain.title.empty() ? chain.id : chain.title)));
    // Segments by stage: a cluster per tier.
    std::map<int, std::vector<std::uint32_t>> by_stage;
    for (std::uint32_t s = 0; s < chain.segments.size(); ++s)
        by_stage[chain.segments[s].stage].push_back(s);
    for (const auto& [stage, segments] : by_stage) {
        const char* tier = tier_label(stage, zh);
        dot += fmt::format(
            "  subgraph cluster_stage{} {{\n    label={};\n    style=\"rounded,dashed\";\n    "
            "color=\"#bbbbbb\";\n",
            stage,
            dot_quote(tier ? tier : fmt::format(fmt::runtime(zh ? "第{}级" : "Stage {}"), stage)));
        for (std::uint32_t s : segments) {
            const std::size_t local = in.context.selection.local_by_segment[s].size();
            const Status* st = status[s];
            const std::string label = fmt::format("{}\n{}", segment_name(chain, s, in.lang),
                                                  zh ? fmt::format("本地{}家 · {}", local, st->zh)
                                                     : fmt::format("{} local · {}", local, st->en));
            dot += fmt::format(
                "    s{} [label={}, fillcolor=\"{}\"{}];\n", s, dot_quote(label), st->fill,
                st == &kMissing ? ", style=\"rounded,filled,dashed\", penwidth=2, color=\"#b22222\""
                                : "");
        }
        dot += "  }\n";
    }
    for (const Flow& flow : chain.flows) {
        if (broken.count({flow.from, flow.to})) {
            dot += fmt::format(
                "  s{} -> s{} [color=\"#d62728\", style=dashed, penwidth=2.2, label={}, "
                "fontcolor=\"#d62728\"];\n",
                flow.from, flow.to, dot_quote(zh ? "断链" : "broken"));
        } else {
            dot += fmt::format("  s{} -> s{};\n", flow.from, flow.to);
        }
    }
    // Legend.
    dot += fmt::format(
        "  subgraph cluster_legend {{\n    label={};\n    style=rounded;\n    color=\"#999999\";\n",
        dot_quote(zh ? "图例" : "Legend"));
    int k = 0;
    for (const Status* st : {&kOk, &kWeak, &kMissing, &kDependent}) {
        dot += fmt::format(
            "    legend{} [label={}, fillcolor=\"{}\"{}];\n", k, dot_quote(zh ? st->zh : st->en),
            st->fill,
            st == &kMissing ? ", style=\"rounded,filled,dashed\", color=\"#b22222\"" : "");
        ++k;
    }
    dot += fmt::format(
        "    legend_a [label=\"\", shape=point, width=0.05];\n    legend_b [label={}, "
        "shape=plaintext, style=\"\"];\n"
        "    legend_a -> legend_b [color=\"#d62728\", style=dashed, penwidth=2.2];\n",
        dot_quote(zh ? "断链" : "broken flow"));
    dot += "    legend0 -> legend1 -> legend2 -> legend3 [style=invis];\n  }\n}\n";
    return dot;
}

std::string network_dot(const ReportInput& in) {
    const AnalysisContext& ctx = in.context;
    const AnalysisResults& r = in.results;
    const ChainTemplate& chain = ctx.chain;
    const auto& firms = ctx.dataset.firms;
    const bool zh = in.lang == "zh";
    const ClusterSelection& sel = ctx.selection;
    const bool full = sel.local.size() <= kNetworkFullLimit;

    // Firms drawn one by one.
    std::set<std::uint32_t> shown;
    std::set<std::uint32_t> leaders;
    for (std::size_t i = 0; i < r.leaders.ranked.size() && i < 10; ++i) {
        if (r.leaders.ranked[i].acts || r.leaders.ranked[i].designated)
            leaders.insert(r.leaders.ranked[i].firm);
    }
    for (const LeaderEntry& e : r.leaders.ranked) {
        if (e.designated) leaders.insert(e.firm);
    }
    shown.insert(leaders.begin(), leaders.end());
    if (full) shown.insert(sel.local.begin(), sel.local.end());
    std::map<std::uint32_t, int> per_segment;
    for (const AttractCandidate& a : r.recommendations.attract) {
        if (per_segment[a.segment]++ < 3) shown.insert(a.firm);
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> per_flow;
    for (const MatchCandidate& m : r.recommendations.match) {
        if (per_flow[{m.from, m.to}]++ < 3) {
            shown.insert(m.supplier);
            shown.insert(m.customer);
        }
    }
    for (std::size_t i = 0; i < r.resilience.articulation_points.size() && i < 5; ++i) {
        shown.insert(r.resilience.articulation_points[i].firm);
    }
    // Strongest external suppliers of local firms when drawing everything.
    const Network& net = ctx.network;
    if (full) {
        std::vector<std::pair<double, std::uint32_t>> external;
        std::map<std::uint32_t, double> sold;
        for (std::uint32_t f : sel.local) {
            const auto suppliers = net.suppliers(f);
            const auto values = net.in_values(f);
            for (std::size_t k = 0; k < suppliers.size(); ++k) {
                if (!sel.is_local[suppliers[k]]) sold[suppliers[k]] += values[k];
            }
        }
        for (const auto& [firm, value] : sold) external.emplace_back(-value, firm);
        std::sort(external.begin(), external.end());
        for (std::size_t i = 0; i < external.size() && i < 12; ++i)
            shown.insert(external[i].second);
    }

    // A segment with one or two local firms left is drawn firm by firm, not as an aggregate.
    {
        std::map<std::uint32_t, std::vector<std::uint32_t>> rest;
        for (std::uint32_t f : sel.local) {
            if (shown.count(f)) continue;
            const auto& segments = sel.segments[f];
            rest[segments.empty() ? static_cast<std::uint32_t>(chain.segments.size())
                                  : segments.front()]
                .push_back(f);
        }
        for (const auto& [segment, members] : rest) {
            if (members.size() <= 2) shown.insert(members.begin(), members.end());
        }
    }
    // Every local-touching edge maps to (group, group); a group is a shown firm, a segment's
    // aggregate of local firms, or the aggregate of other external firms.
    const auto outside = static_cast<std::uint32_t>(chain.segments.size());
    const auto group_of = [&](std::uint32_t firm) -> std::string {
        if (shown.count(firm)) return fmt::format("f{}", firm);
        if (!sel.is_local[firm]) return "ext_rest";
        const auto& segments = sel.segments[firm];
        return fmt::format("seg{}", segments.empty() ? outside : segments.front());
    };
    std::map<std::string, std::size_t> aggregate_size;
    for (std::uint32_t f : sel.local) {
        if (!shown.count(f)) ++aggregate_size[group_of(f)];
    }
    std::map<std::pair<std::string, std::string>, double> edges;
    for (std::size_t e = 0; e < net.edge_count(); ++e) {
        const std::uint32_t s = net.edge_source(e), t = net.edge_target(e);
        if (!sel.is_local[s] && !sel.is_local[t]) continue;
        if (!sel.is_local[t] && !shown.count(t)) continue;  // sales out of the region: not drawn
        std::string a = group_of(s), b = group_of(t);
        if (a == b) continue;
        edges[{a, b}] += net.edge_value(e);
    }
    std::vector<std::pair<double, std::pair<std::string, std::string>>> strongest;
    for (const auto& [key, value] : edges) strongest.emplace_back(-value, key);
    std::sort(strongest.begin(), strongest.end());
    if (strongest.size() > kNetworkMaxEdges) strongest.resize(kNetworkMaxEdges);
    const double max_value = strongest.empty() ? 1.0 : -strongest.front().first;
    std::set<std::string> used;
    for (const auto& [value, key] : strongest) {
        used.insert(key.first);
        used.insert(key.second);
    }

    std::string dot = header("network", "LR");
    const std::string title =
        zh ? fmt::format("本地企业供应网络（{}家本地企业{}）", sel.local.size(),
                         full ? ""
                              : fmt::format("；图中单列链主、缺口相关企业和关键节点，其余按环节合并"
                                            "，仅画最强的{}条联系",
                                            kNetworkMaxEdges))
           : fmt::format(
                 "Local supply network ({} local firms{})", sel.local.size(),
                 full ? ""
                      : fmt::format("; leaders, firms that matter to the gaps and cut points are "
                                    "drawn, the rest merged per segment; the {} strongest ties",
                                    kNetworkMaxEdges));
    dot += fmt::format("  label={};\n  labelloc=t;\n  fontsize=13;\n", dot_quote(title));

    const auto firm_node = [&](std::uint32_t f) {
        const bool leader = leaders.count(f) > 0;
        const std::string name = firms[f].name;
        if (!sel.is_local[f]) {
            return fmt::format(
                "    f{} [label={}, fillcolor=\"#eeeeee\", color=\"#999999\", "
                "fontcolor=\"#555555\"];\n",
                f, dot_quote(name));
        }
        if (leader) {
            return fmt::format(
                "    f{} [label={}, fillcolor=\"#ffd54f\", color=\"#8d6e00\", penwidth=2.5, "
                "fontsize=13];\n",
                f, dot_quote((zh ? "★ " : "★ ") + name));
        }
        return fmt::format("    f{} [label={}, fillcolor=\"#e3f2fd\"];\n", f, dot_quote(name));
    };
    // Local groups by segment.
    for (std::uint32_t s = 0; s <= outside; ++s) {
        std::string body;
        for (std::uint32_t f : sel.local) {
            const auto& segments = sel.segments[f];
            const std::uint32_t first = segments.empty() ? outside : segments.front();
            if (first == s && shown.count(f) &&
                (full || used.count(fmt::format("f{}", f)) || leaders.count(f))) {
                body += firm_node(f);
            }
        }
        const std::string agg = fmt::format("seg{}", s);
        if (aggregate_size.count(agg) && used.count(agg)) {
            body += fmt::format("    {} [label={}, shape=box3d, fillcolor=\"#bbdefb\"];\n", agg,
                                dot_quote(zh ? fmt::format("其余{}家", aggregate_size[agg])
                                             : fmt::format("{} more firms", aggregate_size[agg])));
        }
        if (body.empty()) continue;
        const std::string label = s == outside ? (zh ? "链外企业" : "Outside the chain")
                                               : segment_name(chain, s, in.lang);
        dot += fmt::format(
            "  subgraph cluster_seg{} {{\n    label={};\n    style=\"rounded\";\n    "
            "color=\"#90caf9\";\n{}  }}\n",
            s, dot_quote(label), body);
    }
    // External firms apart.
    std::string external;
    for (std::uint32_t f : shown) {
        if (!sel.is_local[f] && used.count(fmt::format("f{}", f))) external += firm_node(f);
    }
    if (used.count("ext_rest")) {
        external += fmt::format(
            "    ext_rest [label={}, shape=box3d, fillcolor=\"#eeeeee\", color=\"#999999\"];\n",
            dot_quote(zh ? "其他区外企业" : "Other external firms"));
    }
    if (!external.empty()) {
        dot += fmt::format(
            "  subgraph cluster_external {{\n    label={};\n    style=\"rounded,dashed\";\n    "
            "color=\"#aaaaaa\";\n    fontcolor=\"#666666\";\n{}  }}\n",
            dot_quote(zh ? "区外供应商（灰）" : "External firms (grey)"), external);
    }
    for (const auto& [value, key] : strongest) {
        const double width = 0.6 + 4.4 * std::sqrt(-value / max_value);
        const bool from_outside =
            key.first == "ext_rest" ||
            (key.first[0] == 'f' &&
             !sel.is_local[static_cast<std::uint32_t>(std::stoul(key.first.substr(1)))]);
        dot += fmt::format("  {} -> {} [penwidth={:.2f}{}];\n", key.first, key.second, width,
                           from_outside ? ", color=\"#bbbbbb\"" : "");
    }
    dot += "}\n";
    return dot;
}

}  // namespace icn
