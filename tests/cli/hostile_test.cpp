// SPDX-License-Identifier: MIT
// Hostile input: every case ends in exit status 2 with a useful message, or a correct result;
// never a crash, a hang or a runaway allocation.
#include <fstream>
#include <unistd.h>

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

namespace icn {
namespace {

const std::string kHeader = "id,name,region,segment,size\n";

testing::RunResult validate(const testing::TempDir& dir, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"validate", dir.path().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return testing::run_icn(args);
}

}  // namespace

TEST(Hostile, AHundredMegabyteField) {
    testing::TempDir dir;
    {
        std::ofstream out(dir / "firms.csv", std::ios::binary);
        out << kHeader << "F1,\"";
        const std::string chunk(1 << 20, 'x');
        for (int i = 0; i < 100; ++i) out << chunk;
        out << "\",371581,assembly,small\nF2,乙,371581,assembly,small\n";
    }
    testing::write_text(dir / "links.csv", "supplier,customer\nF2,F1\n");
    const auto run = validate(dir);
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("firms.csv:2: field 2 is 104857600 bytes long; the limit is 1048576"),
              std::string::npos)
        << run.err.substr(0, 500);
}

TEST(Hostile, AMillionColumns) {
    testing::TempDir dir;
    std::string wide = "id,name,region";
    for (int i = 0; i < 1000000; ++i) wide += ",c" + std::to_string(i);
    testing::write_text(dir / "firms.csv", wide + "\nF1,甲,371581\n");
    testing::write_text(dir / "links.csv", "supplier,customer\n");
    const auto run = validate(dir);
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("firms.csv:1: more than 4096 columns"), std::string::npos)
        << run.err.substr(0, 500);
}

TEST(Hostile, InvalidUtf8InEveryColumn) {
    testing::TempDir dir;
    std::string firms = kHeader;
    for (int i = 0; i < 200; ++i)
        firms += "F" + std::to_string(i) + ",企业" + std::to_string(i) + ",371581,assembly,small\n";
    firms +=
        "F\xff,\xfe"
        "名,37\xff"
        ",seg\xff"
        ",sm\xff"
        "all\n";
    testing::write_text(dir / "firms.csv", firms);
    testing::write_text(dir / "links.csv", "supplier,customer\nF1,F2\n");
    const auto run = validate(dir);
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("firms.csv:202: invalid UTF-8 byte 0xFF"), std::string::npos) << run.err;
}

TEST(Hostile, ThousandsOfDuplicateIdsAreAllReported) {
    testing::TempDir dir;
    std::string firms = kHeader;
    for (int i = 0; i < 5000; ++i) firms += "F1,甲,371581,assembly,small\n";
    testing::write_text(dir / "firms.csv", firms);
    testing::write_text(dir / "links.csv", "supplier,customer\n");
    const auto run = validate(dir);
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("firms.csv:5001: duplicate firm id 'F1' (first at line 2)"),
              std::string::npos);
    EXPECT_NE(run.err.find("4999 errors"), std::string::npos)
        << run.err.substr(run.err.size() - 200);
}

TEST(Hostile, AHugeCycleAndEverythingLocal) {
    // 20,000 firms in one supply cycle, all in the region: analysis must finish and be right.
    testing::TempDir dir;
    std::string firms = kHeader, links = "supplier,customer,value\n";
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        firms += "F" + std::to_string(i) + ",企业,371581," + (i % 2 ? "assembly" : "grinding") +
                 ",small\n";
        links += "F" + std::to_string(i) + ",F" + std::to_string((i + 1) % n) + ",1\n";
    }
    testing::write_text(dir / "firms.csv", firms);
    testing::write_text(dir / "links.csv", links);
    testing::TempDir report;
    const auto out = report / "out";
    const auto run = testing::run_icn({"--quiet", "analyze", dir.path().string(), "--chain",
                                       "bearing", "--region", "371581", "--out", out.string()});
    ASSERT_EQ(run.status, 0) << run.err;
    const std::string json = testing::read_text(out / "report.json");
    EXPECT_NE(json.find("\"local_firms\": 20000"), std::string::npos);
    EXPECT_NE(json.find("\"largest_component_share\": 1.0"), std::string::npos);
    EXPECT_NE(json.find("\"articulation_point_count\": 0"), std::string::npos);  // a cycle has none
}

TEST(Hostile, UnreadableFileAsAnUnprivilegedUser) {
    if (std::string why; !testing::can_drop_privileges(why)) GTEST_SKIP() << why;
    testing::TempDir dir;
    const auto icn = testing::unprivileged_copy(dir) / "icn";
    const auto data = dir / "data";
    testing::write_text(data / "firms.csv", kHeader + "F1,甲,371581,assembly,small\n");
    testing::write_text(data / "links.csv", "supplier,customer\n");
    std::filesystem::permissions(data, std::filesystem::perms(0755));
    std::filesystem::permissions(data / "firms.csv", std::filesystem::perms::owner_read);
    const auto run = testing::run_shell("setpriv --reuid=65534 --regid=65534 --clear-groups " +
                                            testing::shell_quote(icn.string()) + " validate " +
                                            testing::shell_quote(data.string()),
                                        dir.path());
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("firms.csv: cannot be opened for reading"), std::string::npos)
        << run.err;
}

}  // namespace icn
