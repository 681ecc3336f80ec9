// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "engine/backends/bgl/bgl_graph.hpp"
#include "engine/backends/igraph/igraph_graph.hpp"
#include "engine/backends/igraph/igraph_measures.hpp"

namespace icn {

namespace {
Network sample() {
    std::vector<SupplyLink> links;
    const std::pair<std::uint32_t, std::uint32_t> pairs[] = {
        {0, 1}, {1, 2}, {2, 0}, {2, 3}, {0, 1}};
    double value = 1;
    for (auto [s, c] : pairs) {
        SupplyLink l;
        l.supplier = s;
        l.customer = c;
        l.value = value++;
        links.push_back(l);
    }
    return Network::from_links(5, links);  // node 4 isolated
}
}  // namespace

TEST(IgraphBackend, CopiesNodesEdgesAndValues) {
    const Network net = sample();
    const IgraphGraph graph(net, true);
    EXPECT_EQ(igraph_vcount(graph.get()), 5);
    EXPECT_EQ(igraph_ecount(graph.get()), 4);
    for (std::size_t e = 0; e < net.edge_count(); ++e) {
        igraph_integer_t from = 0, to = 0;
        igraph_edge(graph.get(), static_cast<igraph_integer_t>(e), &from, &to);
        EXPECT_EQ(from, net.edge_source(e));
        EXPECT_EQ(to, net.edge_target(e));
        EXPECT_EQ(VECTOR(*graph.weights())[e], net.edge_value(e));
    }
    EXPECT_EQ(VECTOR(*graph.weights())[0], 1.0 + 5.0);  // 0 -> 1 twice
}

TEST(IgraphBackend, ErrorsBecomeExceptionsWithIgraphsReason) {
    const Network net = sample();
    const IgraphGraph graph(net, true);
    IgraphIntVector out;
    igraph_vs_t vs;
    igraph_vs_1(&vs, 99);  // no such vertex
    try {
        check(igraph_degree(graph.get(), out.get(), vs, IGRAPH_ALL, false), "igraph_degree");
        FAIL() << "expected a BackendError";
    } catch (const BackendError& e) {
        EXPECT_NE(std::string(e.what()).find("igraph_degree"), std::string::npos);
    }
}

TEST(BglBackend, CopiesNodesEdgesAndValues) {
    const Network net = sample();
    const auto graph = to_bgl<BglDirected>(net);
    EXPECT_EQ(boost::num_vertices(graph), 5u);
    EXPECT_EQ(boost::num_edges(graph), 4u);
    double total = 0;
    for (auto e : boost::make_iterator_range(boost::edges(graph))) {
        EXPECT_EQ(net.edge_source(graph[e].edge), boost::source(e, graph));
        total += graph[e].value;
    }
    EXPECT_EQ(total, net.total_value());
    EXPECT_EQ(boost::in_degree(2, graph), 1u);
}

}  // namespace icn

namespace icn {

// Two dense groups joined by one weak tie, every weight scaled by `scale`: Leiden ends (bounded
// iterations, weights rescaled) and finds the two groups whatever the scale.
TEST(IgraphBackend, LeidenEndsAndAgreesOnExtremeWeights) {
    for (const double scale : {1.0, 1e200, 1e-300, 4.9406564584124654e-324}) {
        std::vector<SupplyLink> links;
        for (std::uint32_t group = 0; group < 2; ++group) {
            for (std::uint32_t a = 0; a < 5; ++a) {
                for (std::uint32_t b = a + 1; b < 5; ++b) {
                    SupplyLink l;
                    l.supplier = group * 5 + a;
                    l.customer = group * 5 + b;
                    l.value = scale;
                    links.push_back(l);
                }
            }
        }
        SupplyLink tie;
        tie.supplier = 4;
        tie.customer = 5;
        tie.value = scale;
        links.push_back(tie);
        const Network net = Network::from_links(10, links);
        const auto parts = leiden(UndirectedGraph(net), 7);
        ASSERT_EQ(parts.size(), 10u) << scale;
        for (std::uint32_t v = 1; v < 5; ++v) EXPECT_EQ(parts[v], parts[0]) << scale;
        for (std::uint32_t v = 6; v < 10; ++v) EXPECT_EQ(parts[v], parts[5]) << scale;
        EXPECT_NE(parts[0], parts[5]) << scale;
    }
}

}  // namespace icn
