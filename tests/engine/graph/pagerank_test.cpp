// SPDX-License-Identifier: MIT
// ICN's own PageRank against igraph's PRPACK solver (the oracle test checks both against an
// exact linear solve in NumPy: tests/oracle), on generated graphs with firms that sell to no
// one, and the same numbers for any thread count.
#include "engine/graph/pagerank.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "engine/backends/igraph/igraph_measures.hpp"
#include "engine/generate/random.hpp"

namespace icn {
namespace {

// n firms, each buying from `per_node` earlier firms with random values; the last tenth buy
// from no one and the first firms sell to no one later on (dangling).
Network buyers(std::uint32_t n, std::uint32_t per_node, std::uint64_t seed) {
    Random random(seed);
    std::vector<SupplyLink> links;
    for (std::uint32_t v = 1; v < n - n / 10; ++v) {
        for (std::uint32_t k = 0; k < per_node; ++k) {
            SupplyLink l;
            l.supplier = static_cast<std::uint32_t>(random.below(v));
            l.customer = v;
            l.value = 0.5 + static_cast<double>(random.below(10000)) / 7.0;
            if (l.supplier % 5 == 0) std::swap(l.supplier, l.customer);  // some go back
            if (l.supplier != l.customer) links.push_back(l);
        }
    }
    return Network::from_links(n, links);
}

}  // namespace

TEST(PageRank, AgreesWithIgraphsPrpack) {
    for (const auto& [n, per_node, seed] :
         {std::tuple{1u, 1u, 1u}, {2u, 1u, 2u}, {50u, 2u, 3u}, {2000u, 5u, 4u}, {30000u, 8u, 5u}}) {
        const Network net = buyers(n, per_node, seed);
        const std::vector<double> ours = weighted_pagerank(net, {.threads = 2});
        const std::vector<double> theirs = pagerank(net, 0.85);
        ASSERT_EQ(ours.size(), theirs.size());
        double sum = 0;
        for (std::size_t v = 0; v < ours.size(); ++v) {
            EXPECT_NEAR(ours[v], theirs[v], 1e-9 * theirs[v]) << "n " << n << " node " << v;
            sum += ours[v];
        }
        EXPECT_NEAR(sum, 1.0, 1e-12);
    }
}

TEST(PageRank, SameScoresForAnyThreadCount) {
    const Network net = buyers(20000, 6, 8);
    const std::vector<double> one = weighted_pagerank(net, {.threads = 1});
    for (const unsigned threads : {2u, 7u})
        EXPECT_EQ(weighted_pagerank(net, {.threads = threads}), one) << threads;
}

}  // namespace icn
