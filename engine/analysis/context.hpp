// SPDX-License-Identifier: MIT
// What every analysis reads: the dataset, the template, the cluster selection, the network of
// all firms (links of --year only, when given) and the local graph G_L (SPEC section 3).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/graph/network.hpp"
#include "engine/graph/undirected.hpp"
#include "models/chain_template.hpp"
#include "models/cluster.hpp"
#include "models/dataset.hpp"
#include "models/region.hpp"

namespace icn {

struct AnalysisContext {
    const Dataset& dataset;
    const ChainTemplate& chain;
    ClusterSelection selection;
    Network network;  // all firms; node = firm index
    Network local;    // G_L; node i = selection.local[i]
    UndirectedGraph local_undirected;
    std::optional<std::int32_t> year;

    std::uint32_t firm_of_local(std::uint32_t i) const { return selection.local[i]; }
    // Local firms of a segment as G_L node indices.
    std::vector<std::uint32_t> local_nodes_of(std::uint32_t segment) const;
};

// `threads`: for building the network (0: every core; the same context for any count).
AnalysisContext make_context(const Dataset& dataset, const ChainTemplate& chain,
                             const RegionSelector& region, std::optional<std::int32_t> year,
                             unsigned threads = 0);

// The same context with some firms taken out (`removed`) or moved in (`added` become local),
// for `icn whatif`.
AnalysisContext make_context_with(const Dataset& dataset, const ChainTemplate& chain,
                                  const RegionSelector& region, std::optional<std::int32_t> year,
                                  const std::vector<std::uint32_t>& removed,
                                  const std::vector<std::uint32_t>& added, unsigned threads = 0);

}  // namespace icn
