// SPDX-License-Identifier: MIT
// Something real: the 38 Willems (2008) supply chains, converted by datasets/willems2008/
// convert.py, load with the published stage and arc counts (Table 3). Skips without
// ../shared/data.
#include <fstream>

#include <gtest/gtest.h>

#include "engine/io/check_inputs.hpp"
#include "engine/io/read_dataset.hpp"
#include "tests/support/test_support.hpp"

namespace icn {

TEST(Willems2008, AllChainsLoadWithThePublishedCounts) {
    const auto source = testing::shared_data_dir() / "willems2008_msom_supply_chains";
    if (!std::filesystem::exists(source / "summary" / "chain_index_and_counts.csv")) {
        GTEST_SKIP() << "../shared/data/willems2008_msom_supply_chains is absent";
    }
    testing::TempDir out;
    const auto converted = testing::run_shell("/usr/bin/python3 datasets/willems2008/convert.py '" +
                                              source.string() + "' '" + out.path().string() + "'");
    ASSERT_EQ(converted.status, 0) << converted.err;

    Issues chain_issues;
    const ChainTemplate chain = read_chain_template(out / "chain", "chain", chain_issues);
    ASSERT_FALSE(chain_issues.has_errors());
    EXPECT_EQ(chain.segments.size(), 5u);

    // chain,company_id,sic_code,sic_description,n_dist,n_manuf,n_part,n_retail,n_trans,
    // total_stages,total_arcs (the description is quoted and holds commas).
    std::ifstream summary(source / "summary" / "chain_index_and_counts.csv");
    std::string line;
    std::getline(summary, line);
    int checked = 0;
    while (std::getline(summary, line)) {
        if (line.empty()) continue;
        const auto last = line.rfind(',');
        const auto before = line.rfind(',', last - 1);
        const int chain_number = std::stoi(line.substr(0, line.find(',')));
        const std::size_t stages = std::stoul(line.substr(before + 1, last - before - 1));
        const std::size_t arcs = std::stoul(line.substr(last + 1));
        char folder[8];
        std::snprintf(folder, sizeof folder, "%02d", chain_number);
        Issues issues;
        const Dataset data = read_dataset(out / folder, folder, issues);
        const RegionSelector region({std::string("willems-") + folder});
        const InputSummary s = check_inputs(data, &chain, &region, issues);
        EXPECT_FALSE(issues.has_errors()) << folder << ": " << format_issue(issues.items().at(0));
        EXPECT_EQ(data.firms.size(), stages) << "chain " << folder;
        EXPECT_EQ(data.links.size(), arcs) << "chain " << folder;
        EXPECT_EQ(s.local_firms, stages);
        ++checked;
    }
    EXPECT_EQ(checked, 38);

    // And through the command line, the largest chain.
    const auto result = testing::run_icn({"validate", (out / "38").string(), "--chain",
                                          (out / "chain").string(), "--region", "willems-38"});
    EXPECT_EQ(result.status, 0) << result.err;
    EXPECT_NE(result.out.find("2025 firms, 2025 local, 16225 links"), std::string::npos)
        << result.out;
}

}  // namespace icn
