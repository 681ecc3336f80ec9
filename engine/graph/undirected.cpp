// SPDX-License-Identifier: MIT
#include "engine/graph/undirected.hpp"

#include <algorithm>

namespace icn {

UndirectedGraph::UndirectedGraph(const Network& network) : node_count_(network.node_count()) {
    // Each node's out- and in-lists are sorted; merging them gives its sorted neighbours with
    // the value of both directions. An edge is created from its smaller end.
    offsets_.assign(std::size_t{node_count_} + 1, 0);
    std::vector<std::pair<std::uint32_t, double>> merged;
    std::vector<std::uint32_t> degree(node_count_, 0);
    // First pass: degrees.
    for (std::uint32_t v = 0; v < node_count_; ++v) {
        const auto out = network.customers(v);
        const auto in = network.suppliers(v);
        std::size_t i = 0, j = 0, count = 0;
        while (i < out.size() || j < in.size()) {
            if (j == in.size() || (i < out.size() && out[i] < in[j]))
                ++i;
            else if (i == out.size() || in[j] < out[i])
                ++j;
            else
                ++i, ++j;
            ++count;
        }
        degree[v] = static_cast<std::uint32_t>(count);
    }
    for (std::uint32_t v = 0; v < node_count_; ++v) offsets_[v + 1] = offsets_[v] + degree[v];
    adjacent_.resize(offsets_[node_count_]);
    incident_.resize(offsets_[node_count_]);
    edge_u_.reserve(adjacent_.size() / 2);
    edge_v_.reserve(adjacent_.size() / 2);
    weight_.reserve(adjacent_.size() / 2);
    std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
    for (std::uint32_t v = 0; v < node_count_; ++v) {
        const auto out = network.customers(v);
        const auto out_values = network.out_values(v);
        const auto in = network.suppliers(v);
        const auto in_values = network.in_values(v);
        std::size_t i = 0, j = 0;
        while (i < out.size() || j < in.size()) {
            std::uint32_t u;
            double w;
            if (j == in.size() || (i < out.size() && out[i] < in[j])) {
                u = out[i];
                w = out_values[i++];
            } else if (i == out.size() || in[j] < out[i]) {
                u = in[j];
                w = in_values[j++];
            } else {
                u = out[i];
                w = out_values[i++] + in_values[j++];
            }
            if (u < v) continue;  // made when u was visited
            const auto e = static_cast<std::uint32_t>(edge_u_.size());
            edge_u_.push_back(v);
            edge_v_.push_back(u);
            weight_.push_back(w);
            adjacent_[fill[v]] = u;
            incident_[fill[v]++] = e;
            adjacent_[fill[u]] = v;
            incident_[fill[u]++] = e;
        }
    }
    // Neighbours of v arrive as: those < v (from their own visits, ascending v order) then
    // those > v (ascending): already sorted.
}

Components connected_components(const UndirectedGraph& graph) {
    Components c;
    constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    c.membership.assign(graph.node_count(), kNone);
    std::vector<std::uint32_t> queue;
    for (std::uint32_t root = 0; root < graph.node_count(); ++root) {
        if (c.membership[root] != kNone) continue;
        const auto id = static_cast<std::uint32_t>(c.sizes.size());
        queue.assign(1, root);
        c.membership[root] = id;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            for (std::uint32_t w : graph.neighbours(queue[head])) {
                if (c.membership[w] == kNone) {
                    c.membership[w] = id;
                    queue.push_back(w);
                }
            }
        }
        c.sizes.push_back(static_cast<std::uint32_t>(queue.size()));
    }
    return c;
}

}  // namespace icn
