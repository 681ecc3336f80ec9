// SPDX-License-Identifier: MIT
// icn init: a workbook to fill in; filled (by Debian's python3-openpyxl here, as a planner would
// in Excel or WPS) it is a dataset: the example rows are never analysed, 集群概况 is read as
// cluster.json, and an existing workbook is never overwritten.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.hpp"

namespace icn {

TEST(Init, TheWorkbookFilledInIsADataset) {
    if (testing::run_shell("/usr/bin/python3 -c 'import openpyxl'").status != 0) {
        GTEST_SKIP() << "Debian's python3-openpyxl is not installed";
    }
    testing::TempDir dir;
    const auto data = dir / "集群";
    ASSERT_EQ(testing::run_icn({"--quiet", "init", data.string()}).status, 0);
    const auto book = data / "集群数据.xlsx";
    ASSERT_TRUE(std::filesystem::exists(book));
    const std::string before = testing::read_text(book);
    const auto again = testing::run_icn({"init", data.string()});
    EXPECT_EQ(again.status, 2);
    EXPECT_EQ(testing::read_text(book), before);
    // Empty but for the examples: no firms, said plainly.
    const auto empty = testing::run_icn({"--lang", "en", "validate", data.string()});
    EXPECT_EQ(empty.status, 2);
    EXPECT_NE(empty.err.find("no firms"), std::string::npos) << empty.err;

    const std::string fill = R"(
import sys, openpyxl
path = sys.argv[1]
b = openpyxl.load_workbook(path)
f = b["企业名录"]
f.append(["A01", "临清市甲轴承有限公司", "临清市", "轴承装配", "小型", "是", "专精特新中小企业", 12000])
f.append(["A02", "临清市乙钢球有限公司", "临清市", "钢球与滚子", "小型", "否", "", 3000])
f.append(["A03", "临清市丙热处理有限公司", "临清市", "热处理", "微型", "否", "", 800])
l = b["供货关系"]
l.append(["A02", "A01", 350, "钢球", 2024])
l.append(["A03", "A01", 120, "热处理", 2024])
c = b["集群概况"]
c["B2"] = "临清轴承集群（试填）"
c["B4"] = 86.5
c["B9"] = 450000
b.save(path)
)";
    testing::write_text(dir / "fill.py", fill);
    ASSERT_EQ(
        testing::run_shell("/usr/bin/python3 " + testing::shell_quote((dir / "fill.py").string()) +
                           " " + testing::shell_quote(book.string()))
            .status,
        0);
    const auto out = dir / "report";
    const auto run =
        testing::run_icn({"--quiet", "analyze", data.string(), "--chain", "bearing", "--region",
                          "临清市", "--out", out.string(), "--formats", "json"});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto json = nlohmann::json::parse(testing::read_text(out / "report.json"));
    EXPECT_EQ(json["cluster"]["firms"], 3);  // the example rows are not firms
    EXPECT_EQ(json["cluster"]["links"], 2);
    EXPECT_EQ(json["cluster"]["name"], "临清轴承集群（试填）");
    bool area = false;
    for (const auto& c : json["diagnostics"]["criteria"]) {
        if (c["measure"] == "area_km2") area = c["value"] == 86.5;
    }
    EXPECT_TRUE(area);
}

}  // namespace icn
