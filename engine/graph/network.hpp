// SPDX-License-Identifier: MIT
// The supply network in memory: a directed graph over firm indices with one edge per
// (supplier, customer) pair, values of parallel rows summed (SPEC section 3), stored as CSR in
// both directions with 32-bit indices. Each edge keeps the links.csv rows it merges, for
// reporting. Built in O(V + E) by two counting sorts; an induced subgraph costs O(V + E_sub).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "models/supply_link.hpp"

namespace icn {

inline constexpr std::uint32_t kNoNode = std::numeric_limits<std::uint32_t>::max();

class Network {
public:
    Network() = default;

    // Every link (or, with `year`, those of that year) between nodes [0, node_count), built on
    // up to `threads` threads (0: every core); the same network for any thread count.
    static Network from_links(std::uint32_t node_count, const std::vector<SupplyLink>& links,
                              std::optional<std::int32_t> year = std::nullopt,
                              unsigned threads = 0);

    // The subgraph induced by `nodes` (distinct, each < node_count()); node i of the result is
    // nodes[i] here, see original().
    Network induced(const std::vector<std::uint32_t>& nodes) const;

    std::uint32_t node_count() const { return node_count_; }
    std::size_t edge_count() const { return out_targets_.size(); }

    // Edge e of the out-CSR: supplier -> customer.
    std::size_t out_begin(std::uint32_t v) const { return out_offsets_[v]; }
    std::size_t out_end(std::uint32_t v) const { return out_offsets_[v + 1]; }
    std::span<const std::uint32_t> customers(std::uint32_t v) const {
        return {out_targets_.data() + out_offsets_[v], out_targets_.data() + out_offsets_[v + 1]};
    }
    std::span<const double> out_values(std::uint32_t v) const {
        return {out_values_.data() + out_offsets_[v], out_values_.data() + out_offsets_[v + 1]};
    }
    std::span<const std::uint32_t> suppliers(std::uint32_t v) const {
        return {in_sources_.data() + in_offsets_[v], in_sources_.data() + in_offsets_[v + 1]};
    }
    std::span<const double> in_values(std::uint32_t v) const {
        return {in_values_.data() + in_offsets_[v], in_values_.data() + in_offsets_[v + 1]};
    }
    std::uint32_t out_degree(std::uint32_t v) const {
        return out_offsets_[v + 1] - out_offsets_[v];
    }
    std::uint32_t in_degree(std::uint32_t v) const { return in_offsets_[v + 1] - in_offsets_[v]; }

    std::uint32_t edge_source(std::size_t e) const { return out_sources_[e]; }
    std::uint32_t edge_target(std::size_t e) const { return out_targets_[e]; }
    double edge_value(std::size_t e) const { return out_values_[e]; }
    // Indices into the links vector the network was built from, for edge e.
    std::span<const std::uint32_t> edge_rows(std::size_t e) const {
        return {rows_.data() + row_offsets_[e], rows_.data() + row_offsets_[e + 1]};
    }
    // Edge index of supplier -> customer, if any. O(log out_degree).
    std::optional<std::size_t> find_edge(std::uint32_t supplier, std::uint32_t customer) const;

    // Node of the graph this one was induced from (identity for a full network).
    std::uint32_t original(std::uint32_t v) const { return original_.empty() ? v : original_[v]; }

    double total_value() const;

private:
    std::uint32_t node_count_ = 0;
    std::vector<std::uint32_t> out_offsets_{0};
    std::vector<std::uint32_t> out_sources_;
    std::vector<std::uint32_t> out_targets_;  // sorted within each node
    std::vector<double> out_values_;
    std::vector<std::uint32_t> in_offsets_{0};
    std::vector<std::uint32_t> in_sources_;  // sorted within each node
    std::vector<double> in_values_;
    std::vector<std::uint32_t> row_offsets_{0};
    std::vector<std::uint32_t> rows_;
    std::vector<std::uint32_t> original_;

    void build_in_edges(unsigned threads = 0);
};

}  // namespace icn
