// SPDX-License-Identifier: MIT
// A firm of the dataset, local or external (SPEC 1.1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icn {

// 统计上大中小微型企业划分; unknown when the column is absent or empty.
enum class FirmSize : std::uint8_t { unknown, large, medium, small, micro };

std::string_view to_string(FirmSize size);  // "large", ...; "" for unknown
bool is_sme(FirmSize size);                 // medium, small or micro

struct Firm {
    std::string id;
    std::string name;
    std::string region;                   // GB/T 2260 code or a region name
    std::vector<std::uint32_t> segments;  // indices into Dataset::segment_labels
    std::vector<std::string> tags;
    FirmSize size = FirmSize::unknown;
    bool leader = false;  // designated chain leader (链主)
    std::optional<double> output;
    std::optional<double> employees;
    std::optional<double> rd_expense;
    std::optional<double> lat;
    std::optional<double> lon;
    std::string industry;    // 行业代码 (GB/T 4754-2017 class), for icn classify
    std::string scope;       // 经营范围
    std::string products;    // 主要产品
    std::uint32_t line = 0;  // line in firms.csv
};

}  // namespace icn
