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
    // For the charts: the cluster's output by year (万元; the later dataset's series wins a year
    // both have) against the programme's threshold, and the file names the charts are written to.
    std::vector<std::pair<int, double>> output_by_year;
    std::optional<double> output_threshold;
};

// The charts of a diff: output by year and local sourcing ratio, before and after, as (file name,
// SVG text); output_by_year.svg only when some year has an output.
std::vector<std::pair<std::string, std::string>> diff_charts(const DiffReport& diff);

Document build_diff_document(const DiffReport& diff);

}  // namespace icn
