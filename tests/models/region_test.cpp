// SPDX-License-Identifier: MIT
#include "models/region.hpp"

#include <gtest/gtest.h>

namespace icn {

TEST(RegionSelector, CityCodeTakesItsDistricts) {
    const RegionSelector luoyang({"410300"});  // 洛阳市
    EXPECT_TRUE(luoyang.matches("410311"));
    EXPECT_TRUE(luoyang.matches("410302"));
    EXPECT_FALSE(luoyang.matches("410411"));
    EXPECT_FALSE(luoyang.matches("洛阳市"));
}

TEST(RegionSelector, DistrictCodeTakesItselfAlone) {
    const RegionSelector district({"410311"});
    EXPECT_TRUE(district.matches("410311"));
    EXPECT_FALSE(district.matches("410312"));
    EXPECT_TRUE(district.matches("410311001000"));  // a township inside it
}

TEST(RegionSelector, ProvinceAndTrailingPairs) {
    const RegionSelector henan({"410000"});
    EXPECT_TRUE(henan.matches("411002"));
    EXPECT_FALSE(henan.matches("420100"));
    const RegionSelector xuchang({"411000"});  // 许昌市: only one trailing 00 pair goes
    EXPECT_TRUE(xuchang.matches("411002"));
    EXPECT_FALSE(xuchang.matches("410100"));
}

TEST(RegionSelector, NamesMatchExactly) {
    const RegionSelector names({"临清市", "371581"});
    EXPECT_TRUE(names.matches("临清市"));
    EXPECT_FALSE(names.matches("临清"));
    EXPECT_TRUE(names.matches("371581"));
}

TEST(RegionSelector, RepeatedRegionsUnite) {
    const RegionSelector two({"410311", "410302"});
    EXPECT_TRUE(two.matches("410311"));
    EXPECT_TRUE(two.matches("410302"));
    EXPECT_FALSE(two.matches("410303"));
}

}  // namespace icn
