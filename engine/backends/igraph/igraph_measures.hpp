// SPDX-License-Identifier: MIT
// The measures ICN takes from igraph 0.10, each a thin call with errors checked. Every other
// file reaches igraph only through here and igraph_graph.hpp.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/graph/network.hpp"
#include "engine/graph/undirected.hpp"

namespace icn {

class IgraphGraph;

// Each function comes in two forms: on an UndirectedGraph (copied into igraph for the call), and
// on an IgraphGraph made from one, so that several measures share one copy of a large graph.

// Local clustering coefficient of each node (degree < 2 counts 0). igraph_transitivity_local_
// undirected, mode ZERO. O(V d^2).
std::vector<double> local_clustering(const UndirectedGraph& graph);
std::vector<double> local_clustering(const IgraphGraph& graph);

// k-core number of each node. Batagelj & Zaversnik (2003); O(V + E).
std::vector<std::uint32_t> coreness(const UndirectedGraph& graph);
std::vector<std::uint32_t> coreness(const IgraphGraph& graph);

// PageRank along supplier -> customer edges weighted by value; PRPACK; dangling nodes jump
// uniformly. Scores sum to 1. Brin & Page (1998).
std::vector<double> pagerank(const Network& network, double damping);

// Leiden communities optimising modularity (resolution 1) on the weighted undirected graph,
// from a fixed seed, on the run's own generator. Traag, Waltman & van Eck (2019). Weights are
// rescaled to a largest of 1; igraph iterates until an iteration moves no node.
std::vector<std::uint32_t> leiden(const UndirectedGraph& graph, std::uint64_t seed);
std::vector<std::uint32_t> leiden(const IgraphGraph& graph, std::uint64_t seed);

// Newman's weighted modularity of a partition of the undirected graph (resolution 1).
double modularity(const UndirectedGraph& graph, const std::vector<std::uint32_t>& membership);
double modularity(const IgraphGraph& graph, const std::vector<std::uint32_t>& membership);

// Normalized mutual information of two partitions (Danon et al. 2005).
double normalized_mutual_information(const std::vector<std::uint32_t>& a,
                                     const std::vector<std::uint32_t>& b);

}  // namespace icn
