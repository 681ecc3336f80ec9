// SPDX-License-Identifier: MIT
#include "engine/analysis/whatif.hpp"

#include <algorithm>

#include "engine/backends/igraph/igraph_measures.hpp"

namespace icn {
namespace {

// Firms of the largest component of G_L (ties: the one holding the smallest firm index).
std::vector<bool> in_largest_component(const AnalysisContext& context) {
    std::vector<bool> out(context.dataset.firms.size(), false);
    const Components c = connected_components(context.local_undirected);
    if (c.sizes.empty()) return out;
    const auto largest = static_cast<std::uint32_t>(
        std::max_element(c.sizes.begin(), c.sizes.end()) - c.sizes.begin());
    for (std::size_t i = 0; i < c.membership.size(); ++i) {
        if (c.membership[i] == largest)
            out[context.firm_of_local(static_cast<std::uint32_t>(i))] = true;
    }
    return out;
}

std::uint32_t max_core(const AnalysisContext& context) {
    const auto cores = coreness(context.local_undirected);
    return cores.empty() ? 0 : *std::max_element(cores.begin(), cores.end());
}

}  // namespace

WhatIfResult what_if(const Dataset& dataset, const ChainTemplate& chain,
                     const RegionSelector& region, std::optional<std::int32_t> year,
                     const std::vector<std::uint32_t>& removed,
                     const std::vector<std::uint32_t>& added, const GapOptions& gap_options) {
    WhatIfResult result;
    result.removed = removed;
    result.added = added;
    const AnalysisContext before = make_context(dataset, chain, region, year);
    const AnalysisContext after = make_context_with(dataset, chain, region, year, removed, added);

    const auto all_nodes = [](const AnalysisContext& c) {
        std::vector<std::uint32_t> nodes(c.local.node_count());
        for (std::uint32_t i = 0; i < nodes.size(); ++i) nodes[i] = i;
        return nodes;
    };
    result.before = cohesion_measures(before, all_nodes(before));
    result.after = cohesion_measures(after, all_nodes(after));
    result.max_core_before = max_core(before);
    result.max_core_after = max_core(after);

    const std::vector<bool> joined_before = in_largest_component(before);
    const std::vector<bool> joined_after = in_largest_component(after);
    std::vector<bool> gone(dataset.firms.size(), false);
    for (std::uint32_t f : removed) gone[f] = true;
    for (std::uint32_t f = 0; f < dataset.firms.size(); ++f) {
        if (joined_before[f] && !joined_after[f] && !gone[f]) result.cut_off.push_back(f);
    }
    result.local_links_change = static_cast<std::int64_t>(after.local.edge_count()) -
                                static_cast<std::int64_t>(before.local.edge_count());
    result.local_value_change = after.local.total_value() - before.local.total_value();
    for (const SupplyLink& link : dataset.links) {
        if (year && link.year != *year) continue;
        if (gone[link.supplier] || gone[link.customer]) {
            ++result.rows_removed;
            result.value_removed += link.value;
        }
    }
    const GapReport gaps_before = find_gaps(before, gap_options);
    const GapReport gaps_after = find_gaps(after, gap_options);
    result.gap_changes = compare_gaps(gaps_before.gaps, gaps_after.gaps);
    return result;
}

}  // namespace icn
