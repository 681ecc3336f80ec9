// SPDX-License-Identifier: MIT
#include "models/firm_index.hpp"

#include <string>
#include <unordered_map>

#include <gtest/gtest.h>

namespace icn {

TEST(FirmIndex, FindsEveryIdAndRejectsOthers) {
    std::vector<Firm> firms;
    for (int i = 0; i < 5000; ++i) {
        Firm firm;
        // Short ids, 18-character credit codes and long ids (compared outside the table).
        firm.id = i % 3 == 0   ? std::to_string(i)
                  : i % 3 == 1 ? "91371581MA3" + std::to_string(1000000 + i)
                               : std::string(40, 'x') + std::to_string(i);
        firms.push_back(firm);
    }
    FirmIndex index;
    EXPECT_TRUE(index.insert_all(firms).empty());
    for (std::size_t i = 0; i < firms.size(); ++i) {
        ASSERT_EQ(index.find(firms, firms[i].id), std::optional<std::uint32_t>(i)) << firms[i].id;
    }
    EXPECT_FALSE(index.find(firms, "nope").has_value());
    EXPECT_FALSE(index.find(firms, "").has_value());
    EXPECT_FALSE(index.find(firms, std::string(40, 'x') + "99999").has_value());
}

TEST(FirmIndex, ReportsDuplicatesWithTheirFirst) {
    std::vector<Firm> firms(4);
    firms[0].id = "A";
    firms[1].id = "B";
    firms[2].id = "A";
    firms[3].id = "B";
    FirmIndex index;
    const auto duplicates = index.insert_all(firms);
    ASSERT_EQ(duplicates.size(), 2u);
    EXPECT_EQ(duplicates[0], std::make_pair(2u, 0u));
    EXPECT_EQ(duplicates[1], std::make_pair(3u, 1u));
    EXPECT_EQ(index.find(firms, "A"), 0u);
}

TEST(FirmIndex, BatchLookupAgreesWithAMap) {
    std::vector<Firm> firms(1000);
    std::unordered_map<std::string, std::uint32_t> oracle;
    for (std::uint32_t i = 0; i < firms.size(); ++i) {
        firms[i].id = "F" + std::to_string(i * 7919 % 100003);
        oracle.emplace(firms[i].id, i);
    }
    FirmIndex index;
    index.build(firms);
    std::vector<std::string> queries;
    for (int i = 0; i < 3000; ++i) queries.push_back("F" + std::to_string(i * 37 % 100003));
    std::vector<std::string_view> views(queries.begin(), queries.end());
    std::vector<std::uint32_t> found(views.size());
    index.find_batch(firms, views.data(), views.size(), found.data());
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const auto it = oracle.find(queries[i]);
        EXPECT_EQ(found[i], it == oracle.end() ? FirmIndex::kNotFound : it->second) << queries[i];
    }
}

}  // namespace icn
