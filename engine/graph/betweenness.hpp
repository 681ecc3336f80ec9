// SPDX-License-Identifier: MIT
// Betweenness centrality on the directed supply graph, where a link's length is the reciprocal
// of its value (a strong tie is a short one): Brandes (2001) with Dijkstra. Exact from every
// source, or estimated from k random sources scaled by n / k (Brandes & Pich 2007) when the
// graph is large; k = clamp(work / (V + E), 32, samples). The error of the estimate is measured
// by bench/betweenness_error.sh (docs/algorithms/leaders.md). Unnormalised: the number of shortest
// paths through a node. Time: O(k (E + V log V)) for k sources, shared by --threads threads;
// Dijkstra on an indexed 4-ary heap, dependencies pulled back along the out-edges.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/graph/network.hpp"

namespace icn {

struct BetweennessOptions {
    std::uint32_t exact_up_to = 3000;  // nodes; above this, sample sources
    std::uint32_t samples = 256;       // sources when sampling, at most
    double work = 1e8;                 // and at most about this many edge visits (at least 32)
    std::uint64_t seed = 1;
    unsigned threads = 0;  // 0: every core; the result is the same for any count
};

struct BetweennessResult {
    std::vector<double> scores;
    bool exact = true;
    std::uint32_t sources = 0;
};

BetweennessResult betweenness(const Network& network, const BetweennessOptions& options = {});

// The same in steps, for a caller that shares its threads among several kernels: the sources
// and their blocks are fixed at construction, each block is run once by run_block (on any
// thread, in any order, blocks side by side), then finish() adds them up in order. `network`
// must outlive the run; options.threads is not used.
class BetweennessRun {
public:
    BetweennessRun(const Network& network, const BetweennessOptions& options);
    std::size_t blocks() const { return partial_.size(); }
    void run_block(std::size_t block);
    BetweennessResult finish();

private:
    const Network& network_;
    bool exact_ = true;
    std::vector<std::uint32_t> sources_;
    std::vector<std::size_t> bounds_;
    std::vector<double> lengths_;  // of each out-edge: 1 / value
    std::vector<std::vector<double>> partial_;
};

}  // namespace icn
