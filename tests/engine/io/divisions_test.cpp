// SPDX-License-Identifier: MIT
// Place names: the shipped NBS 2023 division table (models/regions) read both ways.
#include "engine/io/divisions.hpp"

#include <map>

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

namespace icn {
namespace {

const DivisionTable& table() {
    static const DivisionTable t = [] {
        Issues issues;
        auto read = DivisionTable::read(testing::source_dir() / "models/regions", issues);
        EXPECT_FALSE(issues.has_errors());
        return read;
    }();
    return t;
}

// The county codes of the shipped areas.csv, read from the file itself.
std::vector<std::string> county_codes() {
    const std::string areas =
        testing::read_text(testing::source_dir() / "models/regions/areas.csv");
    std::vector<std::string> codes;
    std::size_t start = areas.find('\n') + 1;
    while (start < areas.size()) {
        const std::size_t end = areas.find('\n', start);
        codes.push_back(areas.substr(start, 6));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return codes;
}

}  // namespace

TEST(Divisions, TheShippedTableIsComplete) {
    EXPECT_EQ(table().size(), 31u + 342u + 2978u);
    ASSERT_NE(table().find_code("410300"), nullptr);
    EXPECT_EQ(table().find_code("410300")->name, "洛阳市");
    EXPECT_EQ(table().find_code("110105")->full_name, "北京市朝阳区");  // 市辖区 left out
    EXPECT_EQ(table().display("4103"), "洛阳市 (410300)");
    EXPECT_EQ(table().display("410305"), "洛阳市涧西区 (410305)");
    EXPECT_EQ(table().display("110105"), "北京市朝阳区 (110105)");
    EXPECT_EQ(table().display("419001"), "济源市 (419001)");
    EXPECT_EQ(table().display("999999"), "999999");
}

TEST(Divisions, EveryCountyResolvesFromItsFullName) {
    const std::vector<std::string> codes = county_codes();
    for (const std::string& code : codes) {
        const Division* d = table().find_code(code);
        ASSERT_NE(d, nullptr) << code;
        const RegionMatch m = table().resolve(d->full_name);
        ASSERT_TRUE(m.code.has_value()) << d->full_name;
        EXPECT_EQ(*m.code, code) << d->full_name;
    }
    EXPECT_EQ(codes.size(), 2978u);
}

TEST(Divisions, AmbiguousShortNamesListTheirCandidates) {
    // Every county name that several counties share comes back with all of them.
    std::map<std::string, std::vector<std::string>> by_name;
    for (const std::string& code : county_codes()) {
        by_name[table().find_code(code)->name].push_back(code);
    }
    std::size_t ambiguous = 0;
    for (const auto& [name, codes] : by_name) {
        const RegionMatch m = table().resolve(name);
        if (codes.size() == 1) {
            if (m.code) {
                EXPECT_EQ(*m.code, codes[0]) << name;
            }
            continue;
        }
        ++ambiguous;
        EXPECT_FALSE(m.code.has_value()) << name;
        EXPECT_GE(m.candidates.size(), codes.size()) << name;
    }
    EXPECT_GT(ambiguous, 20u);
    const RegionMatch chaoyang = table().resolve("朝阳区");
    ASSERT_EQ(chaoyang.candidates.size(), 2u);
}

TEST(Divisions, CodesNamesAndAddresses) {
    const auto code = [](std::string_view text) {
        const RegionMatch m = table().resolve(text);
        return m.code.value_or("none");
    };
    EXPECT_EQ(code("临清市"), "371581");
    EXPECT_EQ(code("山东省临清市"), "371581");
    EXPECT_EQ(code("山东省聊城市临清市"), "371581");
    EXPECT_EQ(code("洛阳市"), "410300");
    EXPECT_EQ(code("河南省洛阳市"), "410300");
    EXPECT_EQ(code("河南省洛阳市涧西区建设路1号"), "410305");
    EXPECT_EQ(code("洛阳市涧西区建设路1号"), "410305");
    EXPECT_EQ(code("北京市朝阳区建国路"), "110105");
    EXPECT_EQ(code("41"), "410000");
    EXPECT_EQ(code("371581001"), "371581");
    EXPECT_EQ(code("371581001001"), "371581");
    EXPECT_FALSE(table().resolve("123456").known);  // a code the table does not have
    EXPECT_EQ(code("不是地名"), "none");
}

}  // namespace icn
