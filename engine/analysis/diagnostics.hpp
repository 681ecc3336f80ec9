// SPDX-License-Identifier: MIT
// Cluster diagnostics for applications (SPEC 3.6): each criterion of a programme's standard,
// the cluster's value, the threshold, pass / fail / unknown (with the reason), the source and
// what to do about a fail. How each measure is computed: docs/diagnostics.md.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/analysis/cohesion.hpp"
#include "models/criteria.hpp"
#include "models/issue.hpp"

namespace icn {

enum class CriterionStatus { pass, fail, unknown };
std::string_view to_string(CriterionStatus status);

struct CriterionResult {
    const Criterion* criterion = nullptr;
    std::optional<double> value;  // in the criterion's unit (万元, ratio, km², firms)
    Message value_text;           // the value with its parts (viz/messages words it)
    std::vector<std::pair<int, double>> series;  // output_each_year: (year, 万元) judged
    std::string series_source;                   // where the series came from
    CriterionStatus status = CriterionStatus::unknown;
    Message reason;    // for unknown: what data is missing
    Message evidence;  // for judgement aspects: what the network shows
    bool judgement = false;
};

struct DiagnosticsReport {
    std::string standard;
    std::string file;
    std::vector<CriterionResult> criteria;
};

// The threshold as a planner reads it: "≥ 70%", "≤ 100 km²", "≥ 1 | 10 家".
std::string threshold_display(const Criterion& criterion);

// `cohesion` gives the evidence for the collaboration aspects (may be null).
DiagnosticsReport diagnose(const AnalysisContext& context, const CohesionReport* cohesion,
                           const CriteriaStandard& standard);

}  // namespace icn
