// SPDX-License-Identifier: MIT
#include "engine/generate/generate.hpp"

#include <set>

#include <gtest/gtest.h>

#include "engine/graph/network.hpp"
#include "engine/io/check_inputs.hpp"
#include "engine/io/read_dataset.hpp"
#include "tests/support/test_support.hpp"

namespace icn {
namespace {

ChainTemplate bearing() {
    Issues issues;
    auto chain =
        read_chain_template(testing::source_dir() / "models/chains/bearing", "bearing", issues);
    EXPECT_FALSE(issues.has_errors());
    return chain;
}

struct Generated {
    testing::TempDir dir;
    Dataset data;
    Issues issues;
};

std::unique_ptr<Generated> generate(const GenerateOptions& options) {
    auto g = std::make_unique<Generated>();
    const ChainTemplate chain = bearing();
    EXPECT_TRUE(check_generate_options(chain, options).empty());
    generate_dataset(chain, options, g->dir.path());
    g->data = read_dataset(g->dir.path(), "gen", g->issues);
    return g;
}

}  // namespace

TEST(Generate, SameSeedSameBytesOtherSeedOtherBytes) {
    GenerateOptions options;
    options.seed = testing::kTestSeed;
    options.firms = 300;
    options.links = 1500;
    auto a = generate(options);
    auto b = generate(options);
    options.seed += 1;
    auto c = generate(options);
    for (const char* file : {"firms.csv", "links.csv", "firm_years.csv", "cluster.json"}) {
        EXPECT_EQ(testing::read_text(a->dir / file), testing::read_text(b->dir / file)) << file;
    }
    EXPECT_NE(testing::read_text(a->dir / "links.csv"), testing::read_text(c->dir / "links.csv"));
}

TEST(Generate, ReadsBackCleanWithTheAskedSizes) {
    GenerateOptions options;
    options.seed = testing::kTestSeed;
    options.firms = 1200;
    options.links = 6000;
    auto g = generate(options);
    EXPECT_FALSE(g->issues.has_errors());
    EXPECT_EQ(g->data.firms.size(), 1200u);
    EXPECT_EQ(g->data.links.size(), 6000u);
    const ChainTemplate chain = bearing();
    const RegionSelector region({options.region});
    const InputSummary s = check_inputs(g->data, &chain, &region, g->issues);
    EXPECT_FALSE(g->issues.has_errors());
    EXPECT_NEAR(static_cast<double>(*s.local_firms), 1200 * options.local_share, 60);
    EXPECT_EQ(*s.segments_covered_locally, chain.segments.size());
    int leaders = 0;
    for (const Firm& f : g->data.firms) leaders += f.leader ? 1 : 0;
    EXPECT_EQ(leaders, 3);
    // Heavy tails: the busiest firm has many times the mean degree.
    const Network net =
        Network::from_links(static_cast<std::uint32_t>(g->data.firms.size()), g->data.links);
    std::uint32_t max_degree = 0;
    for (std::uint32_t v = 0; v < net.node_count(); ++v) {
        max_degree = std::max(max_degree, net.in_degree(v) + net.out_degree(v));
    }
    const double mean = 2.0 * static_cast<double>(net.edge_count()) / net.node_count();
    EXPECT_GT(max_degree, 8 * mean);
}

TEST(Generate, PlantedGapsHoldInTheData) {
    GenerateOptions options;
    options.seed = testing::kTestSeed;
    options.firms = 1500;
    options.links = 8000;
    options.missing = {"seal"};
    options.weak = {"grease"};
    options.broken = {{"heat_treatment", "grinding"}};
    auto g = generate(options);
    ASSERT_FALSE(g->issues.has_errors());
    const RegionSelector region({options.region});
    const auto label = [&](const char* id) { return *g->data.find_segment_label(id); };
    const auto lists = [&](const Firm& f, std::uint32_t s) {
        return std::find(f.segments.begin(), f.segments.end(), s) != f.segments.end();
    };
    int seal_local = 0, seal_external = 0, grease_local = 0;
    for (const Firm& f : g->data.firms) {
        const bool local = region.matches(f.region);
        if (lists(f, label("seal"))) (local ? seal_local : seal_external)++;
        if (local && lists(f, label("grease"))) ++grease_local;
        if (local) {
            EXPECT_FALSE(lists(f, label("heat_treatment")) && lists(f, label("grinding")));
        }
    }
    EXPECT_EQ(seal_local, 0);
    EXPECT_GE(seal_external, 3);
    EXPECT_EQ(grease_local, 1);
    for (const SupplyLink& l : g->data.links) {
        const Firm& s = g->data.firms[l.supplier];
        const Firm& c = g->data.firms[l.customer];
        if (region.matches(s.region) && region.matches(c.region)) {
            EXPECT_FALSE(lists(s, label("heat_treatment")) && lists(c, label("grinding")))
                << "links.csv:" << l.line;
        }
    }
}

TEST(Generate, RefusesOptionsThatCannotBeMet) {
    const ChainTemplate chain = bearing();
    GenerateOptions options;
    options.missing = {"no_such_segment"};
    options.broken = {{"steel", "wind_power"}};  // not a flow
    options.firms = 10;
    const auto problems = check_generate_options(chain, options);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_NE(problems[0].find("no_such_segment"), std::string::npos);
    EXPECT_NE(problems[1].find("not a flow"), std::string::npos);
    EXPECT_NE(problems[2].find("too few"), std::string::npos);
}

}  // namespace icn
