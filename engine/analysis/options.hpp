// SPDX-License-Identifier: MIT
// The options of an analysis, checked where they are used: each problem says which option,
// the value given and what is allowed, as data; the front end words it in the user's language
// (cli/common.cpp), so that no analysis holds a sentence.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/analysis/analyze.hpp"
#include "models/dataset.hpp"

namespace icn {

enum class OptionProblem {
    out_of_range,       // `allowed` is a range: "[0, 1]", ">= 1"
    year_not_in_data,   // --year: `allowed` lists the years the links have
    no_year_column,     // --year on a links.csv without a year column
    bad_region_code,    // --region: `allowed` says which code lengths
    region_matches_all  // --region 000000: every firm would be local
};

struct OptionError {
    OptionProblem problem = OptionProblem::out_of_range;
    std::string option;   // "--max-external"
    std::string value;    // as given
    std::string allowed;  // language-neutral: "[0, 1]", ">= 1", "2022, 2023"
};

std::vector<OptionError> check_gap_options(const GapOptions& options);
std::vector<OptionError> check_options(const AnalyzeOptions& options);

// --region values: a code must have 2, 4, 6, 9 or 12 digits (GB/T 2260 or the statistical
// codes, whose first six digits count) and must not be all zeros; names are checked against
// the firms later (an empty cluster).
std::vector<OptionError> check_regions(const std::vector<std::string>& regions);

// --year Y against the links: a links.csv without a year column, or a year no link has, is an
// error (the years present are listed). `undated` receives the number of links without a year,
// which --year leaves out.
struct YearCheck {
    std::vector<OptionError> errors;
    std::size_t undated = 0;          // links with an empty year
    std::vector<std::int32_t> years;  // distinct years of the links, ascending
};
YearCheck check_year(const Dataset& dataset, std::optional<std::int32_t> year);

}  // namespace icn
