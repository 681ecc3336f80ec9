// SPDX-License-Identifier: MIT
// icn analyze and icn whatif end to end on the embedded sample.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.hpp"

namespace icn {

namespace {
const std::string kSample = "datasets/sample/linqing-bearing";
}

TEST(Analyze, WritesEveryFileWithSpecKeys) {
    testing::TempDir dir;
    const auto out = (dir / "report").string();
    const auto run = testing::run_icn(
        {"--quiet", "analyze", kSample, "--chain", "bearing", "--region", "371581", "--out", out});
    ASSERT_EQ(run.status, 0) << run.err;
    for (const char* file :
         {"report.json", "gaps.csv", "attract.csv", "match.csv", "leaders.csv"}) {
        EXPECT_TRUE(std::filesystem::exists(dir / "report" / file)) << file;
    }
    const auto report = nlohmann::json::parse(testing::read_text(dir / "report/report.json"));
    for (const char* key : {"local_firms", "local_links", "density", "local_sourcing_ratio",
                            "largest_component_share", "avg_clustering"}) {
        EXPECT_TRUE(report["cohesion"].contains(key)) << key;
    }
    EXPECT_EQ(report["cohesion"]["local_firms"], 1052);
    // The sample's planted gaps, in SPEC 3.2's shapes.
    bool missing = false, weak = false, broken = false;
    for (const auto& gap : report["gaps"]) {
        missing |= gap["kind"] == "missing" && gap["segment"] == "seal";
        weak |= gap["kind"] == "weak" && gap["segment"] == "grease" && gap["local_firms"] == 1;
        broken |=
            gap["kind"] == "broken" && gap["from"] == "heat_treatment" && gap["to"] == "grinding";
        EXPECT_GE(gap["severity"].get<double>(), 0.0);
        EXPECT_LE(gap["severity"].get<double>(), 1.0);
        EXPECT_FALSE(gap["explanation"].get<std::string>().empty());
    }
    EXPECT_TRUE(missing && weak && broken) << report["gaps"].dump(1);
    EXPECT_FALSE(report["recommendations"]["attract"].empty());
    EXPECT_FALSE(report["recommendations"]["match"].empty());
    EXPECT_EQ(report["leaders"][0]["designated"], true);
    EXPECT_EQ(report["stamp"]["inputs"].size(), 6u);
    const std::string csv = testing::read_text(dir / "report/gaps.csv");
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u) << "gaps.csv starts with a BOM for Excel";
    EXPECT_NE(csv.find("缺链"), std::string::npos);
}

TEST(Analyze, EnglishReport) {
    testing::TempDir dir;
    const auto run =
        testing::run_icn({"--quiet", "analyze", kSample, "--chain", "bearing", "--region", "371581",
                          "--out", (dir / "en").string(), "--lang", "en"});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto report = nlohmann::json::parse(testing::read_text(dir / "en/report.json"));
    EXPECT_EQ(report["gaps"][0]["explanation"].get<std::string>().rfind("Missing:", 0), 0u);
}

TEST(Analyze, BadInputWritesNothingAndKeepsTheOldReport) {
    testing::TempDir dir;
    const auto out = (dir / "report").string();
    testing::write_text(dir / "report/report.json", "old");
    const auto run = testing::run_icn(
        {"analyze", kSample, "--chain", "bearing", "--region", "650100", "--out", out});
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("集群为空"), std::string::npos) << run.err;  // Chinese by default
    EXPECT_EQ(testing::read_text(dir / "report/report.json"), "old");
    EXPECT_EQ(testing::run_icn({"analyze", kSample, "--chain", "bearing"}).status, 2);  // no region
    EXPECT_EQ(testing::run_icn({"analyze", kSample, "--chain", "bearing", "--region", "371581",
                                "--lang", "fr", "--out", out})
                  .status,
              2);
    EXPECT_EQ(testing::read_text(dir / "report/report.json"), "old");
}

TEST(WhatIfCli, RemoveAndAdd) {
    const auto removed = testing::run_icn({"whatif", kSample, "--chain", "bearing", "--region",
                                           "371581", "--remove", "F0001603", "--json"});
    ASSERT_EQ(removed.status, 0) << removed.err;
    const auto r = nlohmann::json::parse(removed.out);
    EXPECT_EQ(r["cohesion_before"]["local_firms"].get<int>() - 1,
              r["cohesion_after"]["local_firms"].get<int>());
    EXPECT_LT(r["local_links_change"].get<int>(), 0);
    const auto added = testing::run_icn({"whatif", kSample, "--chain", "bearing", "--region",
                                         "371581", "--add", "F0000126", "--lang", "en"});
    ASSERT_EQ(added.status, 0) << added.err;
    // One sealing firm moved in: seals go from missing to weak, an easing, not a closing.
    EXPECT_NE(added.out.find("gap eased (missing became weak): Weak: only 1 local firm in 'Seals"),
              std::string::npos)
        << added.out;
    const auto unknown = testing::run_icn(
        {"whatif", kSample, "--chain", "bearing", "--region", "371581", "--remove", "NOPE"});
    EXPECT_EQ(unknown.status, 2);
    EXPECT_NE(unknown.err.find("no firm 'NOPE'"), std::string::npos);
    const auto local = testing::run_icn(
        {"whatif", kSample, "--chain", "bearing", "--region", "371581", "--add", "F0001603"});
    EXPECT_EQ(local.status, 2);
}

}  // namespace icn

namespace icn {

TEST(DiffCli, TwoYearsOfOneCluster) {
    testing::TempDir dir;
    const auto y1 = (dir / "2023").string();
    const auto y2 = (dir / "2024").string();
    ASSERT_EQ(testing::run_icn({"--quiet", "generate", "--chain", "bearing", "--out", y1, "--firms",
                                "400", "--links", "1500", "--year", "2023", "--missing", "seal"})
                  .status,
              0);
    ASSERT_EQ(testing::run_icn({"--quiet", "generate", "--chain", "bearing", "--out", y2, "--firms",
                                "400", "--links", "1800", "--year", "2024"})
                  .status,
              0);
    const auto run = testing::run_icn({"diff", y1, y2, "--chain", "bearing", "--region", "371581",
                                       "--json", "--lang", "en", "--out", (dir / "diff").string()});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto out = nlohmann::json::parse(run.out);
    bool seal_closed = false;
    for (const auto& c : out["gap_changes"]) {
        // Gaps are matched by identity: one in both years is never both opened and closed.
        EXPECT_NE(c["change"], "unchanged");
        if (c["change"] == "closed" && c["before"]["kind"] == "missing" &&
            c["before"]["segment"] == "seal") {
            seal_closed = true;
        }
        if (c["change"] == "opened") {
            for (const auto& d : out["gap_changes"]) {
                if (d["change"] != "closed") continue;
                EXPECT_FALSE(d["before"]["kind"] == c["after"]["kind"] &&
                             d["before"].value("segment", "") == c["after"].value("segment", "") &&
                             d["before"].value("from", "") == c["after"].value("from", "") &&
                             d["before"].value("to", "") == c["after"].value("to", ""))
                    << c.dump() << d.dump();
            }
        }
    }
    EXPECT_TRUE(seal_closed) << out["gap_changes"];
    for (const auto& f : out["firms_entered"]) EXPECT_FALSE(f["name"].get<std::string>().empty());
    EXPECT_TRUE(out["cohesion_before"].contains("local_sourcing_ratio"));
    EXPECT_TRUE(out["criteria_changed"].is_array());
    // The charts: local sourcing before and after, output by year, as SVG beside diff.html.
    for (const char* chart : {"local_sourcing.svg", "output_by_year.svg"}) {
        const auto parsed = testing::run_shell(
            "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; "
            "print('|'.join(e.text or '' for e in "
            "E.parse(sys.argv[1]).iter('{http://www.w3.org/2000/svg}text')))\" " +
            testing::shell_quote((dir / "diff" / chart).string()));
        ASSERT_EQ(parsed.status, 0) << chart << parsed.err;
        if (std::string(chart) == "local_sourcing.svg") {
            const double before = out["cohesion_before"]["local_sourcing_ratio"];
            EXPECT_NE(parsed.out.find(fmt::format("{:.1f}%", 100 * before)), std::string::npos)
                << parsed.out;
        } else {
            EXPECT_NE(parsed.out.find("2024"), std::string::npos) << parsed.out;
            EXPECT_NE(parsed.out.find("threshold 4 bn yuan"), std::string::npos) << parsed.out;
        }
    }
    EXPECT_NE(testing::read_text(dir / "diff" / "diff.html").find("<svg"), std::string::npos);
    EXPECT_EQ(testing::run_icn({"diff", y1, "/nonexistent", "--chain", "bearing", "--region",
                                "371581", "--out", (dir / "bad").string()})
                  .status,
              2);
}

TEST(DiagnoseCli, PrintsTheSectionAndRefusesABadCriteriaFile) {
    const auto run = testing::run_icn({"diagnose", "datasets/sample/linqing-bearing", "--chain",
                                       "bearing", "--region", "371581", "--json"});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto out = nlohmann::json::parse(run.out);
    EXPECT_EQ(out["standard"], "national-2022");
    EXPECT_EQ(out["criteria"].size(), 13u);
    for (const auto& c : out["criteria"]) {
        EXPECT_TRUE(c["status"] == "pass" || c["status"] == "fail" || c["status"] == "unknown");
        EXPECT_FALSE(c["source"].get<std::string>().empty());
    }
    const auto text =
        testing::run_icn({"diagnose", "datasets/sample/linqing-bearing", "--chain", "bearing",
                          "--region", "371581", "--criteria", "provincial-template"});
    EXPECT_EQ(text.status, 0);
    EXPECT_NE(text.out.find("provincial-template"), std::string::npos);
}

TEST(DiffCli, AGapInBothYearsIsNotOpenedAndClosedAndFirmsAreNamed) {
    // The same dataset twice but one firm fewer: the text names it and no gap "opens" or
    // "closes" just because its explanation's numbers changed.
    testing::TempDir dir;
    const auto y1 = dir / "2023";
    std::filesystem::copy(kSample, y1, std::filesystem::copy_options::recursive);
    const auto y2 = dir / "2024";
    std::filesystem::copy(kSample, y2, std::filesystem::copy_options::recursive);
    std::string firms = testing::read_text(y2 / "firms.csv");
    const auto at = firms.find("\nF0000001,");
    firms.erase(at + 1, firms.find('\n', at + 1) - at);
    testing::write_text(y2 / "firms.csv", firms);
    for (const char* table : {"links.csv", "firm_years.csv"}) {
        const std::string text = testing::read_text(y2 / table);
        std::string kept;
        std::size_t start = 0;
        while (start < text.size()) {
            const std::size_t end = text.find('\n', start);
            const std::string line = text.substr(start, end - start + 1);
            if (line.find("F0000001,") == std::string::npos &&
                line.find(",F0000001") == std::string::npos) {
                kept += line;
            }
            if (end == std::string::npos) break;
            start = end + 1;
        }
        testing::write_text(y2 / table, kept);
    }
    const auto run =
        testing::run_icn({"diff", y1.string(), y2.string(), "--chain", "bearing", "--region",
                          "371581", "--quiet", "--out", (dir / "diff").string()});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.out.find("退出：临清隆华钢球与滚子有限公司（F0000001）"), std::string::npos)
        << run.out;
    EXPECT_EQ(run.out.find("新增缺口"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("缺口消除"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("pass"), std::string::npos) << run.out;  // no English inside Chinese
    // The annual-report files: firms by name, criteria year on year.
    for (const char* file : {"diff.json", "diff.html", "diff.md"}) {
        EXPECT_TRUE(std::filesystem::exists(dir / "diff" / file)) << file;
    }
    const std::string html = testing::read_text(dir / "diff" / "diff.html");
    EXPECT_NE(html.find("临清隆华钢球与滚子有限公司（F0000001）"), std::string::npos);
    EXPECT_NE(html.find("认定条件逐年对照"), std::string::npos);
    EXPECT_NE(html.find("亿元"), std::string::npos);
    const auto json = nlohmann::json::parse(testing::read_text(dir / "diff" / "diff.json"));
    EXPECT_EQ(json["firms_left"][0]["id"], "F0000001");
}

TEST(WhatIfCli, RemovingTheLastFirmOfAWeakSegmentWorsensTheGap) {
    testing::TempDir dir;
    const auto data = dir / "data";
    testing::write_text(data / "firms.csv",
                        "id,name,region,segment\nA,甲精密,371581,grinding\nB,乙装配,371581,"
                        "assembly\nC,丙装配,371581,assembly\nS,丁密封,371581,seal\nE,外地,"
                        "110101,seal\n");
    testing::write_text(data / "links.csv", "supplier,customer\nA,B\nS,C\nA,C\n");
    const auto run = testing::run_icn({"whatif", data.string(), "--chain", "bearing", "--region",
                                       "371581", "--remove", "S", "--quiet"});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.out.find("缺口加重（弱链变为缺链）"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("缺口消除"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("移出：丁密封（S）"), std::string::npos) << run.out;
    const auto external = testing::run_icn(
        {"whatif", data.string(), "--chain", "bearing", "--region", "371581", "--remove", "E"});
    EXPECT_EQ(external.status, 2);
    EXPECT_NE(external.err.find("外地（E）不是本地企业"), std::string::npos) << external.err;
    const auto both =
        testing::run_icn({"whatif", data.string(), "--chain", "bearing", "--region", "371581",
                          "--remove", "S", "--remove", "A", "--json", "--quiet"});
    ASSERT_EQ(both.status, 0) << both.err;
    EXPECT_EQ(nlohmann::json::parse(both.out)["removed"], nlohmann::json::array({"S", "A"}));
    const auto help = testing::run_icn({"whatif", "--help"});
    EXPECT_NE(help.out.find("--remove A --remove B"), std::string::npos) << help.out;
}

}  // namespace icn
