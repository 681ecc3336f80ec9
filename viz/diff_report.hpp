// SPDX-License-Identifier: MIT
// The annual-report comparison of two years of one cluster (icn diff, SPEC section 4): the same
// document model as the cluster report, so diff.html and diff.md share its look and escaping.
#pragma once

#include <string>
#include <vector>

#include "engine/analysis/cohesion.hpp"
#include "engine/analysis/diagnostics.hpp"
#include "engine/analysis/gap_changes.hpp"
#include "viz/document.hpp"

namespace icn {

struct CriterionChange {
    std::string name;  // in the report language
    std::optional<CriterionStatus> before;
    CriterionStatus after = CriterionStatus::unknown;
    std::string value_before, value_after;  // as planners read them
    bool judgement = false;                 // a descriptive aspect: a planner judges it
};

struct DiffReport {
    std::string lang = "zh";
    std::string old_dataset, new_dataset;
    std::string cluster_name;
    std::vector<std::string> entered, left;  // "name (id)"
    std::size_t links_gained = 0, links_lost = 0;
    CohesionMeasures before, after;
    std::vector<GapChange> gap_changes;
    const ChainTemplate* chain = nullptr;
    std::vector<CriterionChange> criteria;  // every criterion, before and after
};

Document build_diff_document(const DiffReport& diff);

}  // namespace icn
