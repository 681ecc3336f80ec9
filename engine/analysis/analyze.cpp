// SPDX-License-Identifier: MIT
#include "engine/analysis/analyze.hpp"

#include "engine/util/parallel.hpp"
#include "engine/util/progress.hpp"

namespace icn {

// Three parts side by side on --threads threads: igraph's work (k-core, Leiden and the
// modularities: igraph runs one call at a time behind its lock), the leaders' PageRank and
// betweenness (ICN's own, themselves on every thread), and ICN's other kernels (clustering, the
// measures of each segment, gaps, recommendations, resilience); the system shares the cores
// among them. Each part writes only its own results, and none depends on the thread count: the
// same results for any count, one thread included.
AnalysisResults analyze(const AnalysisContext& context, const AnalyzeOptions& options) {
    AnalysisResults r;
    Progress progress(options.progress, "analysing", 2);
    const unsigned threads = resolve_threads(options.threads);
    LeaderOptions leader_options = options.leaders;
    leader_options.seed = options.seed;
    leader_options.threads = threads;
    std::vector<double> pagerank;
    BetweennessResult between;
    CohesionReport communities;
    parallel_for(threads, 3, [&](std::size_t part) {
        switch (part) {
            case 0:
                add_communities(context, {options.seed, 1}, communities);
                break;
            case 1:
                pagerank = leader_pagerank(context, leader_options);
                between = leader_betweenness(context, leader_options);
                break;
            default:
                r.cohesion = cohesion_without_communities(context, 1);
                r.gaps = find_gaps(context, options.gaps);
                r.recommendations = recommend(context, r.gaps, options.recommendations);
                r.resilience = resilience(context);
        }
    });
    progress.update(1);
    r.leaders = rank_leaders(context, pagerank, between);
    take_communities(r.cohesion, std::move(communities));
    r.reach_leaders = reach_leaders(context, r.leaders);
    measure_leader_reach(context, r.reach_leaders, r.cohesion);
    progress.finish();
    return r;
}

}  // namespace icn
