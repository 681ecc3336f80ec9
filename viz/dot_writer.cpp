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

constexpr SegmentStatus kOk{"ok", "#cfe8cf", "完整", "ok"};
constexpr SegmentStatus kWeak{"weak", "#ffe08a", "弱链", "weak"};
constexpr SegmentStatus kMissing{"missing", "#f4a6a6", "缺链", "missing"};
constexpr SegmentStatus kDependent{"dependent", "#b9d4f1", "外部依赖", "dependent"};

}  // namespace

const SegmentStatus& segment_status_ok() { return kOk; }
const SegmentStatus& segment_status_missing() { return kMissing; }

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

std::string dot_header(std::string_view name, std::string_view rankdir) {
    return fmt::format(
        "digraph {} {{\n  graph [rankdir={}, fontname={}, fontsize=12, nodesep=0.25, "
        "ranksep=0.6, pad=0.2];\n  node [fontname={}, fontsize=11, shape=box, "
        "style=\"rounded,filled\", "
        "fillcolor=\"#ffffff\", color=\"#555555\"];\n  edge [fontname={}, fontsize=9, "
        "color=\"#777777\"];\n",
        name, rankdir, dot_quote(kDiagramFont), dot_quote(kDiagramFont), dot_quote(kDiagramFont));
}

ChainStatus chain_status(const ReportInput& in) {
    const ChainTemplate& chain = in.context.chain;
    ChainStatus out;
    out.segments.assign(chain.segments.size(), &kOk);
    for (const Gap& g : in.results.gaps.gaps) {
        switch (g.kind) {
            case GapKind::missing:
                out.segments[g.segment] = &kMissing;
                break;
            case GapKind::weak:
                out.segments[g.segment] = &kWeak;
                break;
            case GapKind::dependent:
                if (out.segments[g.segment] == &kOk) out.segments[g.segment] = &kDependent;
                break;
            case GapKind::broken:
                out.broken.emplace(g.segment, g.to);
                break;
        }
    }
    return out;
}

std::string chain_dot(const ReportInput& in) {
    const ChainTemplate& chain = in.context.chain;
    const bool zh = in.lang == "zh";
    const ChainStatus statuses = chain_status(in);
    const std::vector<const SegmentStatus*>& status = statuses.segments;
    const std::set<std::pair<std::uint32_t, std::uint32_t>>& broken = statuses.broken;
    std::string dot = dot_header("chain", "LR");
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
            const SegmentStatus* st = status[s];
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
    for (const SegmentStatus* st : {&kOk, &kWeak, &kMissing, &kDependent}) {
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

}  // namespace icn
