// SPDX-License-Identifier: MIT
// A programme's criteria as data (models/criteria/*.csv): what is measured, the threshold and
// where the threshold comes from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace icn {

enum class Comparison { at_least, more_than, at_most, less_than, judgement };

struct Criterion {
    std::string id;
    std::string name_zh, name_en;
    std::string measure;  // area_km2, output_each_year, ... (docs/diagnostics.md)
    Comparison comparison = Comparison::judgement;
    std::string comparison_text;     // as written: >=, >, <=, <, judgement
    std::vector<double> thresholds;  // one number; two for leading_firms ("1|10")
    std::string threshold_text;
    std::string unit;
    std::string source;
    std::string advice_zh, advice_en;
    std::uint32_t line = 0;
};

struct CriteriaStandard {
    std::string id;  // file name without .csv
    std::string file;
    std::vector<Criterion> criteria;
};

}  // namespace icn
