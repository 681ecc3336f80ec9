// SPDX-License-Identifier: MIT
// ICN's own triangle count against igraph's transitivity_local_undirected (NetworkX's average
// clustering is the oracle of the cluster's mean: tests/oracle), on generated graphs, and the
// same numbers for any thread count.
#include "engine/graph/clustering.hpp"

#include <gtest/gtest.h>

#include "engine/backends/igraph/igraph_measures.hpp"
#include "engine/generate/random.hpp"

namespace icn {
namespace {

// n nodes; each new node links to `per_node` earlier ones chosen by degree (hubs, many
// triangles around them) or at random, and a clique of 6 on the first nodes.
Network generated(std::uint32_t n, std::uint32_t per_node, std::uint64_t seed) {
    Random random(seed);
    std::vector<SupplyLink> links;
    std::vector<std::uint32_t> ends;
    const auto link = [&](std::uint32_t a, std::uint32_t b) {
        if (a == b) return;
        SupplyLink l;
        l.supplier = a;
        l.customer = b;
        l.value = 1 + static_cast<double>(random.below(100));
        links.push_back(l);
        ends.push_back(a);
        ends.push_back(b);
    };
    for (std::uint32_t a = 0; a < 6 && a < n; ++a) {
        for (std::uint32_t b = a + 1; b < 6 && b < n; ++b) link(a, b);
    }
    for (std::uint32_t v = 6; v < n; ++v) {
        for (std::uint32_t k = 0; k < per_node; ++k) {
            const bool by_degree = random.below(2) == 0 && !ends.empty();
            const std::uint32_t to = by_degree ? ends[random.below(ends.size())]
                                               : static_cast<std::uint32_t>(random.below(v));
            if (random.below(2) == 0) {
                link(v, to);
            } else {
                link(to, v);
            }
        }
    }
    return Network::from_links(n, links);
}

}  // namespace

TEST(Clustering, AgreesWithIgraphOnGeneratedGraphs) {
    for (const auto& [n, per_node, seed] : {std::tuple{2u, 1u, 1u},
                                            {7u, 2u, 2u},
                                            {300u, 3u, 3u},
                                            {3000u, 8u, 4u},
                                            {20000u, 5u, 5u}}) {
        const UndirectedGraph g(generated(n, per_node, seed));
        const std::vector<double> ours = clustering_coefficients(g, 2);
        const std::vector<double> theirs = local_clustering(g);
        ASSERT_EQ(ours.size(), theirs.size());
        std::size_t positive = 0;
        for (std::size_t v = 0; v < ours.size(); ++v) {
            EXPECT_NEAR(ours[v], theirs[v], 1e-12) << "n " << n << " node " << v;
            positive += ours[v] > 0 ? 1 : 0;
        }
        if (n > 6) {
            EXPECT_GT(positive, 0u) << n;  // the test sees triangles at all
        }
    }
}

TEST(Clustering, SameCountsForAnyThreadCount) {
    const UndirectedGraph g(generated(5000, 6, 9));
    const std::vector<std::uint64_t> one = triangles(g, 1);
    for (const unsigned threads : {2u, 7u}) EXPECT_EQ(triangles(g, threads), one) << threads;
    std::uint64_t total = 0;
    for (const auto t : one) total += t;
    EXPECT_EQ(total % 3, 0u);  // each triangle counted at its three corners
    EXPECT_GT(total, 0u);
}

}  // namespace icn
