// SPDX-License-Identifier: MIT
#include "models/cluster.hpp"

#include <algorithm>

namespace icn {

bool ClusterSelection::lists(std::uint32_t firm, std::uint32_t segment) const {
    const auto& s = segments[firm];
    return std::find(s.begin(), s.end(), segment) != s.end();
}

ClusterSelection select_cluster(const Dataset& dataset, const ChainTemplate& chain,
                                const RegionSelector& region) {
    ClusterSelection c;
    const std::size_t n = dataset.firms.size();
    c.is_local.assign(n, false);
    c.local_of.assign(n, ClusterSelection::kNotLocal);
    c.segments.assign(n, {});
    c.local_by_segment.assign(chain.segments.size(), {});
    c.firms_by_segment.assign(chain.segments.size(), {});
    std::vector<std::optional<std::uint32_t>> mapped;
    mapped.reserve(dataset.segment_labels.size());
    for (const auto& label : dataset.segment_labels) mapped.push_back(chain.find_label(label));
    for (std::uint32_t i = 0; i < n; ++i) {
        const Firm& firm = dataset.firms[i];
        if (region.matches(firm.region)) {
            c.is_local[i] = true;
            c.local_of[i] = static_cast<std::uint32_t>(c.local.size());
            c.local.push_back(i);
        }
        for (std::uint32_t label : firm.segments) {
            if (!mapped[label]) continue;
            const std::uint32_t s = *mapped[label];
            c.segments[i].push_back(s);
            c.firms_by_segment[s].push_back(i);
            if (c.is_local[i]) c.local_by_segment[s].push_back(i);
        }
    }
    return c;
}

}  // namespace icn
