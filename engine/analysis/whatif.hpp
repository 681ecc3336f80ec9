// SPDX-License-Identifier: MIT
// What-if (SPEC 3.5): take firms out of the network (--remove) or move external firms into the
// cluster (--add), and compare the cluster before and after: firms cut off, links and value
// lost or gained, cohesion, gaps opened and closed.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/analysis/cohesion.hpp"
#include "engine/analysis/gap_changes.hpp"
#include "engine/analysis/gaps.hpp"

namespace icn {

struct WhatIfResult {
    std::vector<std::uint32_t> removed, added;  // firm indices
    CohesionMeasures before, after;
    std::uint32_t max_core_before = 0, max_core_after = 0;
    // Local firms joined to the largest local component before, and not after.
    std::vector<std::uint32_t> cut_off;
    std::int64_t local_links_change = 0;  // G_L pairs after - before
    double local_value_change = 0;        // G_L value after - before
    std::size_t rows_removed = 0;         // links.csv rows touching a removed firm
    double value_removed = 0;
    std::vector<GapChange> gap_changes;  // every gap of either state, matched by identity
};

WhatIfResult what_if(const Dataset& dataset, const ChainTemplate& chain,
                     const RegionSelector& region, std::optional<std::int32_t> year,
                     const std::vector<std::uint32_t>& removed,
                     const std::vector<std::uint32_t>& added, const GapOptions& gap_options);

}  // namespace icn
