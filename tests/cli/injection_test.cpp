// SPDX-License-Identifier: MIT
// Nothing from the input is executed where the output is opened: a firm name that a spreadsheet
// would run as a formula is written as text in the CSVs, and Markdown gets no raw HTML, links,
// images or line breaks from names (OWASP, CSV injection).
#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"
#include "viz/document.hpp"
#include "viz/numbers.hpp"
#include "viz/tables.hpp"

namespace icn {
namespace {

// Names a hostile or careless row might carry.
const std::vector<std::string> kHostile = {
    "=HYPERLINK(\"http://example.invalid\",\"点击\")",
    "+86 138 0000 0000",
    "-2+3",
    "@SUM(A1:A9)",
    "<script>alert(1)</script>有限公司",
    "![x](javascript:alert(1))",
    "[点我](javascript:alert(1))",
    "两行\n# 标题",
};

std::string csv_quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

TEST(Injection, CsvTextIsNeutralisedAndNumbersAreNot) {
    EXPECT_EQ(csv_text("=1+2"), "'=1+2");
    EXPECT_EQ(csv_text("+8613800000000"), "'+8613800000000");
    EXPECT_EQ(csv_text("-3"), "'-3");  // as text; numbers never pass through csv_text
    EXPECT_EQ(csv_text("@x"), "'@x");
    EXPECT_EQ(csv_text("\tx"), "'\tx");
    EXPECT_EQ(csv_text("\rx"), "'\rx");
    EXPECT_EQ(csv_text("临清轴承"), "临清轴承");
    EXPECT_EQ(plain_decimal(-3), "-3");
}

TEST(Injection, MarkdownGetsNoMarkupFromNames) {
    for (const std::string& name : kHostile) {
        const std::string md = markdown_escape(name);
        EXPECT_EQ(md.find('<'), std::string::npos) << md;
        EXPECT_EQ(md.find("]("), std::string::npos) << md;
        EXPECT_EQ(md.find('\n'), std::string::npos) << md;
        EXPECT_NE(md.find_first_not_of("\\"), std::string::npos);
    }
    EXPECT_EQ(markdown_escape("a|b"), "a\\|b");
    EXPECT_EQ(markdown_escape("1. 第一"), "1\\. 第一");
    EXPECT_EQ(markdown_escape("# 标题"), "\\# 标题");
}

TEST(Injection, HostileNamesReachTheOutputsAsText) {
    testing::TempDir dir;
    std::string firms = "id,name,region,segment,size,leader\n";
    std::string links = "supplier,customer,value\n";
    const char* segments[] = {"turning", "heat_treatment", "grinding", "assembly"};
    for (std::size_t i = 0; i < kHostile.size(); ++i) {
        firms += "H" + std::to_string(i) + "," + csv_quote(kHostile[i]) + ",371581," +
                 segments[i % 4] + ",small," + (i == 3 ? "1" : "0") + "\n";
    }
    for (std::size_t i = 0; i < kHostile.size(); ++i) {
        links +=
            "H" + std::to_string(i) + ",H" + std::to_string((i + 1) % kHostile.size()) + ",10\n";
        links += "H" + std::to_string(i) + ",H3,5\n";
    }
    links.erase(links.find("H3,H3,5\n"), 8);  // no self-loop
    testing::write_text(dir / "data" / "firms.csv", firms);
    testing::write_text(dir / "data" / "links.csv", links);
    const auto out = dir / "out";
    const auto run = testing::run_icn({"--quiet", "analyze", (dir / "data").string(), "--chain",
                                       "bearing", "--region", "371581", "--out", out.string()});
    ASSERT_EQ(run.status, 0) << run.err;

    const std::string leaders = testing::read_text(out / "leaders.csv");
    EXPECT_NE(leaders.find("\"'=HYPERLINK("), std::string::npos) << leaders;
    EXPECT_NE(leaders.find("'+86 138"), std::string::npos);
    EXPECT_NE(leaders.find("'@SUM"), std::string::npos);
    // No cell starts with a formula character: after a separator or a line start, a quote may
    // open a field, then the apostrophe comes first.
    for (const char* bad : {",=", ",+", ",@", "\n=", ",\"=", ",\"+", ",\"@"}) {
        EXPECT_EQ(leaders.find(bad), std::string::npos) << bad;
    }
    const std::string md = testing::read_text(out / "report.md");
    EXPECT_EQ(md.find("<script"), std::string::npos);
    EXPECT_EQ(md.find("](javascript"), std::string::npos);
    EXPECT_EQ(md.find("\n# 标题"), std::string::npos);
    const std::string html = testing::read_text(out / "report.html");
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    if (std::filesystem::exists(out / "report.docx")) {  // where pandoc is installed
        // Names reach Word as the text they are: no link, image or emphasis made from them.
        const auto docx = testing::run_shell("/usr/bin/python3 '" ICN_SOURCE_DIR
                                             "/tests/support/inspect_docx.py' " +
                                             testing::shell_quote((out / "report.docx").string()));
        ASSERT_EQ(docx.status, 0) << docx.err;
        EXPECT_NE(docx.out.find("\"hyperlinks\": 0"), std::string::npos);
        for (const char* verbatim :
             {"![x](javascript:alert(1))", "[点我](javascript:alert(1))", "@SUM(A1:A9)"}) {
            EXPECT_NE(docx.out.find(verbatim), std::string::npos) << verbatim;
        }
    }
}

}  // namespace icn

namespace icn {

TEST(Precision, CsvKeepsEveryDigitInPlainDecimal) {
    EXPECT_EQ(plain_decimal(14282600.5), "14282600.5");
    EXPECT_EQ(plain_decimal(1e15), "1000000000000000");
    EXPECT_EQ(plain_decimal(1.2e-5), "0.000012");
    EXPECT_EQ(plain_decimal(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(plain_decimal(-2.5e-7), "-0.00000025");
    testing::TempDir dir;
    testing::write_text(dir / "data" / "firms.csv",
                        "id,name,region,segment\n"
                        "A,甲,371581,grinding\n"
                        "B,乙,371581,assembly\n"
                        "C,丙,371581,grinding\n");
    testing::write_text(dir / "data" / "links.csv",
                        "supplier,customer,value\nA,B,14282612.345\nC,B,0.000012\n");
    const auto out = dir / "out";
    ASSERT_EQ(testing::run_icn({"--quiet", "analyze", (dir / "data").string(), "--chain", "bearing",
                                "--region", "371581", "--out", out.string()})
                  .status,
              0);
    const std::string leaders = testing::read_text(out / "leaders.csv");
    EXPECT_NE(leaders.find(",14282612.345012,"), std::string::npos) << leaders;
    EXPECT_EQ(leaders.find("e+"), std::string::npos) << leaders;
    EXPECT_NE(testing::read_text(out / "report.json").find("14282612.345012"), std::string::npos);
}

}  // namespace icn
