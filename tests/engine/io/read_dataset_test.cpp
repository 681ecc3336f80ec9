// SPDX-License-Identifier: MIT
// Reading whole datasets: round trips of what Excel and planners produce.
#include "engine/io/read_dataset.hpp"

#include <gtest/gtest.h>

#include "engine/io/check_inputs.hpp"
#include "tests/support/test_support.hpp"

namespace icn {
namespace {

using testing::TempDir;
using testing::write_text;

std::string gbk(const std::string& utf8) { return testing::encode_as(utf8, "GBK"); }

}  // namespace

TEST(ReadDataset, ChineseHeadersQuotedFieldsCrlfBomAndExtraColumns) {
    TempDir dir;
    write_text(
        dir / "firms.csv",
        "\xEF\xBB\xBF"
        "备注,企业名称,企业编号,行政区划代码,产业链环节,企业规模,链主,标签,产值\r\n"
        "\"first, with comma\",\"临清市恒瑞轴承有限公司,二分厂\",F1,371581,assembly,大型,是,"
        "champion;hnte,\"1,200\"\r\n"
        "\"two\r\nlines\",聊城钢球厂,F2,371502,rolling_elements;cage,small,FALSE,,３００\r\n");
    write_text(dir / "links.csv",
               "供应商,客户,金额,年份,产品\r\nF2,F1,12.5,2024,钢球\r\nF2,F1,7.5,2024,保持架\r\n");
    Issues issues;
    const Dataset data = read_dataset(dir.path(), "d", issues);
    EXPECT_FALSE(issues.has_errors()) << format_issue(issues.items().at(0));
    ASSERT_EQ(data.firms.size(), 2u);
    const Firm& f1 = data.firms[0];
    EXPECT_EQ(f1.id, "F1");
    EXPECT_EQ(f1.name, "临清市恒瑞轴承有限公司,二分厂");
    EXPECT_EQ(f1.size, FirmSize::large);
    EXPECT_TRUE(f1.leader);
    EXPECT_EQ(f1.tags, (std::vector<std::string>{"champion", "hnte"}));
    EXPECT_EQ(f1.output, 1200.0);
    EXPECT_EQ(data.firms[1].output, 300.0);
    EXPECT_EQ(data.firms[1].line, 3u);
    ASSERT_EQ(data.firms[1].segments.size(), 2u);
    EXPECT_EQ(data.segment_labels[data.firms[1].segments[1]], "cage");
    ASSERT_EQ(data.firm_extra.names, (std::vector<std::string>{"备注"}));
    EXPECT_EQ(data.firm_extra.values[0][0], "first, with comma");
    EXPECT_EQ(data.firm_extra.values[0][1], "two\r\nlines");
    ASSERT_EQ(data.links.size(), 2u);
    EXPECT_EQ(data.links[0].supplier, 1u);
    EXPECT_EQ(data.links[0].value, 12.5);
    EXPECT_EQ(data.links[1].year, 2024);
    EXPECT_EQ(data.product_names[data.links[1].product], "保持架");
    EXPECT_EQ(data.files.size(), 2u);
}

TEST(ReadDataset, GbkFilesReadAsChineseWithANote) {
    TempDir dir;
    write_text(dir / "firms.csv", gbk("企业编号,企业名称,所在地区\nF1,临清市恒瑞轴承有限公司,"
                                      "临清市\nF2,洛阳轴承研究所,洛阳市\n"));
    write_text(dir / "links.csv", gbk("供应商,客户\nF2,F1\n"));
    Issues issues;
    const Dataset data = read_dataset(dir.path(), "d", issues);
    EXPECT_FALSE(issues.has_errors());
    ASSERT_EQ(data.firms.size(), 2u);
    EXPECT_EQ(data.firms[0].name, "临清市恒瑞轴承有限公司");
    EXPECT_EQ(data.firms[1].region, "洛阳市");
    EXPECT_EQ(data.files[0].encoding, "GB18030");
    ASSERT_FALSE(issues.items().empty());
    EXPECT_NE(issues.items()[0].message.find("GB18030"), std::string::npos);
}

TEST(ReadDataset, ParallelRowsGiveParallelLinksThatTheNetworkMerges) {
    TempDir dir;
    write_text(dir / "firms.csv", "id,name,region\nA,甲,1\nB,乙,1\n");
    write_text(dir / "links.csv", "supplier,customer,value\nA,B,1\nA,B,2\n");
    Issues issues;
    const Dataset data = read_dataset(dir.path(), "d", issues);
    EXPECT_EQ(data.links.size(), 2u);
}

namespace {
// firms.csv with firms F0 .. F<count - 1>, all in 371581.
void write_numbered_firms(const std::filesystem::path& path, int count) {
    std::string firms = "id,name,region\n";
    for (int i = 0; i < count; ++i)
        firms += "F" + std::to_string(i) + ",企业" + std::to_string(i) + ",371581\n";
    write_text(path, firms);
}
}  // namespace

TEST(ReadDataset, LargeLinkFileSplitAcrossThreadsKeepsOrderAndLines) {
    TempDir dir;
    write_numbered_firms(dir / "firms.csv", 100);
    std::string links = "supplier,customer,value,product\n";
    std::size_t rows = 0;
    while (links.size() < (std::size_t{17} << 20)) {  // above the split threshold
        const int s = static_cast<int>(rows % 97);
        const int c = static_cast<int>((rows * 7 + 1) % 100);
        links += "F" + std::to_string(s) + ",F" + std::to_string(c == s ? (c + 1) % 100 : c) + "," +
                 std::to_string(rows % 1000 + 1) + ",产品" + std::to_string(rows % 13) + "\n";
        ++rows;
    }
    links += "F1,NOPE,1,x\n";
    write_text(dir / "links.csv", links);
    Issues issues;
    const Dataset data = read_dataset(dir.path(), "d", issues);
    ASSERT_EQ(issues.error_count(), 1u);
    EXPECT_EQ(issues.items().back().line, rows + 2);
    ASSERT_EQ(data.links.size(), rows);
    for (std::size_t i = 0; i < rows; i += 9973) {
        EXPECT_EQ(data.links[i].line, i + 2);
        EXPECT_EQ(data.links[i].value, static_cast<double>(i % 1000 + 1));
        EXPECT_EQ(data.product_names[data.links[i].product], "产品" + std::to_string(i % 13));
    }
    EXPECT_EQ(data.product_names.size(), 14u);  // 13 products and "x" of the bad row
}

// Parts read side by side write into one array and are moved down over the rows they dropped;
// repeated rows are merged with the same warnings in the same order for any thread count.
TEST(ReadDataset, LargeLinkFileWithBadAndRepeatedRowsReadsTheSameOnAnyThreadCount) {
    TempDir dir;
    write_numbered_firms(dir / "firms.csv", 200);
    std::string links = "supplier,customer,value,year\n";
    std::size_t rows = 0;
    std::size_t bad = 0;
    std::size_t repeats = 0;
    std::string last;
    while (links.size() < (std::size_t{20} << 20)) {
        std::string row;
        if (rows % 50021 == 7) {
            row = "F3,F3,1,2024\n";  // a self-loop: an error, the row left out
            ++bad;
        } else if (rows % 997 == 5 && !last.empty()) {
            row = last;  // the row before, again
            ++repeats;
        } else {
            const std::size_t s = rows % 193, c = (rows * 11 + 3) % 200;
            row = "F" + std::to_string(s) + ",F" + std::to_string(c == s ? (c + 1) % 200 : c) +
                  "," + std::to_string(rows % 777 + 1) + ",2024\n";
        }
        links += row;
        last = row;
        ++rows;
    }
    write_text(dir / "links.csv", links);
    std::vector<Dataset> read;
    std::vector<std::vector<std::string>> messages;
    for (const unsigned threads : {1u, 2u, 7u}) {
        Issues issues;
        issues.set_skip_bad_rows(true);
        read.push_back(read_dataset(dir.path(), "d", issues, threads));
        messages.emplace_back();
        for (const Issue& issue : issues.items()) messages.back().push_back(format_issue(issue));
    }
    EXPECT_GT(bad, 2u);
    EXPECT_GT(repeats, 20u);
    ASSERT_EQ(read[0].links.size(), rows - bad - repeats);
    for (std::size_t k = 1; k < read.size(); ++k) {
        EXPECT_EQ(messages[k], messages[0]) << k;
        ASSERT_EQ(read[k].links.size(), read[0].links.size()) << k;
        for (std::size_t i = 0; i < read[0].links.size(); ++i) {
            ASSERT_EQ(read[k].links[i].line, read[0].links[i].line) << k << " " << i;
            ASSERT_EQ(read[k].links[i].value, read[0].links[i].value) << k << " " << i;
            ASSERT_EQ(read[k].links[i].customer, read[0].links[i].customer) << k << " " << i;
        }
    }
    std::size_t merged = 0;
    for (const std::string& m : messages[0])
        merged += m.find("exactly; merged") != std::string::npos;
    EXPECT_EQ(merged, repeats);
}

TEST(CheckInputs, WrongTemplateEmptyClusterAndForeignSegments) {
    TempDir dir;
    write_text(dir / "firms.csv",
               "id,name,region,segment\nA,甲,371581,pv_wafer\nB,乙,410311,cell\n");
    write_text(dir / "links.csv", "supplier,customer\nA,B\n");
    Issues issues;
    const Dataset data = read_dataset(dir.path(), "d", issues);
    ChainTemplate chain;
    chain.id = "bearing";
    chain.segments.push_back({"steel", "轴承钢", "", "", "upstream", 1, 1});
    const RegionSelector region({"440300"});
    const InputSummary summary = check_inputs(data, &chain, &region, issues);
    EXPECT_EQ(summary.local_firms, 0u);
    std::vector<std::string> messages;
    for (const Issue& issue : issues.items()) messages.push_back(format_issue(issue));
    ASSERT_EQ(issues.error_count(), 2u);
    bool foreign = false;
    bool empty_cluster = false;
    bool wrong_template = false;
    for (const auto& m : messages) {
        empty_cluster |= m.find("empty cluster") != std::string::npos;
        wrong_template |= m.find("wrong template") != std::string::npos;
        foreign |= m.find("warning: segment 'pv_wafer' is not in chain template 'bearing'") !=
                   std::string::npos;
    }
    EXPECT_TRUE(foreign);
    EXPECT_TRUE(empty_cluster);
    EXPECT_TRUE(wrong_template);
}

}  // namespace icn
