// SPDX-License-Identifier: MIT
// Options are checked by the engine (engine/analysis/options.hpp) and worded by the front end;
// every bad value is exit 2 naming the option, what is allowed and the value. --year never
// silently analyses nothing.
#include "engine/analysis/options.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.hpp"

namespace icn {
namespace {

const std::string kSample = "datasets/sample/linqing-bearing";

testing::RunResult analyze(std::vector<std::string> extra, const std::string& dataset = kSample) {
    testing::TempDir dir;
    std::vector<std::string> args = {"--lang",  "en",      "analyze", dataset,
                                     "--chain", "bearing", "--out",   (dir / "out").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return testing::run_icn(args);
}

}  // namespace

TEST(Options, TheEngineNamesOptionRangeAndValue) {
    AnalyzeOptions o;
    o.gaps.max_external = -3;
    o.gaps.min_firms = 0;
    o.recommendations.top = -1;
    const auto errors = check_options(o);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].option, "--max-external");
    EXPECT_EQ(errors[0].allowed, "[0, 1]");
    EXPECT_EQ(errors[0].value, "-3");
    EXPECT_EQ(errors[1].option, "--min-firms");
    EXPECT_EQ(errors[2].option, "--top");
    EXPECT_TRUE(check_options(AnalyzeOptions{}).empty());
    EXPECT_EQ(check_regions({"000000"}).size(), 1u);
    EXPECT_EQ(check_regions({"37158"}).size(), 1u);
    EXPECT_TRUE(
        check_regions({"37", "3715", "371581", "371581001", "371581001001", "临清市"}).empty());
}

TEST(Options, BadValuesAreExitTwoWithTheRange) {
    const auto top = analyze({"--region", "371581", "--top", "-1"});
    EXPECT_EQ(top.status, 2);
    EXPECT_NE(top.err.find("--top must be >= 0, got -1"), std::string::npos) << top.err;
    const auto ext = analyze({"--region", "371581", "--max-external", "-3", "--min-firms", "0"});
    EXPECT_EQ(ext.status, 2);
    EXPECT_NE(ext.err.find("--max-external must be in [0, 1], got -3"), std::string::npos);
    EXPECT_NE(ext.err.find("--min-firms must be >= 1, got 0"), std::string::npos);
    const auto whatif =
        testing::run_icn({"whatif", kSample, "--chain", "bearing", "--region", "371581", "--remove",
                          "F0000001", "--max-external", "-3", "--min-firms", "0"});
    EXPECT_EQ(whatif.status, 2);
    EXPECT_NE(whatif.err.find("--max-external 须在 [0, 1] 范围内，实际为 -3"), std::string::npos)
        << whatif.err;
    const auto zeros = analyze({"--region", "000000"});
    EXPECT_EQ(zeros.status, 2);
    EXPECT_NE(zeros.err.find("it would make every firm local"), std::string::npos) << zeros.err;
    const auto five = analyze({"--region", "37158"});
    EXPECT_EQ(five.status, 2);
    EXPECT_NE(five.err.find("--region 37158: a division code has 2, 4, 6, 9, 12 digits"),
              std::string::npos)
        << five.err;
}

TEST(Options, ARegionMatchingNothingListsTheRegionsPresent) {
    const auto run = analyze({"--region", "650100"});
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("the regions present, with their firms: 聊城市临清市 (371581) 1052, "),
              std::string::npos)
        << run.err;
}

TEST(Options, YearNeverSilentlyAnalysesNothing) {
    testing::TempDir dir;
    const auto data = dir / "data";
    testing::write_text(data / "firms.csv",
                        "id,name,region,segment\nA,甲,371581,grinding\n"
                        "B,乙,371581,assembly\nC,丙,371581,grinding\n");
    testing::write_text(data / "links.csv",
                        "supplier,customer,value,year\nA,B,5,2022\nC,B,7,2023\nA,B,1,\n");
    const auto absent = analyze({"--region", "371581", "--year", "2019"}, data.string());
    EXPECT_EQ(absent.status, 2);
    EXPECT_NE(absent.err.find("--year 2019: no link of that year; the years present: 2022, 2023"),
              std::string::npos)
        << absent.err;
    testing::TempDir report;
    const auto ok = testing::run_icn({"--lang", "en", "analyze", data.string(), "--chain",
                                      "bearing", "--region", "371581", "--year", "2023", "--out",
                                      (report / "out").string()});
    ASSERT_EQ(ok.status, 0) << ok.err;
    EXPECT_NE(ok.err.find("--year 2023 leaves out 1 links without a year"), std::string::npos)
        << ok.err;
    const auto json = nlohmann::json::parse(testing::read_text(report / "out" / "report.json"));
    EXPECT_EQ(json["cluster"]["links"], 1);  // counts follow the filter
    EXPECT_EQ(json["cluster"]["link_years"], nlohmann::json::array({2022, 2023}));
    EXPECT_DOUBLE_EQ(json["cohesion"]["local_sourcing_ratio"].get<double>(), 1.0);
    // Without --year, the report says the years were summed.
    const auto all = testing::run_icn({"analyze", data.string(), "--chain", "bearing", "--region",
                                       "371581", "--out", (report / "all").string(), "--quiet"});
    ASSERT_EQ(all.status, 0) << all.err;
    EXPECT_NE(testing::read_text(report / "all" / "report.md").find("供货关系含2022、2023年"),
              std::string::npos);

    testing::write_text(data / "links.csv", "supplier,customer\nA,B\n");
    const auto column = analyze({"--region", "371581", "--year", "2023"}, data.string());
    EXPECT_EQ(column.status, 2);
    EXPECT_NE(column.err.find("--year 2023: links.csv has no year column"), std::string::npos)
        << column.err;
}

TEST(Options, YearEndsTheCriteriaWindow) {
    // firm_years to 2024; --year 2023 judges 2021-2023.
    testing::TempDir dir;
    const auto data = dir / "data";
    testing::write_text(data / "firms.csv",
                        "id,name,region,segment,size\nA,甲,371581,grinding,"
                        "small\nB,乙,371581,assembly,small\n");
    testing::write_text(data / "links.csv", "supplier,customer,value,year\nA,B,5,2023\n");
    testing::write_text(data / "firm_years.csv",
                        "firm,year,output\nA,2021,100\nA,2022,100\nA,2023,100\nA,2024,900000\n");
    const auto run = testing::run_icn({"diagnose", data.string(), "--chain", "bearing", "--region",
                                       "371581", "--year", "2023", "--json", "--quiet"});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto json = nlohmann::json::parse(run.out);
    for (const auto& c : json["criteria"]) {
        if (c["measure"] == "output_each_year") {
            EXPECT_EQ(c["value"], 100.0) << c.dump();
            EXPECT_EQ(c["value_text"].get<std::string>().find("2024"), std::string::npos);
        }
    }
}

TEST(Options, AnUnknownChainSuggestsTheNearestTemplate) {
    for (const char* typo : {"beraing", "轴承"}) {
        const auto run = testing::run_icn({"--lang", "en", "validate", kSample, "--chain", typo});
        EXPECT_EQ(run.status, 2);
        EXPECT_NE(run.err.find("(did you mean 'bearing' (轴承产业链"), std::string::npos)
            << run.err;
        EXPECT_NE(run.err.find("shipped: bearing, integrated_circuit"), std::string::npos);
    }
}

}  // namespace icn
