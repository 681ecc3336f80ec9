// SPDX-License-Identifier: MIT
// Golden strings for the numbers planners read: 亿/万 boundaries, negative, zero, null, very
// large, and figures beside a threshold never rounded onto it.
#include "viz/format.hpp"

#include <gtest/gtest.h>

namespace icn {

TEST(Format, Grouping) {
    EXPECT_EQ(grouped(1234567.891, 1), "1,234,567.9");
    EXPECT_EQ(grouped(999.95, 1), "1,000.0");
    EXPECT_EQ(grouped(-1234.6, 0), "-1,235");
    EXPECT_EQ(grouped(-0.04, 1), "0.0");  // no "-0.0"
    EXPECT_EQ(grouped(0, 2), "0.00");
}

TEST(Format, AmountsInYiOrWan) {
    EXPECT_EQ(amount_text(65958208, "zh"), "6,595.8亿元");
    EXPECT_EQ(amount_text(400000, "zh"), "40.0亿元");
    EXPECT_EQ(amount_text(10000, "zh"), "1.0亿元");
    EXPECT_EQ(amount_text(9999.9, "zh"), "9,999.9万元");
    EXPECT_EQ(amount_text(0, "zh"), "0.0万元");
    EXPECT_EQ(amount_text(-2658.12, "zh"), "-2,658.1万元");
    EXPECT_EQ(amount_text(1e15, "zh"), "100,000,000,000.0亿元");
    EXPECT_EQ(amount_text(std::nullopt, "zh"), "—");
    EXPECT_EQ(amount_text(65958208, "en"), "659.6 bn yuan");
    EXPECT_EQ(amount_text(8790, "en"), "87.9 m yuan");
}

TEST(Format, NeverRoundedOntoTheThreshold) {
    EXPECT_EQ(amount_text(399600, "zh", 400000), "39.96亿元");  // not 40.0亿元
    EXPECT_EQ(amount_text(399999.9, "zh", 400000), "39.9999亿元");
    EXPECT_EQ(amount_text(400000, "zh", 400000), "40.0亿元");
    EXPECT_EQ(amount_text(400000.01, "zh", 400000), "40.0001亿元");  // above shows above
    EXPECT_EQ(amount_text(8000, "zh", 400000), "0.8亿元");           // the scale of the threshold
    EXPECT_EQ(percent_text(0.6996, 0.7), "69.96%");
    EXPECT_EQ(percent_text(0.528150634297601), "52.8%");
    EXPECT_EQ(percent_text(std::nullopt), "—");
}

TEST(Format, DatesInBeijingTime) {
    EXPECT_EQ(beijing_time("2026-11-28T02:46:00Z", "zh"), "2026-11-28 10:46（北京时间）");
    EXPECT_EQ(beijing_time("2026-12-31T20:05:59Z", "en"), "2027-01-01 04:05 (Beijing time)");
    EXPECT_EQ(beijing_time("not a time", "zh"), "not a time");
}

}  // namespace icn
