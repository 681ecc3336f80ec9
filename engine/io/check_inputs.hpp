// SPDX-License-Identifier: MIT
// Checks that span files: the dataset against the chain template (wrong template, segments the
// template lacks, main industry) and the region (empty cluster). SPEC sections 1.2, 1.3 and 2.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "engine/io/divisions.hpp"
#include "models/chain_template.hpp"
#include "models/dataset.hpp"
#include "models/issue.hpp"
#include "models/region.hpp"

namespace icn {

struct InputSummary {
    std::size_t firms = 0;
    std::optional<std::size_t> local_firms;  // with --region
    std::size_t links = 0;
    std::size_t regions = 0;  // distinct region values among firms
    std::size_t segment_labels = 0;
    std::optional<std::size_t> template_segments;         // with --chain
    std::optional<std::size_t> segments_covered;          // template segments with a firm
    std::optional<std::size_t> segments_covered_locally;  // ... with a local firm
};

// For each firm segment label, its template segment index (nullopt: not in the template).
std::vector<std::optional<std::uint32_t>> map_segments(const Dataset& dataset,
                                                       const ChainTemplate& chain);

// `divisions` (optional) names the regions listed when no firm is local.
InputSummary check_inputs(const Dataset& dataset, const ChainTemplate* chain,
                          const RegionSelector* region, Issues& issues,
                          const DivisionTable* divisions = nullptr);

}  // namespace icn
