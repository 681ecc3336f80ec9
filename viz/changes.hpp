// SPDX-License-Identifier: MIT
// A cluster before and after (icn whatif, icn diff) as a planner reads it: the SPEC 3.1
// measures, each gap that opened, closed, worsened, eased or changed in severity (matched by
// identity, engine/analysis/gap_changes.hpp), and the firms concerned by name.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/analysis/cohesion.hpp"
#include "engine/analysis/gap_changes.hpp"
#include "engine/analysis/whatif.hpp"
#include "models/dataset.hpp"

namespace icn {

// Lines for stdout: the three measures before -> after, then one line per gap that changed.
std::string change_text(const CohesionMeasures& before, const CohesionMeasures& after,
                        const std::vector<GapChange>& changes, const ChainTemplate& chain,
                        const GapOptions& options, std::string_view lang);

// {"change", "before", "after"} per gap that changed (unchanged ones left out).
nlohmann::ordered_json gap_changes_json(const std::vector<GapChange>& changes,
                                        const ChainTemplate& chain, const GapOptions& options,
                                        std::string_view lang);

// icn whatif's JSON (SPEC 2): the firms cut off, the change in local links and value, the
// measures before and after, the gaps that changed, opened and closed.
nlohmann::ordered_json whatif_json(const WhatIfResult& result, const Dataset& dataset,
                                   const ChainTemplate& chain,
                                   const std::vector<std::string>& removed,
                                   const std::vector<std::string>& added, const GapOptions& options,
                                   std::string_view lang);

// "临清甲轴承有限公司（F0001）、..." : firms by name with their id, at most `limit`, then how many
// more.
std::string firm_names(const Dataset& dataset, const std::vector<std::uint32_t>& firms,
                       std::string_view lang, std::size_t limit = 10);

}  // namespace icn
