// SPDX-License-Identifier: MIT
// A planner's columns and words are read as meant, or refused with a message: units in headers
// (金额(元), 产值（亿元）) are converted, a header that only resembles a known one is warned about,
// Chinese tag and segment names count, and without a value column nothing is shown as an amount.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.hpp"

namespace icn {
namespace {

struct Data {
    testing::TempDir dir;
    std::filesystem::path path = dir / "data";
    Data(const std::string& firms, const std::string& links) {
        testing::write_text(path / "firms.csv", firms);
        testing::write_text(path / "links.csv", links);
    }
    // Messages in English (the tests read them), reports in Chinese (the default).
    testing::RunResult run(std::vector<std::string> args, const char* lang = "en") const {
        args.insert(args.begin() + 1, path.string());
        args.insert(args.begin(), {"--lang", lang});
        return testing::run_icn(args);
    }
    testing::RunResult analyze() const {
        return run({"analyze", "--chain", "bearing", "--region", "371581", "--out",
                    (dir / "out").string(), "--quiet"},
                   "zh");
    }
    std::string out(const char* file) const { return testing::read_text(dir / "out" / file); }
};

const std::string kFirms =
    "企业编号,企业名称,所在地区,产业链环节,工业总产值（亿元）,标签\n"
    "A,临清甲轴承有限公司,371581,磨加工,1.5,专精特新\"小巨人\"\n"
    "B,临清乙轴承有限公司,371581,Bearing assembly,0.25,“小巨人”\n"
    "C,临清丙精工有限公司,371581,grinding,2,制造业单项冠军;高企\n"
    "E,天津丁密封件有限公司,120116,seal,3,\n";

}  // namespace

TEST(PlannerData, UnitsInHeadersAreConverted) {
    Data d(kFirms, "供应商,客户,金额(元)\nA,B,26581200\nC,B,10000\nE,B,5000000\n");
    const auto check = d.run({"validate", "--chain", "bearing"});
    ASSERT_EQ(check.status, 0) << check.err;
    EXPECT_NE(check.err.find("links.csv:1: note: column '金额(元)' read as 'value': values in 元 "
                             "converted to 万元 (/ 10000)"),
              std::string::npos)
        << check.err;
    EXPECT_NE(check.err.find("firms.csv:1: note: column '工业总产值（亿元）' read as 'output'"),
              std::string::npos);
    ASSERT_EQ(d.analyze().status, 0);
    // B buys 2658.12 + 1 万元 locally: converted exactly, summed as computed.
    EXPECT_NE(d.out("leaders.csv").find(",2659.12"), std::string::npos) << d.out("leaders.csv");
    const auto json = nlohmann::json::parse(d.out("report.json"));
    const auto& attract = json["recommendations"]["attract"];
    ASSERT_FALSE(attract.empty());
    EXPECT_EQ(attract[0]["firm"], "E");
    EXPECT_DOUBLE_EQ(attract[0]["local_value"].get<double>(), 500.0);
    EXPECT_NE(attract[0]["reason"].get<std::string>().find("500.0万元"), std::string::npos)
        << attract[0]["reason"];
}

TEST(PlannerData, UnknownUnitIsAnErrorAndResemblingHeadersAreWarned) {
    Data d(kFirms, "供应商,客户,金额(美元),年度采购金额合计\nA,B,100,1\n");
    const auto run = d.run({"validate"});
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("links.csv:1: column '金额(美元)': unit '美元' is not one of 元, 千元, "
                           "万元, 百万元, 亿元"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("column '年度采购金额合计' is not recognised and is kept as an "
                           "attribute; did you mean '采购金额' (value)?"),
              std::string::npos)
        << run.err;
    Data typo("id,name,region,segmnt\nA,甲,371581,grinding\n", "suplier,customer\n");
    const auto typos = typo.run({"validate"});
    EXPECT_NE(typos.err.find("column 'segmnt' is not recognised"), std::string::npos) << typos.err;
    EXPECT_NE(typos.err.find("did you mean 'supplier'"), std::string::npos) << typos.err;
}

TEST(PlannerData, WithoutAValueColumnCountsAreNeverAmounts) {
    Data d(kFirms, "供应商,客户\nA,B\nC,B\nE,B\nE,A\n");
    ASSERT_EQ(d.analyze().status, 0);
    const auto json = nlohmann::json::parse(d.out("report.json"));
    const auto& attract = json["recommendations"]["attract"];
    ASSERT_FALSE(attract.empty());
    const std::string reason = attract[0]["reason"];
    EXPECT_NE(reason.find("2条供货记录"), std::string::npos) << reason;
    EXPECT_EQ(reason.find("万元"), std::string::npos) << reason;
    EXPECT_EQ(d.out("report.md").find("本地采购额"), std::string::npos);
    EXPECT_NE(d.out("report.md").find("本地采购记录（条）"), std::string::npos);
}

TEST(PlannerData, ChineseTagsAndSegmentNamesCount) {
    Data d(kFirms, "supplier,customer\nA,B\nC,B\n");
    const auto check = d.run({"validate", "--chain", "bearing", "--region", "371581"});
    ASSERT_EQ(check.status, 0) << check.err;
    EXPECT_NE(check.err.find("segment '磨加工' read as 'grinding'"), std::string::npos)
        << check.err;
    EXPECT_NE(check.err.find("segment 'Bearing assembly' read as 'assembly'"), std::string::npos);
    const auto run =
        d.run({"diagnose", "--chain", "bearing", "--region", "371581", "--json", "--quiet"});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto json = nlohmann::json::parse(run.out);
    bool seen = false;
    for (const auto& c : json["criteria"]) {
        if (c["measure"] != "leading_firms") continue;
        seen = true;
        EXPECT_EQ(c["status"], "pass") << c.dump();
        EXPECT_NE(c["value_text"].get<std::string>().find("3"), std::string::npos) << c.dump();
    }
    EXPECT_TRUE(seen);
    // The segments written as names are not reported missing.
    ASSERT_EQ(d.analyze().status, 0);
    const std::string gaps = d.out("gaps.csv");
    EXPECT_EQ(gaps.find("missing,grinding"), std::string::npos) << gaps;
    EXPECT_EQ(gaps.find("missing,assembly"), std::string::npos) << gaps;
}

TEST(PlannerData, UnknownTagIsAWarningListingTheAcceptedOnes) {
    Data d(
        "id,name,region,segment,tags\nA,甲,371581,grinding,瞪羚企业\nB,乙,371581,assembly,"
        "瞪羚企业;srdi\n",
        "supplier,customer\n");
    const auto run = d.run({"validate"});
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.err.find("firms.csv:2: warning: unknown tag '瞪羚企业' (2 firms)"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("little_giant (专精特新\"小巨人\")"), std::string::npos) << run.err;
}

TEST(PlannerData, PlaceNamesAndAddressesResolveToCodes) {
    Data d(
        "企业名称,企业编号,所在地区,产业链环节\n"
        "甲,A,山东省聊城市临清市先锋路8号,grinding\n"
        "乙,B,临清市,assembly\n"
        "丙,C,371581,grinding\n"
        "丁,D,371581001,seal\n"
        "戊,E,河南省洛阳市涧西区建设路1号,steel\n",
        "supplier,customer\nA,B\nC,B\nE,A\nD,B\n");
    for (const char* region : {"临清市", "山东省临清市", "371581", "山东省聊城市临清市"}) {
        const auto run = d.run({"validate", "--chain", "bearing", "--region", region});
        ASSERT_EQ(run.status, 0) << region << "\n" << run.err;
        EXPECT_NE(run.out.find("5 firms, 4 local"), std::string::npos) << region << run.out;
    }
    const auto luoyang = d.run({"validate", "--region", "洛阳市"});
    EXPECT_NE(luoyang.out.find("1 local"), std::string::npos) << luoyang.out;
    const auto ambiguous = d.run({"validate", "--region", "朝阳区"});
    EXPECT_EQ(ambiguous.status, 2);
    EXPECT_NE(ambiguous.err.find("--region: region '朝阳区' names several divisions: 北京市朝阳区 "
                                 "(110105), 吉林省长春市朝阳区 (220104)"),
              std::string::npos)
        << ambiguous.err;
    ASSERT_EQ(d.run({"analyze", "--chain", "bearing", "--region", "临清市", "--out",
                     (d.dir / "out").string(), "--quiet"},
                    "zh")
                  .status,
              0);
    EXPECT_NE(d.out("report.html").find("聊城市临清市 (371581)"), std::string::npos);
    EXPECT_NE(d.out("attract.csv").find("洛阳市涧西区 (410305)"), std::string::npos)
        << d.out("attract.csv");
}

TEST(PlannerData, SkipBadRowsLeavesThemOutAndSaysSo) {
    const std::string firms =
        "id,name,region,segment,size,output\n"
        "A,甲,371581,grinding,small,100\n"
        "B,乙,371581,assembly,small,abc\n"  // a bad number
        "C,丙,371581,grinding,small,50\n"
        "C,丙二,371581,assembly,small,50\n"  // the id again, other contents
        "D,丁,371581,assembly,small,70\n"
        "D,丁,371581,assembly,small,70\n"  // an exact repeat: merged, flag or not
        "E,戊,371581,grinding,small\n";    // ragged
    const std::string links =
        "supplier,customer,value\n"
        "A,D,5\n"
        "A,D,5\n"  // an exact repeat: merged
        "C,D,3\n"
        "X,D,2\n"    // unknown supplier
        "A,B,4\n"    // B was left out: unknown customer then
        "C,D,-1\n";  // bad value
    Data d(firms, links);
    const auto strict = d.run({"validate"});
    EXPECT_EQ(strict.status, 2) << strict.err;
    EXPECT_NE(strict.err.find("firms.csv:7: warning: firm 'D' repeats line 6 exactly; merged"),
              std::string::npos)
        << strict.err;
    EXPECT_NE(strict.err.find("links.csv:3: warning: row repeats line 2 exactly; merged"),
              std::string::npos)
        << strict.err;
    EXPECT_NE(strict.err.find("firms.csv:5: duplicate firm id 'C' (first at line 4)"),
              std::string::npos);

    const auto lenient = d.run({"analyze", "--skip-bad-rows", "--chain", "bearing", "--region",
                                "371581", "--out", (d.dir / "out").string()});
    ASSERT_EQ(lenient.status, 0) << lenient.err;
    EXPECT_NE(lenient.err.find("firms.csv:3: warning: output 'abc' is not a finite number (row "
                               "skipped)"),
              std::string::npos)
        << lenient.err;
    EXPECT_NE(lenient.err.find("links.csv:5: warning: unknown supplier 'X': not in firms.csv (row "
                               "skipped)"),
              std::string::npos);
    const auto json = nlohmann::json::parse(d.out("report.json"));
    // Skipped: firms 3 (B), 5 (C again), 8 (E); links 5 (X), 6 (B gone), 7 (-1).
    EXPECT_EQ(json["skipped_rows"]["count"], 6) << json["skipped_rows"].dump(2);
    EXPECT_EQ(json["cluster"]["firms"], 3);  // A, C, D, and nothing else
    EXPECT_EQ(json["cluster"]["links"], 2);  // A->D (merged once) and C->D
    const std::string lines = json["skipped_rows"]["rows"].dump();
    EXPECT_NE(lines.find("\"line\":8"), std::string::npos) << lines;
    const std::string md = d.out("report.md");
    EXPECT_NE(md.find("rows with problems were skipped"), std::string::npos) << md;
}

TEST(PlannerData, ExtraColumnsReachTheTablesAndDependentSegmentsGetCandidates) {
    // Seals bought mostly from outside: a dependent segment, whose outside suppliers are
    // candidates to attract (SPEC 3.4), with the contacts the dataset carries.
    Data d(
        "id,name,region,segment,联系人,联系电话,注册资本\n"
        "A,甲,371581,assembly,张三,+8613800000000,500\n"
        "B,乙,371581,assembly,李四,,300\n"
        "S,丙,371581,seal,王五,0635-1234567,100\n"
        "T,丁,371581,seal,赵六,,100\n"
        "E,天津密封,120116,seal,钱七,+8622000000,2000\n",
        "supplier,customer,value\nE,A,90\nE,B,80\nS,A,5\nT,B,5\n");
    ASSERT_EQ(d.analyze().status, 0);
    const std::string attract = d.out("attract.csv");
    EXPECT_NE(attract.find("联系人,联系电话,注册资本"), std::string::npos) << attract;
    EXPECT_NE(attract.find("E,天津密封"), std::string::npos) << attract;
    EXPECT_NE(attract.find(",钱七,'+8622000000,2000"), std::string::npos) << attract;
    const std::string leaders = d.out("leaders.csv");
    EXPECT_NE(leaders.find(",张三,'+8613800000000,500"), std::string::npos) << leaders;
    const auto json = nlohmann::json::parse(d.out("report.json"));
    bool dependent = false;
    for (const auto& g : json["gaps"])
        dependent |= g["kind"] == "dependent" && g["segment"] == "seal";
    EXPECT_TRUE(dependent) << json["gaps"].dump();
}

}  // namespace icn
