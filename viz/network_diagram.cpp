// SPDX-License-Identifier: MIT
#include "viz/network_diagram.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "viz/dot_writer.hpp"
#include "viz/format.hpp"

namespace icn {
namespace {

constexpr const char* kExternalGrey = "#9e9e9e";

// The firms a diagram marks: designated leaders (★) and firms acting as leaders without the
// designation (◆).
struct Leaders {
    std::set<std::uint32_t> designated;
    std::set<std::uint32_t> acting;
};

Leaders leaders_of(const ReportInput& in) {
    Leaders l;
    for (const LeaderEntry& e : in.results.leaders.ranked) {
        if (e.designated) {
            l.designated.insert(e.firm);
        } else if (e.acts) {
            l.acting.insert(e.firm);
        }
    }
    return l;
}

// The segment a local firm is drawn in: its first listed segment, or `outside` for none.
std::uint32_t drawn_segment(const ReportInput& in, std::uint32_t firm) {
    const auto& segments = in.context.selection.segments[firm];
    return segments.empty() ? static_cast<std::uint32_t>(in.context.chain.segments.size())
                            : segments.front();
}

std::string firm_node(const ReportInput& in, const Leaders& leaders, std::uint32_t firm,
                      std::string_view prefix = {}) {
    const std::string& name = in.context.dataset.firms[firm].name;
    if (!in.context.selection.is_local[firm]) {
        return fmt::format(
            "    f{} [label={}, fillcolor=\"#f2f2f2\", color=\"{}\", fontcolor=\"#555555\"];\n",
            firm, dot_quote(std::string(prefix) + name), kExternalGrey);
    }
    if (leaders.designated.count(firm)) {
        return fmt::format(
            "    f{} [label={}, fillcolor=\"#ffd54f\", color=\"#8d6e00\", penwidth=2.5];\n", firm,
            dot_quote("★ " + name));
    }
    if (leaders.acting.count(firm)) {
        return fmt::format(
            "    f{} [label={}, fillcolor=\"#fff3e0\", color=\"#e65100\", penwidth=2, "
            "style=\"rounded,filled,dashed\"];\n",
            firm, dot_quote("◆ " + name));
    }
    return fmt::format("    f{} [label={}, fillcolor=\"#e3f2fd\"];\n", firm, dot_quote(name));
}

double edge_width(double value, double max_value) {
    return 0.8 + 5.2 * std::sqrt(std::max(0.0, value) / std::max(max_value, 1e-300));
}

std::string segment_label(const ReportInput& in, std::uint32_t s, const ChainStatus& status) {
    const bool zh = in.lang == "zh";
    const std::size_t local = in.context.selection.local_by_segment[s].size();
    const SegmentStatus* st = status.segments[s];
    return zh ? fmt::format("{}（本地{}家 · {}）", segment_name(in.context.chain, s, in.lang),
                            local, st->zh)
              : fmt::format("{} ({} local · {})", segment_name(in.context.chain, s, in.lang), local,
                            st->en);
}

std::string cluster_style(const SegmentStatus* st) {
    if (st == &segment_status_missing()) {
        return fmt::format(
            "style=\"rounded,dashed,filled\"; color=\"#b22222\"; penwidth=2; "
            "fillcolor=\"{}40\";",
            st->fill);
    }
    if (st == &segment_status_ok()) return "style=\"rounded\"; color=\"#90a4ae\";";
    return fmt::format("style=\"rounded,filled\"; color=\"#616161\"; fillcolor=\"{}66\";",
                       st->fill);
}

// Gap kinds of a segment, in words: "缺链、断链".
std::string gap_words(const ReportInput& in, std::uint32_t s) {
    const bool zh = in.lang == "zh";
    std::set<int> kinds;
    for (const Gap& g : in.results.gaps.gaps) {
        if (g.segment == s || (g.kind == GapKind::broken && g.to == s))
            kinds.insert(static_cast<int>(g.kind));
    }
    std::string out;
    for (const int k : kinds) {
        out += (out.empty() ? "" : (zh ? "、" : ", ")) +
               std::string(gap_kind_text(static_cast<GapKind>(k), in.lang));
    }
    return out;
}

}  // namespace

std::string safe_file_part(std::string_view id) {
    std::string out;
    for (const char c : id) {
        if (out.size() >= 40) break;
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_';
        out += keep ? c : '_';
    }
    return out;
}

std::vector<SegmentView> segment_views(const ReportInput& in) {
    std::set<std::uint32_t> with_gaps;
    for (const Gap& g : in.results.gaps.gaps) {
        with_gaps.insert(g.segment);
        if (g.kind == GapKind::broken) with_gaps.insert(g.to);
    }
    std::vector<SegmentView> views;
    for (const std::uint32_t s : with_gaps) {
        const std::string part = safe_file_part(in.context.chain.segments[s].id);
        views.push_back(
            {s, fmt::format("network-{:02}{}{}", s + 1, part.empty() ? "" : "-", part)});
    }
    return views;
}

std::string network_dot(const ReportInput& in) {
    const AnalysisContext& ctx = in.context;
    const AnalysisResults& r = in.results;
    const ChainTemplate& chain = ctx.chain;
    const ClusterSelection& sel = ctx.selection;
    const Network& net = ctx.network;
    const bool zh = in.lang == "zh";
    const auto outside = static_cast<std::uint32_t>(chain.segments.size());
    const ChainStatus status = chain_status(in);
    const Leaders leaders = leaders_of(in);

    // Firms named in their segment's box, in the order of what they are: designated leaders
    // (always), then acting leaders, the two ends of broken flows' matches, cut points, up to
    // kNetworkNamedPerSegment per box.
    std::map<std::uint32_t, std::vector<std::uint32_t>> named;
    std::set<std::uint32_t> shown;
    const auto name = [&](std::uint32_t firm, bool always) {
        if (!sel.is_local[firm] || shown.count(firm)) return;
        auto& list = named[drawn_segment(in, firm)];
        if (!always && list.size() >= kNetworkNamedPerSegment) return;
        list.push_back(firm);
        shown.insert(firm);
    };
    for (const std::uint32_t f : leaders.designated) name(f, true);
    for (const LeaderEntry& e : r.leaders.ranked) {
        if (leaders.acting.count(e.firm)) name(e.firm, false);
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> per_flow;
    for (const MatchCandidate& m : r.recommendations.match) {
        if (per_flow[{m.from, m.to}]++ < 2) {
            name(m.supplier, false);
            name(m.customer, false);
        }
    }
    for (std::size_t i = 0; i < r.resilience.articulation_points.size() && i < 3; ++i) {
        name(r.resilience.articulation_points[i].firm, false);
    }
    // Whom to attract into a missing segment: its two strongest candidates.
    std::map<std::uint32_t, std::vector<std::uint32_t>> attract;
    for (const AttractCandidate& a : r.recommendations.attract) {
        if (status.segments[a.segment] == &segment_status_missing() &&
            attract[a.segment].size() < 2)
            attract[a.segment].push_back(a.firm);
    }
    // Aggregated only where large: every firm is named in a small cluster, and a box whose rest
    // would be one or two firms names them.
    std::map<std::uint32_t, std::vector<std::uint32_t>> rest;
    for (const std::uint32_t f : sel.local) {
        if (!shown.count(f)) rest[drawn_segment(in, f)].push_back(f);
    }
    std::map<std::uint32_t, std::size_t> merged;  // segment -> local firms drawn as "其余N家"
    for (const auto& [segment, firms] : rest) {
        if (sel.local.size() <= kNetworkAllNamedUpTo || firms.size() <= 2) {
            for (const std::uint32_t f : firms) name(f, true);
        } else {
            merged[segment] = firms.size();
        }
    }

    // Supply bundled between groups: a segment's box, or "ext" for every external supplier.
    const auto group_of = [&](std::uint32_t firm) -> std::int64_t {
        return sel.is_local[firm] ? static_cast<std::int64_t>(drawn_segment(in, firm)) : -1;
    };
    // Summed in a dense table over the groups (-1 for outside, then the boxes), reading only the
    // in-edges of local firms: a cluster's millions of links cost one pass, no lookups.
    const std::size_t groups = chain.segments.size() + 2;
    std::vector<std::pair<double, std::size_t>> table(groups * groups, {0.0, 0});
    for (const std::uint32_t t : sel.local) {
        const std::int64_t b = group_of(t);
        const auto suppliers = net.suppliers(t);
        const auto values = net.in_values(t);
        for (std::size_t k = 0; k < suppliers.size(); ++k) {
            const std::int64_t a = group_of(suppliers[k]);
            if (a == b) continue;
            auto& cell =
                table[static_cast<std::size_t>(a + 1) * groups + static_cast<std::size_t>(b + 1)];
            cell.first += values[k];
            ++cell.second;
        }
    }
    std::map<std::pair<std::int64_t, std::int64_t>, std::pair<double, std::size_t>> bundles;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i].second == 0) continue;
        bundles[{static_cast<std::int64_t>(i / groups) - 1,
                 static_cast<std::int64_t>(i % groups) - 1}] = table[i];
    }
    std::vector<std::pair<double, std::pair<std::int64_t, std::int64_t>>> all;
    for (const auto& [key, bundle] : bundles) all.emplace_back(-bundle.first, key);
    std::sort(all.begin(), all.end());
    const std::size_t bundles_total = all.size();
    // The strongest arrows, at most kNetworkMaxExternal of them from outside the region.
    std::vector<std::pair<double, std::pair<std::int64_t, std::int64_t>>> strongest;
    std::size_t from_outside = 0;
    for (const auto& bundle : all) {
        if (strongest.size() >= kNetworkMaxBundles) break;
        if (bundle.second.first < 0 && from_outside++ >= kNetworkMaxExternal) continue;
        strongest.push_back(bundle);
    }
    const double max_value = strongest.empty() ? 1.0 : -strongest.front().first;

    std::string dot = dot_header("network", "LR");
    dot += "  compound=true;\n  newrank=true;\n  ranksep=1.1;\n";
    const std::string title =
        zh ? fmt::format(
                 "本地企业供应网络：{}家本地企业，从左到右为上游、中游、下游；每个方框是一个"
                 "环节，列出链主与缺口相关企业，其余合并；箭头为环节之间的供货，"
                 "线宽表示金额{}",
                 sel.local.size(),
                 bundles_total > strongest.size()
                     ? fmt::format("（画出最强的{}条，共{}条）", strongest.size(), bundles_total)
                     : std::string())
           : fmt::format(
                 "Local supply network: {} local firms, upstream to downstream from left "
                 "to right; each box is a segment with its leaders and the firms the gaps "
                 "name, the rest merged; arrows are supply between segments, width by "
                 "value{}",
                 sel.local.size(),
                 bundles_total > strongest.size()
                     ? fmt::format(" (the {} strongest of {})", strongest.size(), bundles_total)
                     : std::string());
    dot += fmt::format("  label={};\n  labelloc=t;\n  fontsize=14;\n", dot_quote(title));

    // Columns: every node of a stage in one rank (newrank lets rank=same reach into boxes),
    // stages kept in order by invisible arrows; the supply arrows do not move nodes between
    // columns (constraint=false).
    std::map<int, std::vector<std::uint32_t>> by_stage;
    for (std::uint32_t s = 0; s < chain.segments.size(); ++s)
        by_stage[chain.segments[s].stage].push_back(s);
    const bool unassigned = merged.count(outside) || named.count(outside);
    const int last_stage = by_stage.empty() ? 0 : by_stage.rbegin()->first;
    if (unassigned) by_stage[last_stage + 1].push_back(outside);
    std::map<std::int64_t, std::string> representative;  // group -> a node inside its box
    std::vector<std::vector<std::string>> columns;
    std::string placing;

    // External suppliers: one node, leftmost.
    {
        std::size_t external = 0;
        std::vector<bool> seen(net.node_count(), false);
        for (const std::uint32_t f : sel.local) {
            for (const std::uint32_t u : net.suppliers(f)) {
                if (!sel.is_local[u] && !seen[u]) {
                    seen[u] = true;
                    ++external;
                }
            }
        }
        if (external > 0) {
            dot += fmt::format(
                "  subgraph cluster_ext {{\n    label={};\n    style=\"rounded,dashed\";\n    "
                "color=\"{}\";\n    fontcolor=\"#555555\";\n    ext [label={}, shape=box3d, "
                "fillcolor=\"#f2f2f2\", color=\"{}\"];\n  }}\n",
                dot_quote(zh ? "区外" : "Outside the region"), kExternalGrey,
                dot_quote(zh ? fmt::format("区外供应商\n{}家", external)
                             : fmt::format("External suppliers\n{}", external)),
                kExternalGrey);
            representative[-1] = "ext";
            columns.push_back({"ext"});
        }
    }
    for (const auto& [stage, segments] : by_stage) {
        columns.emplace_back();
        const char* tier = tier_label(stage, zh);
        dot += fmt::format(
            "  subgraph cluster_stage{} {{\n    label={};\n    style=\"rounded\";\n    "
            "color=\"#e0e0e0\";\n    fontsize=14;\n    fontcolor=\"#757575\";\n",
            stage,
            dot_quote(stage == last_stage + 1 ? (zh ? "不在模板环节上" : "On no segment")
                      : tier                  ? tier
                             : fmt::format(fmt::runtime(zh ? "第{}级" : "Stage {}"), stage)));
        for (const std::uint32_t s : segments) {
            std::string body;
            std::string first;
            const auto place = [&](const std::string& node) {
                columns.back().push_back(node);
                if (first.empty()) first = node;
            };
            if (const auto it = named.find(s); it != named.end()) {
                for (const std::uint32_t f : it->second) {
                    body += firm_node(in, leaders, f);
                    place(fmt::format("f{}", f));
                }
            }
            if (const auto it = merged.find(s); it != merged.end()) {
                const std::string node = fmt::format("rest{}", s);
                body += fmt::format(
                    "    {} [label={}, shape=box3d, fillcolor=\"#bbdefb\"];\n", node,
                    dot_quote(zh ? fmt::format("{}{}家", named.count(s) ? "其余" : "", it->second)
                                 : fmt::format("{}{} firms", named.count(s) ? "other " : "",
                                               it->second)));
                place(node);
            }
            if (s < outside && sel.local_by_segment[s].empty()) {
                const std::string node = fmt::format("none{}", s);
                body += fmt::format(
                    "    {} [label={}, shape=plaintext, style=\"\", fontcolor=\"#b22222\"];\n",
                    node, dot_quote(zh ? "本地无企业" : "no local firm"));
                place(node);
                for (const std::uint32_t f : attract[s]) {
                    body += firm_node(in, leaders, f, zh ? "招商对象：" : "to attract: ");
                    place(fmt::format("f{}", f));
                }
            }
            if (body.empty()) continue;
            representative[s] = first;
            const std::string label =
                s == outside
                    ? (zh ? fmt::format("链外企业（本地{}家）", merged[s] + named[s].size())
                          : fmt::format("Outside the chain ({})", merged[s] + named[s].size()))
                    : segment_label(in, s, status);
            dot +=
                fmt::format("    subgraph cluster_seg{} {{\n      label={};\n      {}\n{}    }}\n",
                            s, dot_quote(label),
                            s == outside ? "style=\"rounded\"; color=\"#bdbdbd\";"
                                         : cluster_style(status.segments[s]),
                            body);
        }
        dot += "  }\n";
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].empty()) continue;
        placing += "  { rank=same;";
        for (const std::string& node : columns[c]) placing += " " + node + ";";
        placing += " }\n";
        for (std::size_t d = c + 1; d < columns.size(); ++d) {
            if (columns[d].empty()) continue;
            placing +=
                fmt::format("  {} -> {} [style=invis];\n", columns[c].front(), columns[d].front());
            break;
        }
    }
    dot += placing;

    for (const auto& [value, key] : strongest) {
        const auto from = representative.find(key.first);
        const auto to = representative.find(key.second);
        if (from == representative.end() || to == representative.end()) continue;
        const std::string tail =
            key.first < 0 ? "cluster_ext" : fmt::format("cluster_seg{}", key.first);
        const std::string head = fmt::format("cluster_seg{}", key.second);
        dot += fmt::format(
            "  {} -> {} [ltail={}, lhead={}, constraint=false, penwidth={:.2f}, color=\"{}\"];\n",
            from->second, to->second, tail, head, edge_width(-value, max_value),
            key.first < 0 ? "#bdbdbdcc" : "#546e7acc");
    }
    for (const auto& [from, to] : status.broken) {
        const auto a = representative.find(from);
        const auto b = representative.find(to);
        if (a == representative.end() || b == representative.end()) continue;
        dot += fmt::format(
            "  {} -> {} [ltail=cluster_seg{}, lhead=cluster_seg{}, constraint=false, "
            "style=dashed, color=\"#d62728\", penwidth=2.2, label={}, fontcolor=\"#d62728\"];\n",
            a->second, b->second, from, to, dot_quote(zh ? "断链" : "broken"));
    }
    dot += "}\n";
    return dot;
}

std::string segment_network_dot(const ReportInput& in, std::uint32_t segment) {
    const AnalysisContext& ctx = in.context;
    const AnalysisResults& r = in.results;
    const ChainTemplate& chain = ctx.chain;
    const ClusterSelection& sel = ctx.selection;
    const Network& net = ctx.network;
    const bool zh = in.lang == "zh";
    const ChainStatus status = chain_status(in);
    const Leaders leaders = leaders_of(in);

    // The segment's local firms, best leader score first.
    std::vector<std::uint32_t> members;
    std::set<std::uint32_t> member_set(sel.local_by_segment[segment].begin(),
                                       sel.local_by_segment[segment].end());
    for (const LeaderEntry& e : r.leaders.ranked) {
        if (member_set.count(e.firm)) members.push_back(e.firm);
    }
    const std::size_t named_count = std::min(members.size(), kSegmentViewFirms);
    const std::set<std::uint32_t> named(members.begin(),
                                        members.begin() + static_cast<std::ptrdiff_t>(named_count));
    const auto inner = [&](std::uint32_t f) {
        return named.count(f) ? fmt::format("f{}", f) : std::string("rest");
    };
    // Partners outside the segment, grouped: a local firm by its segment, an external supplier
    // by name when among the five largest, else all other external suppliers / customers.
    std::map<std::uint32_t, double> external_in;
    for (const std::uint32_t f : members) {
        const auto suppliers = net.suppliers(f);
        const auto values = net.in_values(f);
        for (std::size_t k = 0; k < suppliers.size(); ++k) {
            if (!sel.is_local[suppliers[k]]) external_in[suppliers[k]] += values[k];
        }
    }
    std::vector<std::pair<double, std::uint32_t>> largest;
    for (const auto& [f, v] : external_in) largest.emplace_back(-v, f);
    std::sort(largest.begin(), largest.end());
    std::set<std::uint32_t> named_external;
    for (std::size_t i = 0; i < largest.size() && i < 5; ++i)
        named_external.insert(largest[i].second);
    const auto outer = [&](std::uint32_t f, bool supplier) -> std::string {
        if (member_set.count(f)) return inner(f);
        if (!sel.is_local[f]) {
            if (supplier && named_external.count(f)) return fmt::format("f{}", f);
            return supplier ? "ext_in" : "ext_out";
        }
        return fmt::format("{}{}", supplier ? "sup" : "cus", drawn_segment(in, f));
    };
    std::map<std::pair<std::string, std::string>, double> edges;
    for (const std::uint32_t f : members) {
        const auto suppliers = net.suppliers(f);
        const auto values = net.in_values(f);
        for (std::size_t k = 0; k < suppliers.size(); ++k) {
            const std::string a = outer(suppliers[k], true), b = inner(f);
            if (a != b) edges[{a, b}] += values[k];
        }
        const auto customers = net.customers(f);
        const auto out_values = net.out_values(f);
        for (std::size_t k = 0; k < customers.size(); ++k) {
            if (member_set.count(customers[k])) continue;  // drawn once, as a supplier edge
            edges[{inner(f), outer(customers[k], false)}] += out_values[k];
        }
    }
    std::vector<std::pair<double, std::pair<std::string, std::string>>> strongest;
    for (const auto& [key, v] : edges) strongest.emplace_back(-v, key);
    std::sort(strongest.begin(), strongest.end());
    const std::size_t edges_total = strongest.size();
    if (strongest.size() > kSegmentViewEdges) strongest.resize(kSegmentViewEdges);
    const double max_value = strongest.empty() ? 1.0 : -strongest.front().first;
    std::set<std::string> used;
    for (const auto& [v, key] : strongest) {
        used.insert(key.first);
        used.insert(key.second);
    }

    std::string dot = dot_header("segment", "LR");
    const std::string name = segment_name(chain, segment, in.lang);
    const std::string gaps = gap_words(in, segment);
    dot += fmt::format(
        "  label={};\n  labelloc=t;\n  fontsize=14;\n  ranksep=1.0;\n",
        dot_quote(zh ? fmt::format("{}（{}）：本地{}家；左为供应商，右为客户，线宽表示金额{}", name,
                                   gaps, members.size(),
                                   edges_total > strongest.size()
                                       ? fmt::format("（画出最强的{}条，共{}条）", strongest.size(),
                                                     edges_total)
                                       : std::string())
                     : fmt::format("{} ({}): {} local firms; suppliers left, customers right, "
                                   "width by value{}",
                                   name, gaps, members.size(),
                                   edges_total > strongest.size()
                                       ? fmt::format(" (the {} strongest of {})", strongest.size(),
                                                     edges_total)
                                       : std::string())));
    // Suppliers (left).
    std::string left, right, middle;
    const auto group_node = [&](const std::string& node, std::uint32_t s) {
        const std::size_t n = sel.local_by_segment.size() > s ? sel.local_by_segment[s].size() : 0;
        const std::string label =
            s < chain.segments.size()
                ? (zh ? fmt::format("{}\n本地{}家", segment_name(chain, s, in.lang), n)
                      : fmt::format("{}\n{} local", segment_name(chain, s, in.lang), n))
                : (zh ? std::string("链外本地企业") : std::string("Local firms on no segment"));
        return fmt::format("    {} [label={}, shape=box3d, fillcolor=\"{}\"];\n", node,
                           dot_quote(label),
                           s < chain.segments.size() ? status.segments[s]->fill : "#eeeeee");
    };
    for (std::uint32_t s = 0; s <= chain.segments.size(); ++s) {
        if (used.count(fmt::format("sup{}", s))) left += group_node(fmt::format("sup{}", s), s);
        if (used.count(fmt::format("cus{}", s))) right += group_node(fmt::format("cus{}", s), s);
    }
    for (const std::uint32_t f : named_external) {
        if (used.count(fmt::format("f{}", f))) left += firm_node(in, leaders, f);
    }
    if (used.count("ext_in")) {
        left += fmt::format(
            "    ext_in [label={}, shape=box3d, fillcolor=\"#f2f2f2\", color=\"{}\"];\n",
            dot_quote(zh ? "其他区外供应商" : "Other external suppliers"), kExternalGrey);
    }
    if (used.count("ext_out")) {
        right += fmt::format(
            "    ext_out [label={}, shape=box3d, fillcolor=\"#f2f2f2\", color=\"{}\"];\n",
            dot_quote(zh ? "区外客户" : "External customers"), kExternalGrey);
    }
    for (const std::uint32_t f : members) {
        if (named.count(f)) middle += firm_node(in, leaders, f);
    }
    if (members.size() > named_count) {
        middle +=
            fmt::format("    rest [label={}, shape=box3d, fillcolor=\"#bbdefb\"];\n",
                        dot_quote(zh ? fmt::format("其余{}家", members.size() - named_count)
                                     : fmt::format("{} more firms", members.size() - named_count)));
    }
    std::string anchor_node;
    if (members.empty()) {
        middle += fmt::format(
            "    none [label={}, shape=plaintext, style=\"\", fontcolor=\"#b22222\"];\n",
            dot_quote(zh ? "本地无企业" : "no local firm"));
        anchor_node = "none";
    } else {
        anchor_node = named_count > 0 ? fmt::format("f{}", members.front()) : "rest";
    }
    if (!left.empty()) {
        dot += fmt::format(
            "  subgraph cluster_suppliers {{\n    label={};\n    style=\"rounded,"
            "dashed\";\n    color=\"#bdbdbd\";\n{}  }}\n",
            dot_quote(zh ? "供应商" : "Suppliers"), left);
    }
    dot += fmt::format("  subgraph cluster_segment {{\n    label={};\n    {}\n{}  }}\n",
                       dot_quote(segment_label(in, segment, status)),
                       cluster_style(status.segments[segment]), middle);
    // A missing segment: whom to attract, and the segments the template links it with.
    if (members.empty()) {
        std::string candidates;
        std::size_t k = 0;
        for (const AttractCandidate& a : r.recommendations.attract) {
            if (a.segment != segment || k++ >= 6) continue;
            candidates += firm_node(in, leaders, a.firm);
            dot +=
                fmt::format("  f{} -> none [style=dotted, color=\"{}\"];\n", a.firm, kExternalGrey);
        }
        if (!candidates.empty()) {
            dot += fmt::format(
                "  subgraph cluster_attract {{\n    label={};\n    style=\"rounded,"
                "dashed\";\n    color=\"{}\";\n{}  }}\n",
                dot_quote(zh ? "招商对象（区外，按对本地供货强度）"
                             : "Firms to attract (external, by supply to local "
                               "firms)"),
                kExternalGrey, candidates);
        }
        for (const Flow& flow : chain.flows) {
            if (flow.to == segment && !used.count(fmt::format("sup{}", flow.from))) {
                dot += group_node(fmt::format("sup{}", flow.from), flow.from);
                dot +=
                    fmt::format("  sup{} -> none [style=dashed, color=\"#b22222\"];\n", flow.from);
            }
            if (flow.from == segment && !used.count(fmt::format("cus{}", flow.to))) {
                dot += group_node(fmt::format("cus{}", flow.to), flow.to);
                dot += fmt::format("  none -> cus{} [style=dashed, color=\"#b22222\"];\n", flow.to);
            }
        }
    }
    if (!right.empty()) {
        dot += fmt::format(
            "  subgraph cluster_customers {{\n    label={};\n    style=\"rounded,"
            "dashed\";\n    color=\"#bdbdbd\";\n{}  }}\n",
            dot_quote(zh ? "客户" : "Customers"), right);
    }
    for (const auto& [v, key] : strongest) {
        const bool external =
            key.first == "ext_in" || key.second == "ext_out" ||
            (key.first[0] == 'f' &&
             named_external.count(static_cast<std::uint32_t>(std::stoul(key.first.substr(1)))));
        dot += fmt::format("  {} -> {} [penwidth={:.2f}, color=\"{}\"];\n", key.first, key.second,
                           edge_width(-v, max_value), external ? "#bdbdbdcc" : "#546e7acc");
    }
    // Broken flows at this segment: red dashed arrows to the other end's local firms.
    for (const auto& [from, to] : status.broken) {
        if (from != segment && to != segment) continue;
        const std::uint32_t other = from == segment ? to : from;
        const std::string node = fmt::format("{}{}", from == segment ? "cus" : "sup", other);
        if (!used.count(node)) dot += group_node(node, other);
        dot += fmt::format(
            "  {} -> {} [style=dashed, color=\"#d62728\", penwidth=2.2, "
            "label={}, fontcolor=\"#d62728\"];\n",
            from == segment ? anchor_node : node, from == segment ? node : anchor_node,
            dot_quote(zh ? "断链" : "broken"));
    }
    dot += "}\n";
    return dot;
}

std::string segment_view_caption(const ReportInput& in, std::uint32_t segment) {
    const std::string name = segment_name(in.context.chain, segment, in.lang);
    return in.lang == "zh"
               ? fmt::format(
                     "{}（{}）：本环节企业居中，左为其供应商，右为其客户；★ 认定的链主，"
                     "◆ 发挥链主作用但未认定，灰色为区外企业。",
                     name, gap_words(in, segment))
               : fmt::format(
                     "{} ({}): its firms in the middle, their suppliers on the left and "
                     "customers on the right; ★ designated leader, ◆ acting leader not "
                     "designated, grey external.",
                     name, gap_words(in, segment));
}

}  // namespace icn
