// SPDX-License-Identifier: MIT
// icn chain from-io and icn analyze --io on the NBS 2020 153-sector table (skipped where the
// shared data is absent): a template derived around 电池 and 汽车整车 validates, generates and
// analyses; --io adds the 延链 section; a template without io_sectors.csv is refused with --io.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.hpp"

namespace icn {

TEST(ChainFromIoCli, ATemplateAroundBatteriesAndCarsRunsThroughAnalyze) {
    const auto table = testing::shared_data_dir() / "china_nbs_io_tables/nbs/china_2020_153.csv";
    if (!std::filesystem::exists(table)) GTEST_SKIP() << table << " is absent";
    testing::TempDir dir;
    const auto tpl = dir / "battery-car";
    const auto made = testing::run_icn({"--quiet", "chain", "from-io", table.string(), "--sectors",
                                        "电池,汽车整车", "--out", tpl.string()});
    ASSERT_EQ(made.status, 0) << made.err;
    for (const char* file : {"segments.csv", "flows.csv", "io_sectors.csv", "README.md"}) {
        EXPECT_TRUE(std::filesystem::exists(tpl / file)) << file;
    }
    EXPECT_NE(testing::read_text(tpl / "segments.csv").find("s087,电池,"), std::string::npos);
    EXPECT_NE(testing::read_text(tpl / "README.md").find("threshold 0.02"), std::string::npos);
    const auto data = dir / "data";
    ASSERT_EQ(testing::run_icn({"--quiet", "generate", "--chain", tpl.string(), "--out",
                                data.string(), "--firms", "600", "--links", "3000"})
                  .status,
              0);
    EXPECT_EQ(
        testing::run_icn({"--quiet", "validate", data.string(), "--chain", tpl.string()}).status,
        0);
    const auto out = dir / "out";
    const auto run = testing::run_icn({"--quiet", "analyze", data.string(), "--chain", tpl.string(),
                                       "--region", "371581", "--io", table.string(), "--out",
                                       out.string(), "--formats", "json,md"});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto report = nlohmann::json::parse(testing::read_text(out / "report.json"));
    ASSERT_TRUE(report.contains("extension"));
    EXPECT_FALSE(report["extension"]["upstream"].empty());
    EXPECT_FALSE(report["extension"]["downstream"].empty());
    EXPECT_NE(testing::read_text(out / "report.md").find("行业层面"), std::string::npos);

    // Unknown sector: exit 2, nothing written.
    const auto bad =
        testing::run_icn({"--lang", "en", "chain", "from-io", table.string(), "--sectors",
                          "不存在的行业", "--out", (dir / "bad").string()});
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.err.find("no sector"), std::string::npos) << bad.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "bad"));
    // A template without io_sectors.csv cannot take --io.
    std::filesystem::remove(tpl / "io_sectors.csv");
    const auto refused = testing::run_icn({"--lang", "en", "analyze", data.string(), "--chain",
                                           tpl.string(), "--region", "371581", "--io",
                                           table.string(), "--out", (dir / "r").string()});
    EXPECT_EQ(refused.status, 2);
    EXPECT_NE(refused.err.find("io_sectors.csv"), std::string::npos) << refused.err;
}

}  // namespace icn
