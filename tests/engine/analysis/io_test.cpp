// SPDX-License-Identifier: MIT
// SPEC 3.7 on the NBS tables in ../shared/data (skipped where absent) against NumPy
// (tests/oracle/io_oracle.py, which reads the tables on its own), and drawn fixtures: (I - A) L
// = I, and upstreamness 1 exactly for a sector that sells only to final use.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/analysis/io_linkages.hpp"
#include "tests/support/test_support.hpp"

namespace icn {

TEST(InputOutput, AgreesWithNumpyOnTheNbsTables) {
    const auto folder = testing::shared_data_dir() / "china_nbs_io_tables" / "nbs";
    if (!std::filesystem::exists(folder)) GTEST_SKIP() << folder << " is absent";
    if (testing::run_shell("/usr/bin/python3 -c 'import numpy'").status != 0) {
        GTEST_SKIP() << "Debian's python3-numpy is not installed";
    }
    for (const char* name :
         {"china_2017_149.csv", "china_2020_153.csv", "china_2020_42.csv", "china_2002_122.csv"}) {
        SCOPED_TRACE(name);
        Issues issues;
        const auto table = read_io_table(folder / name, name, issues);
        ASSERT_TRUE(table.has_value()) << (issues.items().empty() ? "" : issues.items()[0].message);
        const IoLinkages mine = io_linkages(*table);
        const auto run = testing::run_shell("/usr/bin/python3 tests/oracle/io_oracle.py " +
                                            testing::shell_quote((folder / name).string()));
        ASSERT_EQ(run.status, 0) << run.err;
        const auto oracle = nlohmann::json::parse(run.out);
        EXPECT_LT(oracle["identity_residual"].get<double>(), 1e-9);
        for (std::size_t i = 0; i < table->size(); ++i) {
            const auto& o = oracle["sectors"][table->codes[i]];
            const auto close = [](double a, double b) {
                return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
            };
            EXPECT_TRUE(close(mine.sectors[i].backward, o[0].get<double>())) << table->codes[i];
            EXPECT_TRUE(close(mine.sectors[i].forward, o[1].get<double>())) << table->codes[i];
            EXPECT_TRUE(close(mine.sectors[i].upstreamness, o[2].get<double>())) << table->codes[i];
            EXPECT_TRUE(close(mine.sectors[i].downstreamness, o[3].get<double>()))
                << table->codes[i];
            EXPECT_GE(mine.sectors[i].upstreamness, 1.0 - 1e-12) << table->codes[i];
            EXPECT_GE(mine.sectors[i].downstreamness, 1.0 - 1e-12) << table->codes[i];
        }
        // (I - A) L = I.
        const std::size_t n = table->size();
        double worst = 0;
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
                double v = 0;
                for (std::size_t k = 0; k < n; ++k) {
                    v += ((i == k ? 1.0 : 0.0) - mine.a[i * n + k]) * mine.leontief[k * n + j];
                }
                worst = std::max(worst, std::abs(v - (i == j ? 1.0 : 0.0)));
            }
        }
        EXPECT_LT(worst, 1e-9);
    }
}

TEST(InputOutput, ASectorSellingOnlyToFinalUseHasUpstreamnessOne) {
    //   1 -> 2 -> 3 -> final use;  sector 3 sells nothing to other sectors.
    testing::TempDir dir;
    testing::write_text(dir / "t.csv",
                        "Code,Description,DescriptionInChinese,1,2,3,TIU,FU202,EX,TFU,IM,GO\n"
                        "1,Ore,矿石,0,40,0,40,0,0,60,0,100\n"
                        "2,Parts,零件,0,0,30,30,0,10,50,0,80\n"
                        "3,Goods,整机,0,0,0,0,0,0,90,0,90\n"
                        "TII,,,0,40,30,,,,,,\n"
                        "TVA,,,100,40,60,,,,,,\n"
                        "TI,,,100,80,90,,,,,,\n");
    Issues issues;
    const auto table = read_io_table(dir / "t.csv", "t.csv", issues);
    ASSERT_TRUE(table.has_value()) << (issues.items().empty() ? "" : issues.items()[0].message);
    const IoLinkages links = io_linkages(*table);
    EXPECT_EQ(links.sectors[2].upstreamness, 1.0);
    // Sector 1 uses no intermediate input: one production stage.
    EXPECT_NEAR(links.sectors[0].downstreamness, 1.0, 1e-12);
    // Column sums of L by hand: a12 = 40/80, a23 = 30/90; L13 = a12 a23.
    EXPECT_NEAR(links.sectors[1].downstreamness, 1 + 0.5, 1e-12);
    EXPECT_NEAR(links.sectors[2].downstreamness, 1 + 30.0 / 90 + 0.5 * 30.0 / 90, 1e-12);
    // U2 = 1 + 30/(80-10) U3; U1 = 1 + 40/100 U2.
    EXPECT_NEAR(links.sectors[1].upstreamness, 1 + 30.0 / 70.0, 1e-12);
    EXPECT_NEAR(links.sectors[0].upstreamness, 1 + 0.4 * (1 + 30.0 / 70.0), 1e-12);
    // A table that does not balance is refused, naming the sector.
    testing::write_text(dir / "bad.csv",
                        "Code,Description,DescriptionInChinese,1,2,TIU,GO\n"
                        "1,A,甲,0,40,40,100\n2,B,乙,0,0,0,80\n"
                        "TII,,,0,41,,\nTVA,,,100,40,,\nTI,,,100,80,,\n");
    Issues bad;
    EXPECT_FALSE(read_io_table(dir / "bad.csv", "bad.csv", bad).has_value());
    ASSERT_TRUE(bad.has_errors());
    EXPECT_NE(bad.items()[0].message.find("sector 2: intermediate inputs and TII do not balance"),
              std::string::npos)
        << bad.items()[0].message;
}

}  // namespace icn
