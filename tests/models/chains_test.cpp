// SPDX-License-Identifier: MIT
// The shipped chain templates: each reads cleanly, names its sources, and works end to end
// with the generator and the gap analysis.
#include <gtest/gtest.h>

#include "engine/analysis/gaps.hpp"
#include "engine/generate/generate.hpp"
#include "engine/io/read_dataset.hpp"
#include "tests/support/test_support.hpp"

namespace icn {

TEST(ShippedChains, ReadCleanlyNameSourcesAndFindAPlantedGap) {
    std::vector<std::string> ids;
    for (const auto& entry :
         std::filesystem::directory_iterator(testing::source_dir() / "models/chains")) {
        if (entry.is_directory()) ids.push_back(entry.path().filename().string());
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"bearing", "integrated_circuit", "lithium_battery",
                                             "new_energy_vehicle", "photovoltaic"}));
    for (const auto& id : ids) {
        SCOPED_TRACE(id);
        const auto folder = testing::source_dir() / "models/chains" / id;
        Issues issues;
        const ChainTemplate chain = read_chain_template(folder, id, issues);
        EXPECT_TRUE(issues.items().empty()) << format_issue(issues.items().at(0));
        EXPECT_GE(chain.segments.size(), 10u);
        EXPECT_GE(chain.flows.size(), chain.segments.size() - 1);
        EXPECT_FALSE(chain.title.empty());
        const std::string readme = testing::read_text(folder / "README.md");
        const auto sources = readme.find("## Sources");
        ASSERT_NE(sources, std::string::npos);
        EXPECT_GE(
            std::count(readme.begin() + static_cast<std::ptrdiff_t>(sources), readme.end(), '-'),
            3);
        for (const Segment& s : chain.segments) {
            EXPECT_FALSE(s.name.empty());
            EXPECT_FALSE(s.name_en.empty()) << s.id;
            EXPECT_GE(s.stage, 1);
        }
        // Plant the last midstream segment as missing and the first flow as broken.
        std::string missing;
        for (const Segment& s : chain.segments) {
            if (s.stage == 2) missing = s.id;
        }
        const Flow& first = chain.flows.front();
        GenerateOptions o;
        o.seed = testing::kTestSeed;
        o.firms = 600;
        o.links = 4000;
        o.missing = {missing};
        o.broken = {{chain.segments[first.from].id, chain.segments[first.to].id}};
        ASSERT_TRUE(check_generate_options(chain, o).empty());
        testing::TempDir dir;
        generate_dataset(chain, o, dir.path());
        const Dataset data = read_dataset(dir.path(), id, issues);
        ASSERT_FALSE(issues.has_errors());
        const AnalysisContext ctx =
            make_context(data, chain, RegionSelector({o.region}), std::nullopt);
        const GapReport gaps = find_gaps(ctx);
        bool found_missing = false, found_broken = false;
        for (const Gap& g : gaps.gaps) {
            found_missing |= g.kind == GapKind::missing && chain.segments[g.segment].id == missing;
            found_broken |=
                g.kind == GapKind::broken && g.segment == first.from && g.to == first.to;
        }
        EXPECT_TRUE(found_missing);
        EXPECT_TRUE(found_broken);
    }
}

}  // namespace icn
