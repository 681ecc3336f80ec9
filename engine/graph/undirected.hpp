// SPDX-License-Identifier: MIT
// The simple undirected graph of a Network: one edge {u, v} wherever u supplies v or v supplies
// u, weighted by the value of both directions together. Many measures read G_L this way (SPEC
// 3.1: "G_L taken as a simple undirected graph"). Built in O(V + E).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/graph/network.hpp"

namespace icn {

class UndirectedGraph {
public:
    explicit UndirectedGraph(const Network& network);

    std::uint32_t node_count() const { return node_count_; }
    std::size_t edge_count() const { return edge_u_.size(); }
    std::span<const std::uint32_t> neighbours(std::uint32_t v) const {
        return {adjacent_.data() + offsets_[v], adjacent_.data() + offsets_[v + 1]};
    }
    // Edge ids of neighbours(v), in the same order.
    std::span<const std::uint32_t> incident(std::uint32_t v) const {
        return {incident_.data() + offsets_[v], incident_.data() + offsets_[v + 1]};
    }
    std::uint32_t degree(std::uint32_t v) const { return offsets_[v + 1] - offsets_[v]; }
    std::uint32_t edge_u(std::size_t e) const { return edge_u_[e]; }  // u < v
    std::uint32_t edge_v(std::size_t e) const { return edge_v_[e]; }
    double edge_weight(std::size_t e) const { return weight_[e]; }

private:
    std::uint32_t node_count_ = 0;
    std::vector<std::uint32_t> offsets_;
    std::vector<std::uint32_t> adjacent_;  // sorted within each node
    std::vector<std::uint32_t> incident_;
    std::vector<std::uint32_t> edge_u_, edge_v_;
    std::vector<double> weight_;
};

// Connected component of each node (ids from 0, in order of their smallest node) and the
// components' sizes. BFS, O(V + E).
struct Components {
    std::vector<std::uint32_t> membership;
    std::vector<std::uint32_t> sizes;
};
Components connected_components(const UndirectedGraph& graph);

}  // namespace icn
