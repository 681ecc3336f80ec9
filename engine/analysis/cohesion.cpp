// SPDX-License-Identifier: MIT
#include "engine/analysis/cohesion.hpp"

#include <algorithm>

#include "engine/backends/igraph/igraph_graph.hpp"
#include "engine/backends/igraph/igraph_measures.hpp"
#include "engine/graph/clustering.hpp"

namespace icn {
namespace {

std::optional<double> ratio(double numerator, double denominator) {
    if (denominator == 0) return std::nullopt;
    return numerator / denominator;
}

std::optional<double> median(std::vector<double> values) {
    if (values.empty()) return std::nullopt;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid),
                     values.end());
    const double upper = values[mid];
    if (values.size() % 2 == 1) return upper;
    const double lower =
        *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
    return (lower + upper) / 2;
}

}  // namespace

namespace {

// The five measures of `nodes`, whose induced graph is `sub` (and `undirected`).
CohesionMeasures measures_of(const AnalysisContext& context,
                             const std::vector<std::uint32_t>& nodes, const Network& sub,
                             const UndirectedGraph& undirected, unsigned threads) {
    CohesionMeasures m;
    const double n = static_cast<double>(nodes.size());
    m.local_firms = nodes.size();
    m.local_links = sub.edge_count();
    if (nodes.size() >= 2) m.density = static_cast<double>(sub.edge_count()) / (n * (n - 1));

    // Value bought by these firms: from local suppliers / from anyone (full network).
    double local_value = 0;
    double all_value = 0;
    for (std::uint32_t node : nodes) {
        const std::uint32_t firm = context.firm_of_local(node);
        const auto suppliers = context.network.suppliers(firm);
        const auto values = context.network.in_values(firm);
        for (std::size_t k = 0; k < suppliers.size(); ++k) {
            all_value += values[k];
            if (context.selection.is_local[suppliers[k]]) local_value += values[k];
        }
    }
    m.local_sourcing_ratio = ratio(local_value, all_value);

    if (!nodes.empty()) {
        const Components components = connected_components(undirected);
        const auto largest = *std::max_element(components.sizes.begin(), components.sizes.end());
        m.largest_component_share = largest / n;
        const std::vector<double> clustering = clustering_coefficients(undirected, threads);
        double total = 0;
        for (double c : clustering) total += c;
        m.avg_clustering = total / n;
    }
    return m;
}

}  // namespace

CohesionMeasures cohesion_measures(const AnalysisContext& context,
                                   const std::vector<std::uint32_t>& nodes) {
    const Network sub = context.local.induced(nodes);
    const UndirectedGraph undirected(sub);
    return measures_of(context, nodes, sub, undirected, 1);
}

std::vector<std::uint32_t> segment_partition(const AnalysisContext& context) {
    const auto outside = static_cast<std::uint32_t>(context.chain.segments.size());
    std::vector<std::uint32_t> membership(context.selection.local.size(), outside);
    for (std::size_t i = 0; i < membership.size(); ++i) {
        const auto& segments = context.selection.segments[context.selection.local[i]];
        if (!segments.empty()) membership[i] = segments.front();
    }
    return membership;
}

void measure_leader_reach(const AnalysisContext& context, const std::vector<std::uint32_t>& leaders,
                          CohesionReport& report) {
    const std::uint32_t n = context.local.node_count();
    const UndirectedGraph& g = context.local_undirected;
    // Leader reach: local SMEs (not leaders themselves) within two steps of a leader in G_L,
    // links taken in either direction.
    report.reach_leaders = leaders;
    std::vector<std::uint8_t> distance(n, 255);
    std::vector<std::uint32_t> frontier;
    bool any_leader = false;
    for (std::uint32_t firm : leaders) {
        const std::uint32_t node = context.selection.local_of[firm];
        if (node == ClusterSelection::kNotLocal) continue;
        distance[node] = 0;
        frontier.push_back(node);
        any_leader = true;
    }
    for (std::uint8_t step = 1; step <= 2; ++step) {
        std::vector<std::uint32_t> next;
        for (std::uint32_t v : frontier) {
            for (std::uint32_t u : g.neighbours(v)) {
                if (distance[u] == 255) {
                    distance[u] = step;
                    next.push_back(u);
                }
            }
        }
        frontier = std::move(next);
    }
    std::size_t smes = 0;
    std::size_t reached = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const Firm& firm = context.dataset.firms[context.firm_of_local(i)];
        if (!is_sme(firm.size) || distance[i] == 0) continue;
        ++smes;
        if (distance[i] <= 2) ++reached;
    }
    if (any_leader) {
        report.leader_reach = ratio(static_cast<double>(reached), static_cast<double>(smes));
    }
}

CohesionReport cohesion(const AnalysisContext& context, const std::vector<std::uint32_t>& leaders,
                        const CohesionOptions& options) {
    CohesionReport report = cohesion_without_communities(context, options.threads);
    add_communities(context, options, report);
    measure_leader_reach(context, leaders, report);
    return report;
}

void add_communities(const AnalysisContext& context, const CohesionOptions& options,
                     CohesionReport& report) {
    const std::uint32_t n = context.local.node_count();
    const UndirectedGraph& g = context.local_undirected;
    // One igraph copy of G_L serves k-core, Leiden and both modularities.
    const IgraphGraph ig(g);
    if (n > 0) {
        const std::vector<std::uint32_t> cores = coreness(ig);
        report.max_core = *std::max_element(cores.begin(), cores.end());
        const auto top = std::count(cores.begin(), cores.end(), report.max_core);
        report.top_core_share = static_cast<double>(top) / n;
    }

    // Modularity of the segment partition and of Leiden's partition, and their agreement.
    const std::vector<std::uint32_t> by_segment = segment_partition(context);
    if (g.edge_count() > 0) report.segment_modularity = modularity(ig, by_segment);
    if (n > 0) {
        CommunityStructure& c = report.communities;
        c.membership = leiden(ig, options.seed);
        c.count = 1 + *std::max_element(c.membership.begin(), c.membership.end());
        if (g.edge_count() > 0) c.modularity = modularity(ig, c.membership);
        c.nmi_with_segments = normalized_mutual_information(c.membership, by_segment);
    }
}

void take_communities(CohesionReport& into, CohesionReport&& from) {
    into.max_core = from.max_core;
    into.top_core_share = from.top_core_share;
    into.segment_modularity = from.segment_modularity;
    into.communities = std::move(from.communities);
}

CohesionReport cohesion_without_communities(const AnalysisContext& context, unsigned threads) {
    CohesionReport report;
    const std::uint32_t n = context.local.node_count();
    std::vector<std::uint32_t> all(n);
    for (std::uint32_t i = 0; i < n; ++i) all[i] = i;
    report.cluster = measures_of(context, all, context.local, context.local_undirected, threads);

    // Supplier concentration: HHI of each local customer's purchases, median over customers.
    std::vector<double> hhi;
    for (std::uint32_t firm : context.selection.local) {
        const auto values = context.network.in_values(firm);
        double total = 0;
        for (double v : values) total += v;
        if (total <= 0) continue;
        double h = 0;
        for (double v : values) h += (v / total) * (v / total);
        hhi.push_back(h);
    }
    report.supplier_hhi_median = median(std::move(hhi));

    // Reciprocity: share of G_L's edges whose reverse is an edge too.
    std::size_t mutual = 0;
    for (std::size_t e = 0; e < context.local.edge_count(); ++e) {
        if (context.local.find_edge(context.local.edge_target(e), context.local.edge_source(e))) {
            ++mutual;
        }
    }
    report.reciprocity =
        ratio(static_cast<double>(mutual), static_cast<double>(context.local.edge_count()));

    for (std::uint32_t s = 0; s < context.chain.segments.size(); ++s) {
        report.segments.push_back({s, cohesion_measures(context, context.local_nodes_of(s))});
    }
    return report;
}

}  // namespace icn
