// SPDX-License-Identifier: MIT
// Hostile input: every case ends in exit status 2 with a useful message, or a correct result;
// never a crash, a hang or a runaway allocation.
#include <cctype>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

namespace icn {
namespace {

const std::string kHeader = "id,name,region,segment,size\n";

testing::RunResult validate(const testing::TempDir& dir, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--lang", "en", "validate", dir.path().string()};
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
    // The same id with other contents each time (an exact repeat would be merged).
    for (int i = 0; i < 5000; ++i)
        firms += "F1,甲" + std::to_string(i) + ",371581,assembly,small\n";
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
    const auto run = testing::run_shell(
        "setpriv --reuid=65534 --regid=65534 --clear-groups " + testing::shell_quote(icn.string()) +
            " --lang en validate " + testing::shell_quote(data.string()),
        dir.path());
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("firms.csv: cannot be opened for reading"), std::string::npos)
        << run.err;
}

TEST(Hostile, ExtremeValuesAreRefusedWithTheirLine) {
    testing::TempDir dir;
    testing::write_text(dir / "firms.csv", kHeader +
                                               "F1,甲,371581,assembly,small\n"
                                               "F2,乙,371581,grinding,small\n"
                                               "F3,丙,371581,grinding,small\n");
    testing::write_text(dir / "links.csv",
                        "supplier,customer,value\nF1,F2,1e200\nF2,F1,4.9406564584124654e-324\n"
                        "F3,F1,1e308\nF1,F3,5\n");
    const auto run = validate(dir);
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("links.csv:2: value '1e200' is beyond the largest value"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("links.csv:3: value '4.9406564584124654e-324' is below the smallest"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("links.csv:4:"), std::string::npos) << run.err;
}

TEST(Hostile, LargestAcceptedValuesGiveNumbersNotNaN) {
    // Every amount at the largest accepted value: sums stay finite, no NaN or inf anywhere, and
    // no criterion passes on a number that is not one.
    testing::TempDir dir;
    std::string firms = "id,name,region,segment,size,output\n", links = "supplier,customer,value\n";
    for (int i = 0; i < 40; ++i) {
        firms += "F" + std::to_string(i) + ",企业" + std::to_string(i) + ",371581," +
                 (i % 2 ? "assembly" : "grinding") + ",small,1e15\n";
        links += "F" + std::to_string(i) + ",F" + std::to_string((i + 1) % 40) + ",1e15\n";
        links += "F" + std::to_string(i) + ",F" + std::to_string((i + 7) % 40) + ",1e15\n";
    }
    testing::write_text(dir / "firms.csv", firms);
    testing::write_text(dir / "links.csv", links);
    testing::TempDir report;
    const auto out = report / "out";
    const auto run = testing::run_icn({"--quiet", "analyze", dir.path().string(), "--chain",
                                       "bearing", "--region", "371581", "--out", out.string()});
    ASSERT_EQ(run.status, 0) << run.err;
    for (const char* file :
         {"report.json", "report.md", "report.html", "leaders.csv", "gaps.csv"}) {
        const std::string text = testing::read_text(out / file);
        // "nan", "inf" or "infinity" as a word of its own, in any case ("governance" is fine).
        std::string lower = text;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto letter = [&](std::size_t i) {
            return i < lower.size() && std::isalpha(static_cast<unsigned char>(lower[i]));
        };
        for (const std::string word : {"nan", "inf", "infinity"}) {
            for (std::size_t at = lower.find(word); at != std::string::npos;
                 at = lower.find(word, at + 1)) {
                EXPECT_TRUE((at > 0 && letter(at - 1)) || letter(at + word.size()))
                    << file << ": " << text.substr(at > 20 ? at - 20 : 0, 60);
            }
        }
    }
    EXPECT_NE(testing::read_text(out / "report.json").find("\"local_sourcing_ratio\": 1.0"),
              std::string::npos);
}

TEST(Hostile, ClusterJsonWithManyKeysIsReadInLinearTime) {
    // 400,000 unknown keys: a quadratic reader needs many minutes; `timeout` ends it at 60 s.
    testing::TempDir dir;
    testing::write_text(dir / "firms.csv", kHeader + "F1,甲,371581,assembly,small\n");
    testing::write_text(dir / "links.csv", "supplier,customer\n");
    std::string json = "{\"name\": \"集群\"";
    for (int i = 0; i < 400000; ++i) json += ",\n\"k" + std::to_string(i) + "\": 1";
    json += ",\n\"area_km2\": -3}\n";
    testing::write_text(dir / "cluster.json", json);
    const auto run = testing::run_shell("timeout 60 '" ICN_BINARY "' --lang en validate " +
                                        testing::shell_quote(dir.path().string()));
    EXPECT_EQ(run.status, 2) << run.err.substr(0, 300);
    EXPECT_NE(run.err.find("cluster.json:400002: \"area_km2\" must be a positive number"),
              std::string::npos)
        << run.err.substr(run.err.size() > 300 ? run.err.size() - 300 : 0);
}

TEST(Hostile, APipeInsteadOfAFileIsRefused) {
    testing::TempDir dir;
    ASSERT_EQ(::mkfifo((dir / "firms.csv").c_str(), 0644), 0);
    testing::write_text(dir / "links.csv", "supplier,customer\n");
    const auto run = testing::run_shell("timeout 60 '" ICN_BINARY "' --lang en validate " +
                                        testing::shell_quote(dir.path().string()));
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("firms.csv: is not a regular file"), std::string::npos) << run.err;
}

}  // namespace icn
