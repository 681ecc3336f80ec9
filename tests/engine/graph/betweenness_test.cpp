// SPDX-License-Identifier: MIT
// ICN's Brandes betweenness (weighted, length = 1 / value) against Boost Graph's
// brandes_betweenness_centrality on the same graphs: two implementations, one answer.
#include "engine/graph/betweenness.hpp"

#include <boost/graph/betweenness_centrality.hpp>
#include <gtest/gtest.h>

#include "engine/backends/bgl/bgl_graph.hpp"
#include "engine/generate/random.hpp"
#include "tests/support/test_support.hpp"

namespace icn {

TEST(Betweenness, AgreesWithBoostGraphOnRandomWeightedGraphs) {
    Random random(testing::kTestSeed);
    for (int trial = 0; trial < 12; ++trial) {
        const auto n = static_cast<std::uint32_t>(2 + random.below(80));
        std::vector<SupplyLink> links;
        for (std::size_t i = 0; i < 4 * n; ++i) {
            SupplyLink l;
            l.supplier = static_cast<std::uint32_t>(random.below(n));
            l.customer = static_cast<std::uint32_t>(random.below(n));
            if (l.customer == l.supplier) continue;
            l.value =
                static_cast<double>(1u << random.below(5));  // lengths are exact binary fractions
            links.push_back(l);
        }
        const Network net = Network::from_links(n, links);
        const BetweennessResult mine = betweenness(net, {.exact_up_to = n});
        ASSERT_TRUE(mine.exact);

        auto g = to_bgl<BglDirected>(net);
        std::vector<double> theirs(n, 0.0);
        // The BGL copy carries lengths (1 / value) in its bundled edge property.
        for (auto e : boost::make_iterator_range(boost::edges(g))) g[e].value = 1.0 / g[e].value;
        boost::brandes_betweenness_centrality(
            g, boost::centrality_map(boost::make_iterator_property_map(
                                         theirs.begin(), boost::get(boost::vertex_index, g)))
                   .weight_map(boost::get(&LinkEdge::value, g)));
        for (std::uint32_t v = 0; v < n; ++v) {
            EXPECT_NEAR(mine.scores[v], theirs[v], 1e-9 * std::max(1.0, theirs[v]))
                << "trial " << trial << " node " << v;
        }
    }
}

TEST(Betweenness, SampledEstimateIsScaledAndBounded) {
    //  a chain 0 -> 1 -> 2 -> ... -> 99: node k lies on k (99 - k) shortest paths.
    std::vector<SupplyLink> links;
    for (std::uint32_t i = 0; i + 1 < 100; ++i) {
        SupplyLink l;
        l.supplier = i;
        l.customer = i + 1;
        links.push_back(l);
    }
    const Network net = Network::from_links(100, links);
    const auto exact = betweenness(net, {.exact_up_to = 100});
    EXPECT_DOUBLE_EQ(exact.scores[50], 50.0 * 49.0);
    const auto sampled = betweenness(net, {.exact_up_to = 10, .samples = 40, .work = 1e18});
    EXPECT_FALSE(sampled.exact);
    EXPECT_EQ(sampled.sources, 40u);
    for (double s : sampled.scores) {
        EXPECT_GE(s, 0.0);
        EXPECT_LE(s, 99.0 * 98.0 * 100.0 / 40.0);
    }
}

TEST(Betweenness, EqualPathsSummedInAnotherOrderCountAsEqual) {
    //        2      2      6
    //   s -> a  -> b  -> t        lengths 1/2 + 1/2 + 1/6 = 1.1666666666666667
    //   s -> c  -> d  -> t        lengths 1/6 + 1/2 + 1/2 = 1.1666666666666665
    //        6      2      2
    // Both routes are shortest: each inner node lies on one whole pair (s,b), (a,t), (s,d) or
    // (c,t) and on half of (s,t): 1.5 each. An exact comparison drops one route.
    const auto link = [](std::uint32_t s, std::uint32_t c, double v) {
        SupplyLink l;
        l.supplier = s;
        l.customer = c;
        l.value = v;
        return l;
    };
    enum : std::uint32_t { s, a, b, c, d, t };
    const Network net = Network::from_links(6, {link(s, a, 2), link(a, b, 2), link(b, t, 6),
                                                link(s, c, 6), link(c, d, 2), link(d, t, 2)});
    ASSERT_NE(0.5 + 0.5 + 1.0 / 6, 1.0 / 6 + 0.5 + 0.5);  // the sums do differ in the last bit
    const auto scores = betweenness(net, {.exact_up_to = 6}).scores;
    for (std::uint32_t v : {a, b, c, d}) EXPECT_DOUBLE_EQ(scores[v], 1.5) << v;
    EXPECT_EQ(scores[s], 0.0);
    EXPECT_EQ(scores[t], 0.0);
}

}  // namespace icn
