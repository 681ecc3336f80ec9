// SPDX-License-Identifier: MIT
// The one place where a Network becomes a Boost Graph Library graph, with bundled properties.
#pragma once

#include <cstdint>

#include <boost/graph/adjacency_list.hpp>

#include "engine/graph/network.hpp"

namespace icn {

struct FirmVertex {
    std::uint32_t node = 0;  // node index in the Network
};

struct LinkEdge {
    double value = 0;
    std::size_t edge = 0;  // edge index in the Network
};

using BglDirected =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, FirmVertex, LinkEdge>;
using BglUndirected =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, FirmVertex, LinkEdge>;

// Vertex v of the result is node v of the network; one BGL edge per network edge.
template <typename Graph>
Graph to_bgl(const Network& network) {
    Graph graph(network.node_count());
    for (std::uint32_t v = 0; v < network.node_count(); ++v) graph[v].node = v;
    for (std::size_t e = 0; e < network.edge_count(); ++e) {
        boost::add_edge(network.edge_source(e), network.edge_target(e),
                        LinkEdge{network.edge_value(e), e}, graph);
    }
    return graph;
}

}  // namespace icn
