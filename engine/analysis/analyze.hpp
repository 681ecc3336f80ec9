// SPDX-License-Identifier: MIT
// The whole analysis of a cluster, in the order the parts need each other: leaders (their
// reach feeds cohesion), cohesion, gaps, recommendations, resilience.
#pragma once

#include <optional>
#include <string>

#include "engine/analysis/cohesion.hpp"
#include "engine/analysis/context.hpp"
#include "engine/analysis/gaps.hpp"
#include "engine/analysis/leaders.hpp"
#include "engine/analysis/recommendations.hpp"
#include "engine/analysis/resilience.hpp"
#include "engine/util/progress.hpp"

namespace icn {

struct AnalyzeOptions {
    GapOptions gaps;
    RecommendationOptions recommendations;
    LeaderOptions leaders;
    std::uint64_t seed = 1;
    unsigned threads = 0;              // 0: every core; never changes a result
    ProgressSink* progress = nullptr;  // told how far the analysis is; not owned
};

struct AnalysisResults {
    LeaderReport leaders;
    std::vector<std::uint32_t> reach_leaders;
    CohesionReport cohesion;
    GapReport gaps;
    Recommendations recommendations;
    ResilienceReport resilience;
};

AnalysisResults analyze(const AnalysisContext& context, const AnalyzeOptions& options);

}  // namespace icn
