// SPDX-License-Identifier: MIT
#include "engine/backends/igraph/igraph_measures.hpp"

#include <unordered_map>

#include "engine/backends/igraph/igraph_graph.hpp"

namespace icn {
namespace {

// Copies a partition, renumbering its blocks 0, 1, ... in order of first appearance (igraph
// wants block ids below the node count).
void fill(IgraphIntVector& out, const std::vector<std::uint32_t>& values) {
    check(igraph_vector_int_resize(out.get(), static_cast<igraph_integer_t>(values.size())),
          "igraph_vector_int_resize");
    std::unordered_map<std::uint32_t, igraph_integer_t> dense;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto [it, inserted] =
            dense.emplace(values[i], static_cast<igraph_integer_t>(dense.size()));
        VECTOR(*out.get())[i] = it->second;
    }
}

}  // namespace

Components connected_components(const UndirectedGraph& graph) {
    Components result;
    if (graph.node_count() == 0) return result;
    const IgraphGraph g(graph);
    IgraphIntVector membership, sizes;
    igraph_integer_t count = 0;
    check(igraph_connected_components(g.get(), membership.get(), sizes.get(), &count, IGRAPH_WEAK),
          "igraph_connected_components");
    for (auto m : membership.to_std()) result.membership.push_back(static_cast<std::uint32_t>(m));
    for (auto s : sizes.to_std()) result.sizes.push_back(static_cast<std::uint32_t>(s));
    return result;
}

std::vector<double> local_clustering(const UndirectedGraph& graph) {
    if (graph.node_count() == 0) return {};
    const IgraphGraph g(graph);
    IgraphVector result;
    check(igraph_transitivity_local_undirected(g.get(), result.get(), igraph_vss_all(),
                                               IGRAPH_TRANSITIVITY_ZERO),
          "igraph_transitivity_local_undirected");
    return result.to_std();
}

std::vector<std::uint32_t> coreness(const UndirectedGraph& graph) {
    if (graph.node_count() == 0) return {};
    const IgraphGraph g(graph);
    IgraphIntVector cores;
    check(igraph_coreness(g.get(), cores.get(), IGRAPH_ALL), "igraph_coreness");
    std::vector<std::uint32_t> out;
    for (auto c : cores.to_std()) out.push_back(static_cast<std::uint32_t>(c));
    return out;
}

std::vector<double> pagerank(const Network& network, double damping) {
    if (network.node_count() == 0) return {};
    const IgraphGraph g(network, true);
    IgraphVector scores;
    igraph_real_t value = 0;
    check(igraph_pagerank(g.get(), IGRAPH_PAGERANK_ALGO_PRPACK, scores.get(), &value,
                          igraph_vss_all(), true, damping, g.weights(), nullptr),
          "igraph_pagerank");
    return scores.to_std();
}

std::vector<std::uint32_t> leiden(const UndirectedGraph& graph, std::uint64_t seed) {
    std::vector<std::uint32_t> out;
    if (graph.node_count() == 0) return out;
    const IgraphGraph g(graph);
    double total = 0;
    IgraphVector strength(graph.node_count());
    for (std::size_t e = 0; e < graph.edge_count(); ++e) {
        total += graph.edge_weight(e);
        VECTOR(*strength.get())[graph.edge_u(e)] += graph.edge_weight(e);
        VECTOR(*strength.get())[graph.edge_v(e)] += graph.edge_weight(e);
    }
    IgraphIntVector membership(graph.node_count());
    if (total <= 0) {  // no edges: every firm alone
        for (std::uint32_t v = 0; v < graph.node_count(); ++v) out.push_back(v);
        return out;
    }
    igraph_rng_seed(igraph_rng_default(), seed);
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    // Modularity: node weights = strengths, resolution = 1 / (2m).
    check(igraph_community_leiden(g.get(), g.weights(), strength.get(), 1.0 / (2.0 * total), 0.01,
                                  false, -1, membership.get(), &clusters, &quality),
          "igraph_community_leiden");
    for (auto m : membership.to_std()) out.push_back(static_cast<std::uint32_t>(m));
    return out;
}

double modularity(const UndirectedGraph& graph, const std::vector<std::uint32_t>& membership) {
    if (graph.node_count() == 0 || graph.edge_count() == 0) return 0;
    const IgraphGraph g(graph);
    IgraphIntVector m;
    fill(m, membership);
    igraph_real_t q = 0;
    check(igraph_modularity(g.get(), m.get(), g.weights(), 1.0, false, &q), "igraph_modularity");
    return q;
}

double normalized_mutual_information(const std::vector<std::uint32_t>& a,
                                     const std::vector<std::uint32_t>& b) {
    IgraphIntVector x, y;
    fill(x, a);
    fill(y, b);
    igraph_real_t nmi = 0;
    check(igraph_compare_communities(x.get(), y.get(), &nmi, IGRAPH_COMMCMP_NMI),
          "igraph_compare_communities");
    return nmi;
}

}  // namespace icn
