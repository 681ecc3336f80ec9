// SPDX-License-Identifier: MIT
// The cluster chosen from a dataset: which firms are local (SPEC 1.3) and which template
// segments each firm lists (SPEC 3.2). No graph library here.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "models/chain_template.hpp"
#include "models/dataset.hpp"
#include "models/region.hpp"

namespace icn {

struct ClusterSelection {
    std::vector<bool> is_local;                        // per firm
    std::vector<std::uint32_t> local;                  // local firm indices, ascending
    std::vector<std::uint32_t> local_of;               // firm -> position in `local`, or kNotLocal
    std::vector<std::vector<std::uint32_t>> segments;  // per firm: template segment indices
    std::vector<std::vector<std::uint32_t>> local_by_segment;  // per segment: local firms
    std::vector<std::vector<std::uint32_t>> firms_by_segment;  // per segment: all firms

    static constexpr std::uint32_t kNotLocal = 0xFFFFFFFFu;

    bool lists(std::uint32_t firm, std::uint32_t segment) const;
};

ClusterSelection select_cluster(const Dataset& dataset, const ChainTemplate& chain,
                                const RegionSelector& region);

}  // namespace icn
