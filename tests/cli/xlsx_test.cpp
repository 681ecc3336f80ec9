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
}

}  // namespace icn
