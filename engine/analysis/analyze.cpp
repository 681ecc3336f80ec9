// SPDX-License-Identifier: MIT
#include "engine/analysis/analyze.hpp"

#include "engine/util/parallel.hpp"
#include "engine/util/progress.hpp"

namespace icn {

// The analysis as one list of tasks shared by --threads threads: igraph's work first (k-core,
// Leiden and the modularities: igraph runs one call at a time behind its lock), then PageRank,
// ICN's other kernels (clustering, the measures of each segment, gaps, recommendations,
// resilience), then the blocks of sources of the leaders' betweenness, which every thread takes
// up as it comes free. Each task writes only its own results, and none depends on the thread
// count: the same results for any count, one thread included.
AnalysisResults analyze(const AnalysisContext& context, const AnalyzeOptions& options) {
    AnalysisResults r;
    Progress progress(options.progress, "analysing", 2);
    LeaderOptions leader_options = options.leaders;
    leader_options.seed = options.seed;
    leader_options.threads = 1;  // inside a task
    std::vector<double> pagerank;
    BetweennessRun between(context.local, leader_betweenness_options(leader_options));
    CohesionReport communities;
    constexpr std::size_t kOwnTasks = 3;
    parallel_for(options.threads, kOwnTasks + between.blocks(), [&](std::size_t task) {
        switch (task) {
            case 0:
                add_communities(context, {options.seed, 1}, communities);
                break;
            case 1:
                pagerank = leader_pagerank(context, leader_options);
                break;
            case 2:
                r.cohesion = cohesion_without_communities(context, 1);
                r.gaps = find_gaps(context, options.gaps);
                r.recommendations = recommend(context, r.gaps, options.recommendations);
                r.resilience = resilience(context);
                break;
            default:
                between.run_block(task - kOwnTasks);
        }
    });
    progress.update(1);
    r.leaders = rank_leaders(context, pagerank, between.finish());
    take_communities(r.cohesion, std::move(communities));
    r.reach_leaders = reach_leaders(context, r.leaders);
    measure_leader_reach(context, r.reach_leaders, r.cohesion);
    progress.finish();
    return r;
}

}  // namespace icn
