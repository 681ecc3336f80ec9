// SPDX-License-Identifier: MIT
// The command line as a user meets it: help, version, generate then validate, exit statuses.
#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

namespace icn {

TEST(Cli, HelpAndVersion) {
    const auto help = testing::run_icn({"--help"});
    EXPECT_EQ(help.status, 0);
    for (const char* command : {"validate", "generate", "chains"}) {
        EXPECT_NE(help.out.find(command), std::string::npos) << command;
    }
    const auto version = testing::run_icn({"--version"});
    EXPECT_EQ(version.status, 0);
    EXPECT_EQ(version.out.rfind("icn ", 0), 0u);
    const auto sub = testing::run_icn({"validate", "--help"});
    EXPECT_EQ(sub.status, 0);
    EXPECT_NE(sub.out.find("--region"), std::string::npos);
}

TEST(Cli, BadUsageIsStatus2) {
    EXPECT_EQ(testing::run_icn({}).status, 2);
    EXPECT_EQ(testing::run_icn({"frobnicate"}).status, 2);
    EXPECT_EQ(testing::run_icn({"validate"}).status, 2);
    EXPECT_EQ(testing::run_icn({"generate", "--chain", "bearing"}).status, 2);
    const auto broken = testing::run_icn({"generate", "--chain", "bearing", "--out",
                                          "/tmp/icn-never", "--broken", "steel-grinding"});
    EXPECT_EQ(broken.status, 2);
    EXPECT_NE(broken.err.find("expected FROM>TO"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists("/tmp/icn-never"));
}

TEST(Cli, RepeatedRegionsDoNotSwallowTheDataset) {
    // --region takes one value per occurrence, so the dataset may follow it.
    const auto run =
        testing::run_icn({"validate", "--region", "371581", "datasets/sample/linqing-bearing",
                          "--chain", "bearing", "--region", "371502"});
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.out.find("local"), std::string::npos);
}

TEST(Cli, ChainsListsTheShippedTemplates) {
    const auto result = testing::run_icn({"chains"});
    EXPECT_EQ(result.status, 0);
    EXPECT_NE(result.out.find("bearing"), std::string::npos);
    EXPECT_NE(result.out.find("轴承"), std::string::npos);
}

TEST(Cli, GenerateThenValidate) {
    testing::TempDir dir;
    const auto out = (dir / "gen").string();
    const auto gen = testing::run_icn({"--quiet", "generate", "--chain", "bearing", "--out", out,
                                       "--firms", "500", "--links", "2000", "--seed", "7",
                                       "--missing", "seal", "--broken", "heat_treatment>grinding"});
    ASSERT_EQ(gen.status, 0) << gen.err;
    EXPECT_TRUE(gen.err.empty()) << gen.err;  // --quiet
    const auto check =
        testing::run_icn({"validate", out, "--chain", "bearing", "--region", "371581"});
    EXPECT_EQ(check.status, 0) << check.err;
    EXPECT_NE(check.out.find("500 firms"), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("2000 links"), std::string::npos);
    EXPECT_NE(check.out.find("14 of 14 segments of 'bearing' covered (13 locally)"),
              std::string::npos)
        << check.out;
    // A second run into the same folder replaces it whole.
    const auto again = testing::run_icn({"--quiet", "generate", "--chain", "bearing", "--out", out,
                                         "--firms", "400", "--links", "100"});
    ASSERT_EQ(again.status, 0);
    const auto recheck = testing::run_icn({"validate", out});
    EXPECT_NE(recheck.out.find("400 firms"), std::string::npos) << recheck.out;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        EXPECT_EQ(entry.path().filename(), "gen") << "left behind: " << entry.path();
    }
}

}  // namespace icn
