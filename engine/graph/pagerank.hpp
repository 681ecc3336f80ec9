// SPDX-License-Identifier: MIT
// PageRank along supplier -> customer edges weighted by value (Brin & Page 1998): a firm's rank
// flows to its customers in proportion to what they buy; a firm that sells to no one spreads its
// rank evenly, as does the teleport (1 - damping). Power iteration pulled along the in-edges,
// until the ranks move by less than `tolerance` in sum (at most `max_iterations`); the
// error left is below tolerance * damping / (1 - damping). Scores sum to 1. Nodes are cut into
// a fixed number of blocks whatever the thread count, and every sum runs in a fixed order, so
// that the result is the same for any --threads. The same numbers as igraph's PRPACK solver
// (tests/engine/graph/pagerank_test.cpp) without a copy of the graph.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/graph/network.hpp"

namespace icn {

struct PageRankOptions {
    double damping = 0.85;
    double tolerance = 1e-14;  // on the L1 change of one iteration
    std::uint32_t max_iterations = 10000;
    unsigned threads = 0;  // 0: every core
};

std::vector<double> weighted_pagerank(const Network& network, const PageRankOptions& options = {});

}  // namespace icn
