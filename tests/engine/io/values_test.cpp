// SPDX-License-Identifier: MIT
#include "engine/io/values.hpp"

#include <gtest/gtest.h>

namespace icn {

TEST(Values, NumbersInTheFormsSpecAllows) {
    EXPECT_EQ(parse_number("12.5"), 12.5);
    EXPECT_EQ(parse_number("1e3"), 1000.0);
    EXPECT_EQ(parse_number("-3"), -3.0);
    EXPECT_EQ(parse_number(" 7 "), 7.0);
    EXPECT_EQ(parse_number("+7"), 7.0);
    EXPECT_EQ(parse_number("1,000"), 1000.0);
    EXPECT_EQ(parse_number("12,345,678.25"), 12345678.25);
    EXPECT_EQ(parse_number("１２３．５"), 123.5);   // full-width digits and point
    EXPECT_EQ(parse_number("１，０００"), 1000.0);  // full-width comma
}

TEST(Values, NumbersSpecRefuses) {
    for (const char* bad : {"", "abc", "1e999", "NaN", "nan", "inf", "-inf", "1,00", "1,0000",
                            "12.5万", "0x10", "1.2.3", "--1", "1 000", ",100", "100,"}) {
        EXPECT_FALSE(parse_number(bad).has_value()) << bad;
    }
}

TEST(Values, Integers) {
    EXPECT_EQ(parse_int("2024"), 2024);
    EXPECT_EQ(parse_int("２０２４"), 2024);
    EXPECT_FALSE(parse_int("2024.5"));
    EXPECT_FALSE(parse_int("99999999999"));
}

TEST(Values, BooleansAsExcelAndPlannersWriteThem) {
    for (const char* yes : {"1", "true", "TRUE", "True", "yes", "Y", "是"}) {
        EXPECT_EQ(parse_bool(yes), true) << yes;
    }
    for (const char* no : {"0", "false", "FALSE", "no", "n", "否", ""}) {
        EXPECT_EQ(parse_bool(no), false) << no;
    }
    EXPECT_FALSE(parse_bool("maybe"));
    EXPECT_FALSE(parse_bool("2"));
}

TEST(Values, FirmSizes) {
    EXPECT_EQ(parse_firm_size("large"), FirmSize::large);
    EXPECT_EQ(parse_firm_size("Medium"), FirmSize::medium);
    EXPECT_EQ(parse_firm_size("小型"), FirmSize::small);
    EXPECT_EQ(parse_firm_size("微型"), FirmSize::micro);
    EXPECT_EQ(parse_firm_size(""), FirmSize::unknown);
    EXPECT_FALSE(parse_firm_size("huge"));
}

TEST(Values, Tiers) {
    EXPECT_EQ(parse_tier("upstream"), 1);
    EXPECT_EQ(parse_tier("中游"), 2);
    EXPECT_EQ(parse_tier("Downstream"), 3);
    EXPECT_EQ(parse_tier("5"), 5);
    EXPECT_FALSE(parse_tier("sideways"));
    EXPECT_FALSE(parse_tier("-1"));
}

}  // namespace icn
