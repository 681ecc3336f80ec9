// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "engine/backends/bgl/bgl_graph.hpp"
#include "engine/backends/igraph/igraph_graph.hpp"

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
