// SPDX-License-Identifier: MIT
// icn batch: many clusters from a plan; a broken cluster is reported in summary.csv and does not
// stop the others; exit 2 when some had bad input; a summary.csv the user wrote is not replaced.
#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

namespace icn {

TEST(Batch, ManyClustersWithASummaryAndOneBroken) {
    testing::TempDir dir;
    namespace fs = std::filesystem;
    fs::copy(testing::source_dir() / "datasets/sample/linqing-bearing", dir / "a",
             fs::copy_options::recursive);
    testing::write_text(dir / "broken" / "firms.csv", "id,name\nX,乙\n");
    testing::write_text(dir / "broken" / "links.csv", "supplier,customer\n");
    testing::write_text(dir / "plan.csv",
                        "dataset,chain,region,out\n"
                        "a,bearing,临清市,out/linqing\n"
                        "a,bearing,371521;371525,out/two-counties\n"
                        "broken,bearing,371581,out/broken\n");
    const auto run =
        testing::run_icn({"--lang", "en", "batch", (dir / "plan.csv").string(), "--jobs", "2"});
    EXPECT_EQ(run.status, 2) << run.err;
    EXPECT_TRUE(fs::exists(dir / "out/linqing/report.json"));
    EXPECT_TRUE(fs::exists(dir / "out/two-counties/report.json"));
    EXPECT_FALSE(fs::exists(dir / "out/broken"));
    const std::string summary = testing::read_text(dir / "summary.csv");
    EXPECT_NE(summary.find(",临清市," + (dir / "out/linqing").string() + ",ok,1052,"),
              std::string::npos)
        << summary;
    EXPECT_NE(summary.find(",371521;371525,"), std::string::npos);
    EXPECT_NE(summary.find(",bad_input,"), std::string::npos);
    EXPECT_NE(summary.find("missing required column 'region'"), std::string::npos) << summary;

    // Run again: the summary is ICN's and is replaced; a user's summary.csv is not.
    EXPECT_EQ(testing::run_icn({"--quiet", "batch", (dir / "plan.csv").string()}).status, 2);
    testing::write_text(dir / "summary.csv", "my own notes\n");
    const auto refused = testing::run_icn({"batch", (dir / "plan.csv").string()});
    EXPECT_EQ(refused.status, 2);
    EXPECT_EQ(testing::read_text(dir / "summary.csv"), "my own notes\n");
    testing::write_text(dir / "bad-plan.csv", "dataset,chain\na,bearing\n");
    const auto bad = testing::run_icn({"--lang", "en", "batch", (dir / "bad-plan.csv").string()});
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.err.find("bad-plan.csv:1: missing required column 'region'"), std::string::npos)
        << bad.err;
}

}  // namespace icn
