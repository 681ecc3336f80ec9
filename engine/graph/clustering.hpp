// SPDX-License-Identifier: MIT
// Local clustering coefficient of every node of a simple undirected graph: the share of pairs of
// its neighbours that are linked, 0 below degree 2 (Watts & Strogatz 1998; NetworkX's
// `clustering`, igraph's transitivity_local_undirected with zeros). Triangles are counted once
// each by degree ordering (Schank & Wagner 2005, "forward"): every edge points from the lower
// to the higher of (degree, id), and a triangle is found from its lowest node only. Time
// O(E^1.5) at worst, far less on supply networks; split over --threads threads, the counts are
// whole numbers, so the result is the same for any thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/graph/undirected.hpp"

namespace icn {

// Triangles through each node.
std::vector<std::uint64_t> triangles(const UndirectedGraph& graph, unsigned threads = 0);

// Local clustering of each node.
std::vector<double> clustering_coefficients(const UndirectedGraph& graph, unsigned threads = 0);

}  // namespace icn
