// SPDX-License-Identifier: MIT
#include "engine/graph/network.hpp"

#include <algorithm>

#include "engine/util/counting_sort.hpp"
#include "engine/util/parallel.hpp"

namespace icn {

Network Network::from_links(std::uint32_t node_count, const std::vector<SupplyLink>& links,
                            std::optional<std::int32_t> year, unsigned threads) {
    Network net;
    net.node_count_ = node_count;
    // A counting sort by supplier carries (customer, row, value), so that no later pass reaches
    // back into `links` at random; each supplier's few rows are then sorted by customer and
    // merged. Threads share every pass: parts of the rows, then of the suppliers.
    struct Entry {
        std::uint32_t customer;
        std::uint32_t row;
        double value;
    };
    std::size_t kept = 0;
    for (const SupplyLink& link : links) kept += (!year || link.year == *year) ? 1 : 0;
    std::vector<Entry> entries(kept);
    const std::vector<std::uint32_t> start = counting_sort(
        links.size(), node_count, threads,
        [&](std::size_t i) {
            return (!year || links[i].year == *year) ? links[i].supplier : kNoNode;
        },
        [&](std::size_t i, std::uint32_t slot) {
            entries[slot] = {links[i].customer, static_cast<std::uint32_t>(i), links[i].value};
        });

    // Suppliers are split where equal shares of the rows lie.
    const std::size_t parts = parts_for(kept, threads);
    std::vector<std::uint32_t> split(parts + 1, node_count);
    split[0] = 0;
    for (std::size_t p = 1; p < parts; ++p) {
        const auto rows = static_cast<std::uint32_t>(kept * p / parts);
        split[p] = std::min(
            node_count, static_cast<std::uint32_t>(
                            std::lower_bound(start.begin(), start.end(), rows) - start.begin()));
    }
    std::vector<std::uint32_t> merged(std::size_t{node_count} + 1, 0);
    parallel_for(threads, parts, [&](std::size_t t) {
        const std::uint32_t lo = split[t];
        const std::uint32_t hi = split[t + 1];
        for (std::uint32_t v = lo; v < hi; ++v) {
            const auto first = entries.begin() + start[v];
            const auto last = entries.begin() + start[v + 1];
            std::sort(first, last, [](const Entry& a, const Entry& b) {
                return a.customer != b.customer ? a.customer < b.customer : a.row < b.row;
            });
            std::uint32_t edges = 0;
            for (auto it = first; it != last; ++it) {
                if (it == first || it->customer != (it - 1)->customer) ++edges;
            }
            merged[v + 1] = edges;
        }
    });
    for (std::uint32_t v = 0; v < node_count; ++v) merged[v + 1] += merged[v];
    const std::size_t edge_count = merged[node_count];
    net.out_offsets_ = merged;
    net.out_sources_.resize(edge_count);
    net.out_targets_.resize(edge_count);
    net.out_values_.resize(edge_count);
    net.row_offsets_.resize(edge_count + 1);
    net.rows_.resize(kept);
    parallel_for(threads, parts, [&](std::size_t t) {
        const std::uint32_t lo = split[t];
        const std::uint32_t hi = split[t + 1];
        for (std::uint32_t v = lo; v < hi; ++v) {
            std::size_t e = merged[v];
            for (std::size_t k = start[v]; k < start[v + 1]; ++k) {
                const Entry& entry = entries[k];
                net.rows_[k] = entry.row;
                if (k > start[v] && entry.customer == entries[k - 1].customer) {
                    net.out_values_[e - 1] += entry.value;
                    continue;
                }
                net.row_offsets_[e] = static_cast<std::uint32_t>(k);
                net.out_sources_[e] = v;
                net.out_targets_[e] = entry.customer;
                net.out_values_[e] = entry.value;
                ++e;
            }
        }
    });
    net.row_offsets_[edge_count] = static_cast<std::uint32_t>(kept);
    entries.clear();
    entries.shrink_to_fit();
    net.build_in_edges(threads);
    return net;
}

void Network::build_in_edges(unsigned threads) {
    // Out-edges are ordered by source and the counting sort is stable, so each in-list comes
    // out ordered by source.
    in_sources_.resize(out_targets_.size());
    in_values_.resize(out_targets_.size());
    in_offsets_ = counting_sort(
        out_targets_.size(), node_count_, threads, [&](std::size_t e) { return out_targets_[e]; },
        [&](std::size_t e, std::uint32_t slot) {
            in_sources_[slot] = out_sources_[e];
            in_values_[slot] = out_values_[e];
        });
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

std::optional<std::size_t> Network::find_edge(std::uint32_t supplier,
                                              std::uint32_t customer) const {
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
