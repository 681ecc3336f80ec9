// SPDX-License-Identifier: MIT
// Times `icn analyze` the way the command runs it (engine/api.hpp, then viz/report_files): load
// (with the input checksums and the national-2022 criteria), network and G_L, the analysis as it
// runs (leaders' betweenness beside the rest), diagnostics, the report files
// (json, html, md, svg, csv). Then each kernel alone, one after another, for the table of
// kernels against the peers (bench/compare.py). Usage:
//   icn_bench_analyze DATASET CHAIN_FOLDER REGION [THREADS]   (0 or none: every core)
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sys/resource.h>
#include <unistd.h>

#include "engine/analysis/analyze.hpp"
#include "engine/analysis/diagnostics.hpp"
#include "engine/api.hpp"
#include "engine/backends/igraph/igraph_graph.hpp"
#include "engine/backends/igraph/igraph_measures.hpp"
#include "engine/graph/betweenness.hpp"
#include "engine/graph/clustering.hpp"
#include "engine/graph/pagerank.hpp"
#include "viz/report_files.hpp"

namespace {

double peak_mb() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

// Resident memory now (MB), from /proc/self/statm.
double resident_mb() {
    std::FILE* file = std::fopen("/proc/self/statm", "r");
    if (file == nullptr) return 0;
    unsigned long pages = 0, resident = 0;
    const int read = std::fscanf(file, "%lu %lu", &pages, &resident);
    std::fclose(file);
    return read == 2 ? static_cast<double>(resident) * sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0)
                     : 0;
}

}  // namespace

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
        std::printf("%-26s %7.3f s  (peak %5.0f MB, now %5.0f MB)\n", phase,
                    std::chrono::duration<double>(t1 - t0).count(), peak_mb(), resident_mb());
        t0 = t1;
    };

    icn::LoadRequest request;
    request.dataset = argv[1];
    request.chain = argv[2];
    request.regions = {argv[3]};
    request.criteria = "national-2022";
    request.threads = threads;
    const auto inputs = std::make_shared<const icn::Inputs>(icn::load(request));
    if (!inputs->ok()) {
        std::fprintf(stderr, "the inputs have errors\n");
        return 2;
    }
    lap("load");
    icn::Results whole;  // what run() returns, built phase by phase
    whole.inputs = inputs;
    whole.context = std::make_unique<icn::AnalysisContext>(
        icn::make_context(inputs->dataset, *inputs->chain, *inputs->region, std::nullopt, threads));
    const icn::AnalysisContext& context = *whole.context;
    lap("network + G_L");
    std::printf("  local firms %zu, local edges %zu, undirected %zu\n",
                context.selection.local.size(), context.local.edge_count(),
                context.local_undirected.edge_count());
    icn::AnalyzeOptions options;
    options.threads = threads;
    whole.analysis = icn::analyze(context, options);
    const icn::AnalysisResults& results = whole.analysis;
    lap("analysis");
    std::printf("  betweenness %s, %u sources\n",
                results.leaders.betweenness_exact ? "exact" : "sampled",
                results.leaders.betweenness_sources);
    whole.diagnostics = icn::diagnose(*whole.context, &whole.analysis.cohesion, *inputs->criteria);
    lap("diagnostics");
    icn::ReportInput report = icn::report_input(whole, options, {argv[3]}, argv[1], "zh");
    const std::filesystem::path out =
        std::filesystem::temp_directory_path() / ("icn-bench-report-" + std::to_string(getpid()));
    {
        icn::StagedOutput output(out, {argv[1]}, "icn bench");
        icn::write_report_files(report, {"json", "html", "md", "svg", "csv"}, {}, output);
        output.commit();
    }
    lap("reports");
    const double end_to_end = std::chrono::duration<double>(clock::now() - start).count();
    std::printf("%-26s %7.3f s\n", "total", end_to_end);
    std::printf("%-26s %7.0f MB\n", "peak RSS", peak_mb());
    std::error_code ec;
    std::filesystem::remove_all(out, ec);

    // Each kernel alone (the figures the peers are compared with).
    std::printf("kernels, one after another:\n");
    t0 = clock::now();
    icn::LeaderOptions leader_options;
    leader_options.threads = threads;
    const std::vector<double> pagerank = icn::leader_pagerank(context, leader_options);
    lap("  pagerank");
    const std::vector<double> own_pagerank =
        icn::weighted_pagerank(context.local, {.damping = 0.85, .threads = threads});
    lap("  pagerank, ICN's own");
    double most = 0;
    for (std::size_t v = 0; v < pagerank.size(); ++v)
        most = std::max(most, std::fabs(pagerank[v] - own_pagerank[v]) / pagerank[v]);
    std::printf("    largest relative difference from igraph's: %.2g\n", most);
    const icn::BetweennessResult between = icn::leader_betweenness(context, leader_options);
    lap("  betweenness");
    std::printf("    %u sources\n", between.sources);
    const auto clustering = icn::clustering_coefficients(context.local_undirected, threads);
    lap("  local clustering");
    const auto components = icn::connected_components(context.local_undirected);
    lap("  components");
    {
        const icn::IgraphGraph ig(context.local_undirected);
        lap("  igraph copy of G_L");
        const auto cores = icn::coreness(ig);
        lap("  k-core");
        const auto parts = icn::leiden(ig, 1);
        lap("  leiden");
        std::printf("    modularity %.6f\n", icn::modularity(ig, parts));
    }
    icn::CohesionReport cohesion = icn::cohesion_without_communities(context, threads);
    lap("  cohesion, ICN's measures");
    icn::add_communities(context, {}, cohesion);
    lap("  cohesion, igraph's measures");
    const icn::GapReport gaps = icn::find_gaps(context);
    lap("  gaps");
    const icn::Recommendations rec = icn::recommend(context, gaps);
    lap("  recommendations");
    const icn::CutStructure cuts = icn::cut_structure(context.local_undirected);
    lap("  cut points and bridges");
    const icn::ResilienceReport res = icn::resilience(context);
    lap("  resilience (all of it)");
    std::printf("gaps %zu attract %zu match %zu cut points %zu\n", gaps.gaps.size(),
                rec.attract.size(), rec.match.size(), res.articulation_points.size());
    return 0;
}
