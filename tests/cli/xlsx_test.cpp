// SPDX-License-Identifier: MIT
// The planner's workbooks: a dataset written as CSV, as per-table workbooks and as one workbook
// (with a merged title row above each header and a hidden decoy sheet) gives the same
// report.json, stamp aside; problems name FILE!SHEET:ROW; hostile packages are refused with a
// message, in bounded time and memory. Workbooks are written by Debian's python3-openpyxl.
#include "engine/io/xlsx.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.hpp"

namespace icn {
namespace {

namespace fs = std::filesystem;

bool have_openpyxl(std::string& why) {
    if (testing::run_shell("/usr/bin/python3 -c 'import openpyxl'").status == 0) return true;
    why = "Debian's python3-openpyxl is not installed (scripts/setup.sh installs it)";
    return false;
}

testing::RunResult to_xlsx(const fs::path& dataset, const fs::path& out, const std::string& how) {
    return testing::run_shell("/usr/bin/python3 tests/support/csv_to_xlsx.py " +
                              testing::shell_quote(dataset.string()) + " " +
                              testing::shell_quote(out.string()) + " " + how);
}

nlohmann::json report_without_stamp(const fs::path& dataset, const fs::path& out) {
    const auto run = testing::run_icn({"--quiet", "analyze", dataset.string(), "--chain", "bearing",
                                       "--region", "371581", "--out", out.string()});
    EXPECT_EQ(run.status, 0) << run.err;
    auto json = nlohmann::json::parse(testing::read_text(out / "report.json"));
    json.erase("stamp");
    return json;
}

}  // namespace

TEST(Xlsx, WorkbooksGiveTheSameReportAsCsv) {
    if (std::string why; !have_openpyxl(why)) GTEST_SKIP() << why;
    testing::TempDir dir;
    const fs::path sample = testing::source_dir() / "datasets/sample/linqing-bearing";
    ASSERT_EQ(to_xlsx(sample, dir / "per-table", "per-table").status, 0);
    ASSERT_EQ(to_xlsx(sample, dir / "single", "single --title --hidden-decoy").status, 0);
    EXPECT_TRUE(fs::exists(dir / "single" / "集群数据.xlsx"));
    const auto csv = report_without_stamp(sample, dir / "out-csv");
    EXPECT_EQ(report_without_stamp(dir / "per-table", dir / "out-per-table"), csv);
    EXPECT_EQ(report_without_stamp(dir / "single", dir / "out-single"), csv);
    // Region codes stored as numbers came back as codes, not 371581.0 or 3.71581E+05.
    EXPECT_GT(csv["cluster"]["local_firms"].get<int>(), 1000);
}

TEST(Xlsx, ProblemsNameFileSheetAndRow) {
    if (std::string why; !have_openpyxl(why)) GTEST_SKIP() << why;
    testing::TempDir dir;
    testing::write_text(dir / "csv" / "firms.csv",
                        "企业编号,企业名称,所在地区,产业链环节\n"
                        "A,甲,371581,grinding\nB,乙,371581,assembly\n");
    testing::write_text(dir / "csv" / "links.csv",
                        "供应商,客户,金额(万元)\nA,B,5\nX,B,3\nA,B,-1\n");
    ASSERT_EQ(to_xlsx(dir / "csv", dir / "book", "single --title").status, 0);
    const auto run = testing::run_icn({"--lang", "en", "validate", (dir / "book").string()});
    EXPECT_EQ(run.status, 2);
    const std::string where = (dir / "book" / "集群数据.xlsx").string() + "!供货关系:";
    // Row 1 is the title, row 2 the header: the link rows are rows 3 to 5.
    EXPECT_NE(run.err.find(where + "4: unknown supplier 'X': not in firms.csv"), std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find(where + "5: value '-1' must be a positive number"), std::string::npos)
        << run.err;
}

TEST(Xlsx, HostilePackagesAreRefusedWithAMessage) {
    testing::TempDir dir;
    struct Case {
        const char* kind;
        const char* expected;
    };
    for (const Case& c : {Case{"bomb", "expands beyond 536870912 bytes: refused (a zip bomb?)"},
                          Case{"broken", "firms.xlsx!firms: not a readable worksheet"},
                          Case{"rows", "firms.xlsx!firms:11: missing required column 'id'"}}) {
        const fs::path data = dir / c.kind;
        fs::create_directories(data);
        ASSERT_EQ(testing::run_shell("/usr/bin/python3 tests/support/hostile_xlsx.py " +
                                     std::string(c.kind) + " " +
                                     testing::shell_quote((data / "firms.xlsx").string()))
                      .status,
                  0);
        testing::write_text(data / "links.csv", "supplier,customer\n");
#if defined(__SANITIZE_ADDRESS__)
        const std::string limit;  // AddressSanitizer reserves more address space than this
#else
        const std::string limit = "ulimit -v 4000000 && ";  // 4 GB: bounded memory
#endif
        const auto run =
            testing::run_shell(limit + "timeout 60 '" ICN_BINARY "' --lang en validate " +
                               testing::shell_quote(data.string()));
        EXPECT_EQ(run.status, 2) << c.kind << "\n" << run.err;
        EXPECT_NE(run.err.find(c.expected), std::string::npos) << c.kind << "\n" << run.err;
    }
    // A workbook without the tables' sheets, an old .xls, a file that is not a package.
    const fs::path data = dir / "nosheets";
    fs::create_directories(data);
    ASSERT_EQ(testing::run_shell("/usr/bin/python3 tests/support/hostile_xlsx.py nosheets " +
                                 testing::shell_quote((data / "集群数据.xlsx").string()))
                  .status,
              0);
    auto run = testing::run_icn({"--lang", "en", "validate", data.string()});
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("firms.csv: missing file (also looked for firms.xlsx and for a "
                           "workbook with a sheet named 企业名录)"),
              std::string::npos)
        << run.err;
    testing::write_text(data / "firms.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
    run = testing::run_icn({"--lang", "en", "validate", data.string()});
    EXPECT_NE(run.err.find("firms.xls: an old Excel .xls file"), std::string::npos) << run.err;
    fs::remove(data / "firms.xls");
    testing::write_text(data / "firms.xlsx", "id,name,region\n");
    run = testing::run_icn({"--lang", "zh", "validate", data.string()});
    EXPECT_NE(run.err.find("不是 Excel 工作簿"), std::string::npos) << run.err;
}

TEST(Xlsx, SheetXmlBecomesCsvRowForRow) {
    const std::string xml =
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"  // a title: a blank line
        "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"C3\" t=\"inlineStr\"><is><t>金额\n"
        "(万元)</t></is></c></row>"
        "<row r=\"4\"><c r=\"A4\"><v>410311</v></c><c r=\"B4\"><v>4.10311E5</v></c>"
        "<c r=\"C4\"><v>1.5</v></c><c r=\"D4\" t=\"b\"><v>1</v></c>"
        "<c r=\"E4\" t=\"str\"><f>A4&amp;\"x\"</f><v>a,\"b\"</v></c></row>"
        "</sheetData></worksheet>";
    Issues issues;
    const auto csv = sheet_xml_to_csv(xml, {"临清轴承集群", "id"}, "t.xlsx!s", issues);
    ASSERT_TRUE(csv.has_value());
    EXPECT_EQ(*csv, "\n\nid,,金额 (万元)\n410311,410311,1.5,TRUE,\"a,\"\"b\"\"\"\n");
    EXPECT_FALSE(issues.has_errors());
    // An 18-digit credit code typed as a number: Excel rounded it; refused at its row.
    const std::string rounded =
        "<worksheet><sheetData><row r=\"2\"><c r=\"A2\"><v>9.1371581MA3C8E8E00E17</v></c>"
        "<c r=\"B2\"><v>913715810000000000</v></c></row></sheetData></worksheet>";
    Issues long_ids;
    EXPECT_FALSE(sheet_xml_to_csv(rounded, {}, "t.xlsx!s", long_ids).has_value());
    ASSERT_TRUE(long_ids.has_errors());
    EXPECT_EQ(long_ids.items().front().line, 2u);
    EXPECT_NE(long_ids.items().front().message.find("Excel keeps only 15"), std::string::npos);
}

}  // namespace icn

namespace icn {

// report.xlsx read back as a planner's Excel would: typed cells, number formats, frozen
// headers; a hostile name stays a string, never a formula.
TEST(Xlsx, ReportWorkbookHasTypedSheets) {
    if (std::string why; !have_openpyxl(why)) GTEST_SKIP() << why;
    testing::TempDir dir;
    testing::write_text(
        dir / "data" / "firms.csv",
        "id,name,region,segment,output,联系电话\n"
        "A,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",371581,grinding,100,+8613800000000\n"
        "B,乙,371581,assembly,250.5,\nE,外,120116,seal,30,\n");
    testing::write_text(dir / "data" / "links.csv", "supplier,customer,value\nA,B,12.5\nE,B,3\n");
    const auto out = dir / "out";
    const auto run =
        testing::run_icn({"--quiet", "analyze", (dir / "data").string(), "--chain", "bearing",
                          "--region", "371581", "--out", out.string(), "--formats", "xlsx"});
    ASSERT_EQ(run.status, 0) << run.err;
    const std::string script = R"(
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": book.sheetnames}
ws = book["链主企业"]
out["header"] = [c.value for c in ws[1]]
out["frozen"] = ws.freeze_panes
rows = {r[1].value: [(c.value, c.data_type, c.number_format) for c in r] for r in ws.iter_rows(min_row=2)}
out["a"] = rows.get("A")
out["b"] = rows.get("B")
firms = book["企业名录"]
out["firms"] = [[c.value for c in r] for r in firms.iter_rows(min_row=2)]
print(json.dumps(out, ensure_ascii=False))
)";
    testing::write_text(dir / "read.py", script);
    const auto read =
        testing::run_shell("/usr/bin/python3 " + testing::shell_quote((dir / "read.py").string()) +
                           " " + testing::shell_quote((out / "report.xlsx").string()));
    ASSERT_EQ(read.status, 0) << read.err;
    const auto j = nlohmann::json::parse(read.out);
    EXPECT_EQ(j["sheets"], nlohmann::json::array({"认定条件对照", "缺口", "招商补链", "融通对接",
                                                  "链主企业", "环节凝聚度", "企业名录"}));
    EXPECT_EQ(j["frozen"], "A2");
    EXPECT_EQ(j["header"][5], "本地采购额（万元）");
    // B bought 12.5 + 3 locally: a number with the amount format.
    EXPECT_EQ(j["b"][5][0], 12.5);
    EXPECT_EQ(j["b"][5][1], "n");
    EXPECT_EQ(j["b"][5][2], "#,##0.00");
    EXPECT_EQ(j["b"][0][2], "#,##0");  // the rank
    // A's name is the hostile text, kept as a string.
    EXPECT_EQ(j["a"][2][0], "=HYPERLINK(\"http://x\",\"y\")");
    EXPECT_EQ(j["a"][2][1], "s");
    EXPECT_EQ(j["a"][11][0], "+8613800000000");  // the phone number, text
    ASSERT_EQ(j["firms"].size(), 2u);            // the local firms
    EXPECT_EQ(j["firms"][1][7], 250.5);
}

}  // namespace icn
