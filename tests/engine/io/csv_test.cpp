// SPDX-License-Identifier: MIT
#include "engine/io/csv.hpp"

#include <gtest/gtest.h>

namespace icn {
namespace {

struct Parsed {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::uint32_t> lines;
    Issues issues;
};

Parsed parse(std::string text) {
    Parsed parsed;
    CsvParser parser(text, "t.csv", parsed.issues);
    CsvRecord record;
    while (parser.next(record)) {
        if (record.bad) continue;
        parsed.rows.emplace_back(record.fields.begin(), record.fields.end());
        parsed.lines.push_back(record.line);
    }
    return parsed;
}

}  // namespace

TEST(Csv, QuotedCommasQuotesAndNewlines) {
    const Parsed p = parse("a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,2,3\n");
    ASSERT_EQ(p.rows.size(), 3u);
    EXPECT_EQ(p.rows[1], (std::vector<std::string>{"x,1", "say \"hi\"", "two\nlines"}));
    EXPECT_EQ(p.rows[2], (std::vector<std::string>{"last", "2", "3"}));
    EXPECT_EQ(p.lines, (std::vector<std::uint32_t>{1, 2, 4}));  // the quoted newline is a line
    EXPECT_FALSE(p.issues.has_errors());
}

TEST(Csv, CrlfAndBlankLinesAndNoFinalNewline) {
    const Parsed p = parse("a,b\r\n\r\n1,2\r\n\n3,\"4\r\n5\"");
    ASSERT_EQ(p.rows.size(), 3u);
    EXPECT_EQ(p.rows[1], (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(p.rows[2], (std::vector<std::string>{"3", "4\r\n5"}));
    EXPECT_EQ(p.lines, (std::vector<std::uint32_t>{1, 3, 5}));
}

TEST(Csv, EmptyFieldsKeepTheirPlace) {
    const Parsed p = parse("a,b,c\n,,\n\"\",x,\n");
    ASSERT_EQ(p.rows.size(), 3u);
    EXPECT_EQ(p.rows[1], (std::vector<std::string>{"", "", ""}));
    EXPECT_EQ(p.rows[2], (std::vector<std::string>{"", "x", ""}));
}

TEST(Csv, UnterminatedQuoteIsReportedWhereItOpens) {
    const Parsed p = parse("a,b\n1,2\n3,\"open\n4,5\n6,7\n");
    ASSERT_EQ(p.issues.items().size(), 1u);
    EXPECT_EQ(p.issues.items()[0].line, 3u);
    EXPECT_NE(p.issues.items()[0].message.find("unterminated quote"), std::string::npos);
    EXPECT_EQ(p.rows.size(), 2u);
}

TEST(Csv, ChineseTextPassesThrough) {
    const Parsed p = parse("企业编号,企业名称\nF1,\"临清市恒瑞轴承有限公司,二分厂\"\n");
    ASSERT_EQ(p.rows.size(), 2u);
    EXPECT_EQ(p.rows[0][1], "企业名称");
    EXPECT_EQ(p.rows[1][1], "临清市恒瑞轴承有限公司,二分厂");
}

TEST(Csv, TooManyColumnsIsAnErrorNotAnAllocation) {
    std::string wide(kMaxColumns + 10, ',');
    const Parsed p = parse("a\n" + wide + "\n");
    ASSERT_TRUE(p.issues.has_errors());
    EXPECT_EQ(p.issues.items()[0].line, 2u);
    EXPECT_NE(p.issues.items()[0].message.find("columns"), std::string::npos);
}

TEST(Csv, SplitListAcceptsFullWidthSemicolons) {
    const auto items = split_list(" a ; b；c;; ");
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0], "a");
    EXPECT_EQ(items[1], "b");
    EXPECT_EQ(items[2], "c");
}

TEST(Csv, RangeParserStartsAtTheGivenLine) {
    std::string text = "h\n1\n2\n3\n";
    Issues issues;
    CsvParser parser(text, 4, text.size(), 3, "t.csv", issues);  // from "2"
    CsvRecord record;
    ASSERT_TRUE(parser.next(record));
    EXPECT_EQ(record.fields[0], "2");
    EXPECT_EQ(record.line, 3u);
}

}  // namespace icn
