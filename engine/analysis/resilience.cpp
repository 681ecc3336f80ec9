// SPDX-License-Identifier: MIT
#include "engine/analysis/resilience.hpp"

#include <algorithm>
#include <tuple>

namespace icn {

CutStructure cut_structure(const UndirectedGraph& g) {
    CutStructure out;
    const std::uint32_t n = g.node_count();
    constexpr std::uint32_t kUnseen = 0xFFFFFFFFu;
    std::vector<std::uint32_t> disc(n, kUnseen), low(n, 0), size(n, 1), parent_edge(n, kUnseen);
    // Per node: sizes of the pieces its removal separates (children with low >= disc).
    std::vector<std::uint64_t> separated(n, 0);
    std::vector<std::uint32_t> largest_piece(n, 0);
    std::vector<bool> is_point(n, false);
    std::vector<std::uint32_t> component_size(n, 0);
    struct Frame {
        std::uint32_t node;
        std::uint32_t next;  // index into neighbours
    };
    std::vector<Frame> stack;
    std::vector<std::uint32_t> members;
    std::uint32_t time = 0;
    for (std::uint32_t root = 0; root < n; ++root) {
        if (disc[root] != kUnseen) continue;
        members.clear();
        disc[root] = low[root] = time++;
        stack.push_back({root, 0});
        std::uint32_t root_children = 0;
        while (!stack.empty()) {
            Frame& f = stack.back();
            const std::uint32_t v = f.node;
            const auto adjacent = g.neighbours(v);
            const auto edges = g.incident(v);
            if (f.next < adjacent.size()) {
                const std::uint32_t w = adjacent[f.next];
                const std::uint32_t e = edges[f.next];
                ++f.next;
                if (e == parent_edge[v]) continue;
                if (disc[w] == kUnseen) {
                    disc[w] = low[w] = time++;
                    parent_edge[w] = e;
                    if (v == root) ++root_children;
                    stack.push_back({w, 0});
                } else {
                    low[v] = std::min(low[v], disc[w]);
                }
                continue;
            }
            // v is finished.
            members.push_back(v);
            stack.pop_back();
            if (stack.empty()) break;
            const std::uint32_t u = stack.back().node;
            size[u] += size[v];
            low[u] = std::min(low[u], low[v]);
            if (low[v] >= disc[u]) {
                separated[u] += size[v];
                largest_piece[u] = std::max(largest_piece[u], size[v]);
                if (u != root) is_point[u] = true;
            }
            if (low[v] > disc[u]) out.bridges.emplace_back(parent_edge[v], size[v]);
        }
        if (root_children >= 2) is_point[root] = true;
        const auto total = static_cast<std::uint32_t>(members.size());
        for (std::uint32_t v : members) component_size[v] = total;
    }
    for (auto& [edge, below] : out.bridges) {
        const std::uint32_t total = component_size[g.edge_u(edge)];
        below = std::min(below, total - below);
    }
    for (std::uint32_t v = 0; v < n; ++v) {
        if (!is_point[v]) continue;
        // Pieces: the separated subtrees and, unless v is the DFS root, the rest above v.
        const std::uint32_t others = component_size[v] - 1;
        const auto rest = static_cast<std::uint32_t>(others - separated[v]);
        const std::uint32_t largest = std::max(largest_piece[v], rest);
        out.points.emplace_back(v, others - largest);
    }
    return out;
}

ResilienceReport resilience(const AnalysisContext& context) {
    ResilienceReport report;
    const UndirectedGraph& g = context.local_undirected;
    const CutStructure cuts = cut_structure(g);
    for (const auto& [node, cut_off] : cuts.points) {
        report.articulation_points.push_back({context.firm_of_local(node), cut_off});
    }
    std::sort(report.articulation_points.begin(), report.articulation_points.end(),
              [](const CutFirm& a, const CutFirm& b) {
                  return a.cut_off != b.cut_off ? a.cut_off > b.cut_off : a.firm < b.firm;
              });
    for (const auto& [edge, cut_off] : cuts.bridges) {
        report.bridges.push_back({context.firm_of_local(g.edge_u(edge)),
                                  context.firm_of_local(g.edge_v(edge)), g.edge_weight(edge),
                                  cut_off});
    }
    std::sort(report.bridges.begin(), report.bridges.end(), [](const CutLink& a, const CutLink& b) {
        if (a.cut_off != b.cut_off) return a.cut_off > b.cut_off;
        if (a.value != b.value) return a.value > b.value;
        return std::tie(a.a, a.b) < std::tie(b.a, b.b);
    });

    // Single sources: per local customer and template segment, the distinct suppliers.
    const ClusterSelection& sel = context.selection;
    const Network& net = context.network;
    // Counts per segment in dense arrays reused from customer to customer (only the segments a
    // customer touched are reset).
    const std::size_t segments = context.chain.segments.size();
    std::vector<std::uint32_t> count(segments, 0), only(segments, 0);
    std::vector<double> value(segments, 0.0);
    std::vector<std::uint32_t> touched;
    for (std::uint32_t customer : sel.local) {
        const auto suppliers = net.suppliers(customer);
        const auto values = net.in_values(customer);
        for (std::size_t k = 0; k < suppliers.size(); ++k) {
            for (std::uint32_t s : sel.segments[suppliers[k]]) {
                if (count[s]++ == 0) touched.push_back(s);
                value[s] += values[k];
                only[s] = suppliers[k];
            }
        }
        std::sort(touched.begin(), touched.end());  // segments in order, as before
        for (const std::uint32_t segment : touched) {
            if (count[segment] == 1) {
                const std::uint32_t supplier = only[segment];
                report.single_sources.push_back({customer, segment, supplier, value[segment],
                                                 static_cast<bool>(sel.is_local[supplier])});
            }
            count[segment] = 0;
            value[segment] = 0;
        }
        touched.clear();
    }
    std::sort(report.single_sources.begin(), report.single_sources.end(),
              [](const SingleSource& a, const SingleSource& b) {
                  if (a.value != b.value) return a.value > b.value;
                  return std::tie(a.customer, a.segment) < std::tie(b.customer, b.segment);
              });
    return report;
}

}  // namespace icn
