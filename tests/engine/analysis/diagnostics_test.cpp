// SPDX-License-Identifier: MIT
// Diagnostics: every numeric criterion of the national 2022 standard just above, at and just
// below its threshold, output in several units, and a dataset with no yearly data.
#include "engine/analysis/diagnostics.hpp"

#include <map>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/io/read_criteria.hpp"
#include "engine/io/read_dataset.hpp"
#include "tests/support/test_support.hpp"

namespace icn {
namespace {

CriteriaStandard national() {
    Issues issues;
    auto standard = load_criteria("national-2022", issues);
    EXPECT_TRUE(standard.has_value());
    return *standard;
}

ChainTemplate two_segments() {
    ChainTemplate chain;
    chain.id = "ab";
    chain.segments = {{"a", "甲环节", "A", "", "upstream", 1, 1},
                      {"b", "乙环节", "B", "", "downstream", 3, 1}};
    chain.flows = {{0, 1, 1}};
    return chain;
}

// A cluster of four local firms: sizes, tags, segments and yearly output as given.
struct Scenario {
    std::string firms;       // rows after the header id,name,region,segment,size,tags,output
    std::string firm_years;  // rows after firm,year,output ("" = no file)
    std::string cluster_json = "{\"area_km2\": 100}";
};

std::map<std::string, CriterionResult> run(const Scenario& s) {
    testing::TempDir dir;
    testing::write_text(dir / "firms.csv", "id,name,region,segment,size,tags,output\n" + s.firms);
    testing::write_text(dir / "links.csv", "supplier,customer\n");
    if (!s.firm_years.empty())
        testing::write_text(dir / "firm_years.csv", "firm,year,output\n" + s.firm_years);
    testing::write_text(dir / "cluster.json", s.cluster_json);
    Issues issues;
    static Dataset data;  // results point into the standard, not the data
    data = read_dataset(dir.path(), "d", issues);
    EXPECT_FALSE(issues.has_errors())
        << (issues.items().empty() ? "" : format_issue(issues.items()[0]));
    static ChainTemplate chain;
    chain = two_segments();
    static CriteriaStandard standard;
    standard = national();
    const AnalysisContext ctx = make_context(data, chain, RegionSelector({"1"}), std::nullopt);
    const DiagnosticsReport report = diagnose(ctx, nullptr, standard);
    std::map<std::string, CriterionResult> by_id;
    for (const auto& r : report.criteria) by_id[r.criterion->id] = r;
    return by_id;
}

// Yearly output rows for firm F1 (the others have none): a, b, c for 2022..2024.
std::string years(double a, double b, double c) {
    return fmt::format("F1,2022,{}\nF1,2023,{}\nF1,2024,{}\n", a, b, c);
}

const std::string kFirms =
    "F1,甲,1,a,medium,srdi,700\nF2,乙,1,a,small,,0\nF3,丙,1,b,micro,,0\nF4,丁,1,b,large,,300\n";

}  // namespace

TEST(Diagnostics, AreaAtAboveBelow) {
    for (const auto& [area, status] : {std::pair{"99.9", CriterionStatus::pass},
                                       {"100", CriterionStatus::pass},
                                       {"100.1", CriterionStatus::fail}}) {
        const auto r = run({kFirms, "", fmt::format("{{\"area_km2\": {}}}", area)});
        EXPECT_EQ(r.at("area").status, status) << area;
    }
    EXPECT_EQ(run({kFirms, "", "{}"}).at("area").status, CriterionStatus::unknown);
}

TEST(Diagnostics, OutputEachYearInWanYuanAndYiYuan) {
    // 40亿元 = 400,000 万元, in every one of the last three years.
    EXPECT_EQ(run({kFirms, years(400000, 500000, 600000)}).at("output").status,
              CriterionStatus::pass);
    EXPECT_EQ(run({kFirms, years(399999, 500000, 600000)}).at("output").status,
              CriterionStatus::fail);
    EXPECT_EQ(run({kFirms, years(400001, 400000, 400001)}).at("output").status,
              CriterionStatus::pass);
    // The same figures in 亿元: 40 亿元 passes, 39.99 fails.
    const std::string yi = "{\"area_km2\": 50, \"output_unit\": \"亿元\"}";
    EXPECT_EQ(run({kFirms, years(40, 41, 42), yi}).at("output").status, CriterionStatus::pass);
    EXPECT_EQ(run({kFirms, years(39.99, 41, 42), yi}).at("output").status, CriterionStatus::fail);
    // cluster.json's total output wins over the firms' sum.
    const std::string totals =
        "{\"area_km2\": 50, \"total_output\": {\"2022\": 400000, \"2023\": 410000, \"2024\": "
        "420000}}";
    EXPECT_EQ(run({kFirms, years(1, 2, 3), totals}).at("output").status, CriterionStatus::pass);
}

TEST(Diagnostics, GrowthIsTheGeometricMeanOverTheYears) {
    // 10% a year exactly is not "above 10%"; a little more is.
    EXPECT_EQ(run({kFirms, years(1000, 1100, 1210)}).at("growth").status, CriterionStatus::fail);
    EXPECT_EQ(run({kFirms, years(1000, 1100, 1211)}).at("growth").status, CriterionStatus::pass);
    const auto r = run({kFirms, years(1000, 1000, 1440)});  // (1.44)^(1/2) - 1 = 20%
    EXPECT_NEAR(*r.at("growth").value, 0.2, 1e-12);
}

TEST(Diagnostics, SmeShareAtSeventyPercent) {
    // Latest output: F1 (medium) 700, F4 (large) 300: SMEs 70% exactly, which is "at least 70%".
    EXPECT_EQ(run({kFirms, ""}).at("sme_share").status, CriterionStatus::pass);
    EXPECT_EQ(run({"F1,甲,1,a,medium,,699\nF4,丁,1,b,large,,301\n", ""}).at("sme_share").status,
              CriterionStatus::fail);
    EXPECT_EQ(run({"F1,甲,1,a,medium,,701\nF4,丁,1,b,large,,299\n", ""}).at("sme_share").status,
              CriterionStatus::pass);
    // Sizes missing for much of the output: unknown, with the reason.
    const auto r = run({"F1,甲,1,a,,,700\nF4,丁,1,b,large,,300\n", ""});
    EXPECT_EQ(r.at("sme_share").status, CriterionStatus::unknown);
    EXPECT_NE(r.at("sme_share").reason.text.find("size"), std::string::npos);
    EXPECT_EQ(r.at("sme_share").reason.key, "{} of output comes from firms without a size");
}

TEST(Diagnostics, MainIndustryShareAboveSeventyPercent) {
    const std::string main_a = "{\"area_km2\": 50, \"main_industry\": \"a\"}";
    // Segment a holds 700 of 1000: 70% is not "above 70%".
    EXPECT_EQ(run({kFirms, "", main_a}).at("main_industry").status, CriterionStatus::fail);
    EXPECT_EQ(run({"F1,甲,1,a,medium,,701\nF4,丁,1,b,large,,299\n", "", main_a})
                  .at("main_industry")
                  .status,
              CriterionStatus::pass);
    // No main industry named: every template segment is the main industry.
    EXPECT_EQ(run({kFirms, ""}).at("main_industry").status, CriterionStatus::pass);
}

TEST(Diagnostics, LeadingFirmsOneChampionOrTenSpecialisedSmes) {
    std::string nine, ten;
    for (int i = 0; i < 10; ++i) {
        const std::string row = fmt::format("S{},企业{},1,a,small,srdi,1\n", i, i);
        if (i < 9) nine += row;
        ten += row;
    }
    EXPECT_EQ(run({nine, ""}).at("leading").status, CriterionStatus::fail);
    EXPECT_EQ(run({ten, ""}).at("leading").status, CriterionStatus::pass);
    EXPECT_EQ(run({"G1,巨人,1,b,medium,little_giant,1\n", ""}).at("leading").status,
              CriterionStatus::pass);
    EXPECT_EQ(run({"G1,巨人,1,,medium,little_giant,1\n", ""}).at("leading").status,
              CriterionStatus::fail);  // not in the main industry
    EXPECT_EQ(run({"F1,甲,1,a,medium,,1\n", ""}).at("leading").status,
              CriterionStatus::unknown);  // no tags
}

TEST(Diagnostics, NoYearlyDataMeansEveryYearlyCriterionIsUnknown) {
    const auto r = run({kFirms, ""});
    EXPECT_EQ(r.at("output").status, CriterionStatus::unknown);
    EXPECT_EQ(r.at("growth").status, CriterionStatus::unknown);
    EXPECT_FALSE(r.at("output").reason.text.empty());
    EXPECT_TRUE(r.at("network").judgement);
    EXPECT_EQ(r.at("negative").status, CriterionStatus::unknown);
}

TEST(Criteria, ShippedStandardsReadCleanly) {
    for (const char* id : {"national-2022", "provincial-template"}) {
        Issues issues;
        const auto standard = load_criteria(id, issues);
        ASSERT_TRUE(standard) << id;
        EXPECT_FALSE(issues.has_errors());
        for (const Criterion& c : standard->criteria) EXPECT_FALSE(c.source.empty()) << c.id;
    }
}

}  // namespace icn
