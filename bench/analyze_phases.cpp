// SPDX-License-Identifier: MIT
// Times each phase of `icn analyze` on a dataset: load, network and G_L, leaders (PageRank and
// betweenness), cohesion, gaps, recommendations, resilience. Usage:
//   icn_bench_analyze DATASET CHAIN_FOLDER REGION [THREADS]   (0 or none: every core)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>

#include "engine/analysis/analyze.hpp"
#include "engine/io/read_dataset.hpp"

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: icn_bench_analyze DATASET CHAIN_FOLDER REGION [THREADS]\n");
        return 2;
    }
    const unsigned threads = argc > 4 ? static_cast<unsigned>(std::atoi(argv[4])) : 0;
    using clock = std::chrono::steady_clock;
    auto t0 = clock::now();
    const auto start = t0;
    const auto lap = [&](const char* phase) {
        const auto t1 = clock::now();
        std::printf("%-26s %7.3f s\n", phase, std::chrono::duration<double>(t1 - t0).count());
        t0 = t1;
    };
    icn::Issues issues;
    const icn::Dataset data = icn::read_dataset(argv[1], argv[1], issues, threads);
    const icn::ChainTemplate chain = icn::read_chain_template(argv[2], argv[2], issues);
    if (issues.has_errors()) return 2;
    lap("load");
    const icn::AnalysisContext ctx =
        icn::make_context(data, chain, icn::RegionSelector({argv[3]}), std::nullopt, threads);
    lap("network + G_L");
    std::printf("  local firms %zu, local edges %zu, undirected %zu\n", ctx.selection.local.size(),
                ctx.local.edge_count(), ctx.local_undirected.edge_count());
    icn::LeaderOptions leader_options;
    leader_options.threads = threads;
    const icn::LeaderReport leaders = icn::rank_leaders(ctx, leader_options);
    lap("leaders");
    std::printf("  betweenness %s, %u sources\n", leaders.betweenness_exact ? "exact" : "sampled",
                leaders.betweenness_sources);
    const auto reach = icn::reach_leaders(ctx, leaders);
    const icn::CohesionReport cohesion = icn::cohesion(ctx, reach);
    lap("cohesion");
    const icn::GapReport gaps = icn::find_gaps(ctx);
    lap("gaps");
    const icn::Recommendations rec = icn::recommend(ctx, gaps);
    lap("recommendations");
    const icn::ResilienceReport res = icn::resilience(ctx);
    lap("resilience");
    std::printf("%-26s %7.3f s\n", "total",
                std::chrono::duration<double>(clock::now() - start).count());
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%-26s %7.0f MB\n", "peak RSS", usage.ru_maxrss / 1024.0);
    std::printf("gaps %zu attract %zu match %zu cut points %zu\n", gaps.gaps.size(),
                rec.attract.size(), rec.match.size(), res.articulation_points.size());
    return 0;
}
