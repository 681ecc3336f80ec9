// SPDX-License-Identifier: MIT
#include "engine/analysis/context.hpp"

namespace icn {
namespace {

AnalysisContext build(const Dataset& dataset, const ChainTemplate& chain,
                      ClusterSelection selection, std::optional<std::int32_t> year,
                      const std::vector<std::uint32_t>& removed, unsigned threads) {
    Network network;
    if (removed.empty()) {
        network = Network::from_links(static_cast<std::uint32_t>(dataset.firms.size()),
                                      dataset.links, year, threads);
    } else {
        std::vector<bool> gone(dataset.firms.size(), false);
        for (std::uint32_t f : removed) gone[f] = true;
        std::vector<SupplyLink> kept;
        kept.reserve(dataset.links.size());
        for (const SupplyLink& link : dataset.links) {
            if (!gone[link.supplier] && !gone[link.customer]) kept.push_back(link);
        }
        network = Network::from_links(static_cast<std::uint32_t>(dataset.firms.size()), kept, year,
                                      threads);
    }
    Network local = network.induced(selection.local);
    UndirectedGraph undirected(local);
    return AnalysisContext{dataset,
                           chain,
                           std::move(selection),
                           std::move(network),
                           std::move(local),
                           std::move(undirected),
                           year};
}

}  // namespace

std::vector<std::uint32_t> AnalysisContext::local_nodes_of(std::uint32_t segment) const {
    std::vector<std::uint32_t> nodes;
    for (std::uint32_t firm : selection.local_by_segment[segment]) {
        nodes.push_back(selection.local_of[firm]);
    }
    return nodes;
}

AnalysisContext make_context(const Dataset& dataset, const ChainTemplate& chain,
                             const RegionSelector& region, std::optional<std::int32_t> year,
                             unsigned threads) {
    return build(dataset, chain, select_cluster(dataset, chain, region), year, {}, threads);
}

AnalysisContext make_context_with(const Dataset& dataset, const ChainTemplate& chain,
                                  const RegionSelector& region, std::optional<std::int32_t> year,
                                  const std::vector<std::uint32_t>& removed,
                                  const std::vector<std::uint32_t>& added, unsigned threads) {
    ClusterSelection selection = select_cluster(dataset, chain, region);
    std::vector<bool> local = selection.is_local;
    for (std::uint32_t f : added) local[f] = true;
    for (std::uint32_t f : removed) local[f] = false;
    // Rebuild the lists from the flags.
    ClusterSelection changed;
    changed.is_local = local;
    changed.local_of.assign(local.size(), ClusterSelection::kNotLocal);
    changed.segments = selection.segments;
    changed.firms_by_segment = selection.firms_by_segment;
    changed.local_by_segment.assign(chain.segments.size(), {});
    for (std::uint32_t f = 0; f < local.size(); ++f) {
        if (!local[f]) continue;
        changed.local_of[f] = static_cast<std::uint32_t>(changed.local.size());
        changed.local.push_back(f);
        for (std::uint32_t s : changed.segments[f]) changed.local_by_segment[s].push_back(f);
    }
    return build(dataset, chain, std::move(changed), year, removed, threads);
}

}  // namespace icn
