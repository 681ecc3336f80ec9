// SPDX-License-Identifier: MIT
// One row of firm_years.csv: a firm's figures for one year (SPEC 1.1).
#pragma once

#include <cstdint>
#include <optional>

namespace icn {

struct FirmYear {
    std::uint32_t firm = 0;  // firm index
    std::int32_t year = 0;
    std::optional<double> output;
    std::optional<double> rd_expense;
    std::optional<double> employees;
    std::uint32_t line = 0;
};

}  // namespace icn
