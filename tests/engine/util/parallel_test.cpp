// SPDX-License-Identifier: MIT
// The one parallel helper and the kernels that use it: a worker's exception comes back to the
// caller (never std::terminate), and every result is the same for 1, 2 and 7 threads. Built
// under ThreadSanitizer in CI (the `tsan` preset), where it runs alone.
#include "engine/util/parallel.hpp"

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

#include <gtest/gtest.h>

#include "engine/analysis/analyze.hpp"
#include "engine/generate/generate.hpp"
#include "engine/generate/random.hpp"
#include "engine/graph/betweenness.hpp"
#include "engine/graph/network.hpp"
#include "engine/io/read_dataset.hpp"

namespace icn {
namespace {

constexpr unsigned kThreadCounts[] = {1, 2, 7};

std::vector<SupplyLink> random_links(std::uint32_t nodes, std::size_t count, std::uint64_t seed) {
    Random random(seed);
    std::vector<SupplyLink> links;
    links.reserve(count);
    while (links.size() < count) {
        SupplyLink link;
        link.supplier = random.below(nodes);
        link.customer = random.below(nodes);
        if (link.supplier == link.customer) continue;
        link.value = 1 + random.below(1000) / 7.0;
        link.year = 2020 + static_cast<std::int32_t>(random.below(3));
        link.line = static_cast<std::uint32_t>(links.size() + 2);
        links.push_back(link);
    }
    return links;
}

}  // namespace

TEST(Parallel, RunsEveryTaskOnce) {
    for (unsigned threads : kThreadCounts) {
        std::vector<std::atomic<int>> runs(1000);
        parallel_for(threads, runs.size(), [&](std::size_t i) { ++runs[i]; });
        for (const auto& r : runs) EXPECT_EQ(r.load(), 1) << threads << " threads";
    }
}

TEST(Parallel, AWorkersExceptionReachesTheCaller) {
    for (unsigned threads : kThreadCounts) {
        EXPECT_THROW(parallel_for(threads, 100,
                                  [](std::size_t i) {
                                      if (i == 37) throw std::runtime_error("task 37");
                                  }),
                     std::runtime_error);
        try {
            parallel_for(threads, 8, [](std::size_t i) {
                if (i >= 3) throw OutOfMemory("links.csv");
            });
            ADD_FAILURE() << "no exception";
        } catch (const OutOfMemory& e) {
            EXPECT_EQ(e.phase(), "links.csv");
        }
    }
}

TEST(Parallel, SplitEvenlyCoversTheRange) {
    const auto bounds = split_evenly(10, 3);
    EXPECT_EQ(bounds, (std::vector<std::size_t>{0, 4, 7, 10}));
    EXPECT_EQ(split_evenly(2, 4), (std::vector<std::size_t>{0, 1, 2, 2, 2}));
    EXPECT_EQ(resolve_threads(3), 3u);
    EXPECT_GE(resolve_threads(0), 1u);
}

TEST(Parallel, NetworkIsTheSameForAnyThreadCount) {
    const auto links = random_links(5000, 200000, 7);
    const Network one = Network::from_links(5000, links, std::nullopt, 1);
    for (unsigned threads : kThreadCounts) {
        for (const auto year : {std::optional<std::int32_t>{}, std::optional<std::int32_t>{2021}}) {
            const Network net = Network::from_links(5000, links, year, threads);
            const Network ref = Network::from_links(5000, links, year, 1);
            ASSERT_EQ(net.edge_count(), ref.edge_count());
            for (std::size_t e = 0; e < net.edge_count(); ++e) {
                ASSERT_EQ(net.edge_source(e), ref.edge_source(e));
                ASSERT_EQ(net.edge_target(e), ref.edge_target(e));
                ASSERT_EQ(net.edge_value(e), ref.edge_value(e));  // bit for bit
            }
            for (std::uint32_t v = 0; v < 5000; ++v) {
                const auto a = net.suppliers(v);
                const auto b = ref.suppliers(v);
                ASSERT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end()));
            }
        }
    }
    EXPECT_GT(one.edge_count(), 190000u);
}

TEST(Parallel, BetweennessIsTheSameForAnyThreadCount) {
    const auto links = random_links(400, 3000, 11);
    const Network net = Network::from_links(400, links);
    const auto ref = betweenness(net, {.exact_up_to = 400, .threads = 1}).scores;
    for (unsigned threads : kThreadCounts) {
        EXPECT_EQ(betweenness(net, {.exact_up_to = 400, .threads = threads}).scores, ref);
        const auto sampled_1 =
            betweenness(net, {.exact_up_to = 10, .samples = 50, .work = 1e18, .threads = 1});
        const auto sampled =
            betweenness(net, {.exact_up_to = 10, .samples = 50, .work = 1e18, .threads = threads});
        EXPECT_EQ(sampled.scores, sampled_1.scores);
    }
}

TEST(Parallel, LinksFileIsReadTheSameForAnyThreadCount) {
    // 20 MiB of rows without quotes: read in parts, one per thread.
    Dataset firms;
    std::string text = "id,name,region\n";
    for (int i = 0; i < 3000; ++i) text += "F" + std::to_string(i) + ",企业,371581\n";
    Issues ignored;
    read_firms(*decode_text(text, "firms.csv", ignored), firms, ignored);
    ASSERT_EQ(firms.firms.size(), 3000u);
    std::string links = "supplier,customer,value,year\n";
    Random random(3);
    while (links.size() < (std::size_t{20} << 20)) {
        const auto s = random.below(3000), c = random.below(3000);
        links += "F" + std::to_string(s) + ",F" + std::to_string(c) + "," +
                 std::to_string(1 + random.below(99)) + ",2024\n";
    }
    links += "F1,NOPE,1,2024\n";  // one bad row near the end: reported at its line
    const auto lines = static_cast<std::uint32_t>(std::count(links.begin(), links.end(), '\n'));
    std::vector<SupplyLink> first;
    std::vector<Issue> first_issues;
    for (unsigned threads : kThreadCounts) {
        Dataset data = firms;
        Issues issues;
        read_links(*decode_text(links, "links.csv", issues), data, issues, threads);
        std::vector<Issue> errors;
        for (const Issue& i : issues.items()) {
            if (i.severity == Severity::error) errors.push_back(i);
        }
        ASSERT_FALSE(errors.empty());
        EXPECT_EQ(errors.back().line, lines);
        if (threads == 1) {
            first = data.links;
            first_issues = errors;
            continue;
        }
        ASSERT_EQ(data.links.size(), first.size());
        for (std::size_t k = 0; k < first.size(); ++k) {
            ASSERT_EQ(data.links[k].supplier, first[k].supplier);
            ASSERT_EQ(data.links[k].customer, first[k].customer);
            ASSERT_EQ(data.links[k].line, first[k].line);
            ASSERT_EQ(data.links[k].value, first[k].value);
        }
        ASSERT_EQ(errors.size(), first_issues.size());
    }
}

// The analysis runs igraph's part, PageRank, ICN's other kernels and the blocks of betweenness
// as one list of tasks shared by the threads (engine/analysis/analyze.cpp): the same numbers for
// any count, and, under ThreadSanitizer, no data race between the parts.
TEST(Parallel, AnalysisIsTheSameForAnyThreadCount) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("icn-parallel-" + std::to_string(::getpid()));
    Issues issues;
    const ChainTemplate chain = read_chain_template("models/chains/bearing", "bearing", issues);
    ASSERT_FALSE(issues.has_errors());
    GenerateOptions options;
    options.firms = 4000;  // above the exact-betweenness limit: sampled sources in blocks
    options.links = 30000;
    options.local_share = 0.9;
    options.years = 0;
    std::filesystem::create_directories(dir);
    generate_dataset(chain, options, dir);
    const Dataset data = read_dataset(dir, "d", issues);
    std::filesystem::remove_all(dir);
    ASSERT_FALSE(issues.has_errors());
    const AnalysisContext context =
        make_context(data, chain, RegionSelector({"371581"}), std::nullopt, 1);
    ASSERT_GT(context.local.node_count(), 3000u);
    AnalyzeOptions one;
    one.threads = 1;
    const AnalysisResults ref = analyze(context, one);
    EXPECT_FALSE(ref.leaders.betweenness_exact);
    for (unsigned threads : kThreadCounts) {
        AnalyzeOptions o;
        o.threads = threads;
        const AnalysisResults r = analyze(context, o);
        ASSERT_EQ(r.leaders.ranked.size(), ref.leaders.ranked.size());
        for (std::size_t i = 0; i < r.leaders.ranked.size(); ++i) {
            EXPECT_EQ(r.leaders.ranked[i].firm, ref.leaders.ranked[i].firm) << threads;
            EXPECT_EQ(r.leaders.ranked[i].score, ref.leaders.ranked[i].score) << threads;
        }
        EXPECT_EQ(r.cohesion.communities.membership, ref.cohesion.communities.membership);
        EXPECT_EQ(r.cohesion.cluster.avg_clustering, ref.cohesion.cluster.avg_clustering);
        EXPECT_EQ(r.cohesion.max_core, ref.cohesion.max_core);
        EXPECT_EQ(r.cohesion.leader_reach, ref.cohesion.leader_reach);
        EXPECT_EQ(r.resilience.single_sources.size(), ref.resilience.single_sources.size());
        EXPECT_EQ(r.gaps.gaps.size(), ref.gaps.gaps.size());
    }
}

}  // namespace icn
