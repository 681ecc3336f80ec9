// SPDX-License-Identifier: MIT
#include "engine/graph/network.hpp"

#include <algorithm>

namespace icn {

Network Network::from_links(std::uint32_t node_count, const std::vector<SupplyLink>& links,
                            std::optional<std::int32_t> year) {
    Network net;
    net.node_count_ = node_count;
    // Rows kept, grouped by supplier and ordered by customer within: two stable counting sorts.
    std::vector<std::uint32_t> by_customer;
    {
        std::vector<std::uint32_t> count(std::size_t{node_count} + 1, 0);
        std::size_t kept = 0;
        for (const SupplyLink& link : links) {
            if (year && link.year != *year) continue;
            ++count[link.customer + 1];
            ++kept;
        }
        for (std::size_t v = 0; v < node_count; ++v) count[v + 1] += count[v];
        by_customer.resize(kept);
        for (std::size_t i = 0; i < links.size(); ++i) {
            if (year && links[i].year != *year) continue;
            by_customer[count[links[i].customer]++] = static_cast<std::uint32_t>(i);
        }
    }
    std::vector<std::uint32_t> order(by_customer.size());
    {
        std::vector<std::uint32_t> count(std::size_t{node_count} + 1, 0);
        for (std::uint32_t i : by_customer) ++count[links[i].supplier + 1];
        for (std::size_t v = 0; v < node_count; ++v) count[v + 1] += count[v];
        for (std::uint32_t i : by_customer) order[count[links[i].supplier]++] = i;
    }
    by_customer.clear();
    by_customer.shrink_to_fit();

    net.out_offsets_.assign(std::size_t{node_count} + 1, 0);
    net.row_offsets_.clear();
    net.rows_ = std::move(order);
    for (std::size_t k = 0; k < net.rows_.size(); ++k) {
        const SupplyLink& link = links[net.rows_[k]];
        const bool same = !net.out_sources_.empty() && net.out_sources_.back() == link.supplier &&
                          net.out_targets_.back() == link.customer;
        if (same) {
            net.out_values_.back() += link.value;
        } else {
            net.row_offsets_.push_back(static_cast<std::uint32_t>(k));
            net.out_sources_.push_back(link.supplier);
            net.out_targets_.push_back(link.customer);
            net.out_values_.push_back(link.value);
            ++net.out_offsets_[link.supplier + 1];
        }
    }
    net.row_offsets_.push_back(static_cast<std::uint32_t>(net.rows_.size()));
    for (std::size_t v = 0; v < node_count; ++v) net.out_offsets_[v + 1] += net.out_offsets_[v];
    net.build_in_edges();
    return net;
}

void Network::build_in_edges() {
    in_offsets_.assign(std::size_t{node_count_} + 1, 0);
    for (std::uint32_t target : out_targets_) ++in_offsets_[target + 1];
    for (std::size_t v = 0; v < node_count_; ++v) in_offsets_[v + 1] += in_offsets_[v];
    in_sources_.resize(out_targets_.size());
    in_values_.resize(out_targets_.size());
    std::vector<std::uint32_t> next(in_offsets_.begin(), in_offsets_.end() - 1);
    for (std::size_t e = 0; e < out_targets_.size(); ++e) {
        const std::uint32_t slot = next[out_targets_[e]]++;
        in_sources_[slot] = out_sources_[e];
        in_values_[slot] = out_values_[e];
    }
}

Network Network::induced(const std::vector<std::uint32_t>& nodes) const {
    Network sub;
    sub.node_count_ = static_cast<std::uint32_t>(nodes.size());
    std::vector<std::uint32_t> local(node_count_, kNoNode);
    for (std::size_t i = 0; i < nodes.size(); ++i) local[nodes[i]] = static_cast<std::uint32_t>(i);
    sub.out_offsets_.assign(nodes.size() + 1, 0);
    sub.row_offsets_ = {0};
    // Edges are emitted by new source index; targets must be sorted within each source.
    std::vector<std::pair<std::uint32_t, std::size_t>> adjacency;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        adjacency.clear();
        const std::uint32_t v = nodes[i];
        for (std::size_t e = out_offsets_[v]; e < out_offsets_[v + 1]; ++e) {
            const std::uint32_t t = local[out_targets_[e]];
            if (t != kNoNode) adjacency.emplace_back(t, e);
        }
        std::sort(adjacency.begin(), adjacency.end());
        for (const auto& [t, e] : adjacency) {
            sub.out_sources_.push_back(static_cast<std::uint32_t>(i));
            sub.out_targets_.push_back(t);
            sub.out_values_.push_back(out_values_[e]);
            for (std::uint32_t r : edge_rows(e)) sub.rows_.push_back(r);
            sub.row_offsets_.push_back(static_cast<std::uint32_t>(sub.rows_.size()));
        }
        sub.out_offsets_[i + 1] = static_cast<std::uint32_t>(sub.out_targets_.size());
    }
    sub.original_.resize(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) sub.original_[i] = original(nodes[i]);
    sub.build_in_edges();
    return sub;
}

std::optional<std::size_t> Network::find_edge(std::uint32_t supplier, std::uint32_t customer) const {
    const auto begin = out_targets_.begin() + out_offsets_[supplier];
    const auto end = out_targets_.begin() + out_offsets_[supplier + 1];
    const auto it = std::lower_bound(begin, end, customer);
    if (it == end || *it != customer) return std::nullopt;
    return static_cast<std::size_t>(it - out_targets_.begin());
}

double Network::total_value() const {
    double total = 0;
    for (double v : out_values_) total += v;
    return total;
}

}  // namespace icn
