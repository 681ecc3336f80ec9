// SPDX-License-Identifier: MIT
// One row of links.csv: supplier -> customer (SPEC 1.1).
#pragma once

#include <cstdint>
#include <limits>

namespace icn {

inline constexpr std::int32_t kNoYear = std::numeric_limits<std::int32_t>::min();
inline constexpr std::uint32_t kNoProduct = std::numeric_limits<std::uint32_t>::max();

struct SupplyLink {
    std::uint32_t supplier = 0;  // firm index
    std::uint32_t customer = 0;  // firm index
    double value = 1.0;          // > 0; 1 when links.csv has no value column
    std::int32_t year = kNoYear;
    std::uint32_t product = kNoProduct;  // index into Dataset::product_names
    std::uint32_t line = 0;              // line in links.csv
};

}  // namespace icn
