// SPDX-License-Identifier: MIT
#include "engine/analysis/analyze.hpp"

#include "engine/util/progress.hpp"

namespace icn {

AnalysisResults analyze(const AnalysisContext& context, const AnalyzeOptions& options) {
    AnalysisResults r;
    Progress progress(options.progress, "analysing", 5);
    LeaderOptions leader_options = options.leaders;
    leader_options.seed = options.seed;
    leader_options.threads = options.threads;
    r.leaders = rank_leaders(context, leader_options);
    progress.update(1);
    r.reach_leaders = reach_leaders(context, r.leaders);
    r.cohesion = cohesion(context, r.reach_leaders, {options.seed});
    progress.update(2);
    r.gaps = find_gaps(context, options.gaps);
    progress.update(3);
    r.recommendations = recommend(context, r.gaps, options.recommendations);
    progress.update(4);
    r.resilience = resilience(context);
    progress.finish();
    return r;
}

}  // namespace icn
