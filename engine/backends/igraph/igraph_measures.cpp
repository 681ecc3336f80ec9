// SPDX-License-Identifier: MIT
#include "engine/backends/igraph/igraph_measures.hpp"

#include <algorithm>
#include <cmath>
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

std::vector<double> local_clustering(const UndirectedGraph& graph) {
    if (graph.node_count() == 0) return {};
    return local_clustering(IgraphGraph(graph));
}

std::vector<double> local_clustering(const IgraphGraph& g) {
    if (igraph_vcount(g.get()) == 0) return {};
    IgraphVector result;
    check(igraph_transitivity_local_undirected(g.get(), result.get(), igraph_vss_all(),
                                               IGRAPH_TRANSITIVITY_ZERO),
          "igraph_transitivity_local_undirected");
    return result.to_std();
}

std::vector<std::uint32_t> coreness(const UndirectedGraph& graph) {
    if (graph.node_count() == 0) return {};
    return coreness(IgraphGraph(graph));
}

std::vector<std::uint32_t> coreness(const IgraphGraph& g) {
    if (igraph_vcount(g.get()) == 0) return {};
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
    if (graph.node_count() == 0) return {};
    return leiden(IgraphGraph(graph), seed);
}

std::vector<std::uint32_t> leiden(const IgraphGraph& g, std::uint64_t seed) {
    std::vector<std::uint32_t> out;
    const igraph_integer_t n = igraph_vcount(g.get());
    if (n == 0) return out;
    const igraph_integer_t m = igraph_ecount(g.get());
    // Weights rescaled to a mean of 1 (through a largest of 1 first, so that sums of extreme
    // values, 1e200 or denormals, neither overflow nor vanish). Modularity does not change with
    // the scale, but Leiden's refinement draws merges with odds exp(gain / beta), the gain in
    // the weights' own unit: on weights of a largest of 1 (gains of 1e-4) its draws were nearly
    // uniform, slower and of lower modularity (L benchmark: 2.0 s, 0.40824) than on weights of
    // a mean of 1 (1.4 s, 0.40829), and the partition depended on the unit of the values.
    double largest = 0;
    for (igraph_integer_t e = 0; e < m; ++e) largest = std::max(largest, VECTOR(*g.weights())[e]);
    double mean = 0;
    for (igraph_integer_t e = 0; e < m; ++e) mean += VECTOR(*g.weights())[e] / largest;
    mean /= static_cast<double>(m);
    IgraphVector weights(m);
    IgraphVector strength(n);
    double total = 0;
    for (igraph_integer_t e = 0; e < m; ++e) {
        const double w = VECTOR(*g.weights())[e] / largest / mean;
        VECTOR(*weights.get())[e] = w;
        total += w;
        VECTOR(*strength.get())[IGRAPH_FROM(g.get(), e)] += w;
        VECTOR(*strength.get())[IGRAPH_TO(g.get(), e)] += w;
    }
    IgraphIntVector membership(n);
    if (!(largest > 0) || !(mean > 0) || !(total > 0) ||
        !std::isfinite(total)) {  // no edges: every firm alone
        for (igraph_integer_t v = 0; v < n; ++v) out.push_back(static_cast<std::uint32_t>(v));
        return out;
    }
    // The run's own generator, not igraph's process-wide default (restored afterwards).
    igraph_rng_t rng;
    check(igraph_rng_init(&rng, &igraph_rngtype_pcg32), "igraph_rng_init");
    igraph_rng_t* const previous = igraph_rng_default();
    igraph_rng_seed(&rng, seed);
    igraph_rng_set_default(&rng);
    const auto restore = [&] {
        igraph_rng_set_default(previous);
        igraph_rng_destroy(&rng);
    };
    try {
        // igraph's own "until an iteration moves no node" (n_iterations = -1), the call the
        // analyst's python-igraph script makes: every move strictly raises the quality of weights
        // rescaled to at most 1, so it ends.
        igraph_integer_t clusters = 0;
        igraph_real_t quality = 0;
        check(igraph_community_leiden(g.get(), weights.get(), strength.get(), 1.0 / (2.0 * total),
                                      0.01, false, -1, membership.get(), &clusters, &quality),
              "igraph_community_leiden");
    } catch (...) {
        restore();
        throw;
    }
    restore();
    for (auto c : membership.to_std()) out.push_back(static_cast<std::uint32_t>(c));
    return out;
}

double modularity(const UndirectedGraph& graph, const std::vector<std::uint32_t>& membership) {
    if (graph.node_count() == 0 || graph.edge_count() == 0) return 0;
    return modularity(IgraphGraph(graph), membership);
}

double modularity(const IgraphGraph& g, const std::vector<std::uint32_t>& membership) {
    if (igraph_ecount(g.get()) == 0) return 0;
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
