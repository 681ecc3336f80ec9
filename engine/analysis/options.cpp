// SPDX-License-Identifier: MIT
#include "engine/analysis/options.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "models/region.hpp"

namespace icn {

std::vector<OptionError> check_gap_options(const GapOptions& options) {
    std::vector<OptionError> out;
    if (!(options.max_external >= 0 && options.max_external <= 1)) {
        out.push_back({OptionProblem::out_of_range, "--max-external",
                       fmt::format("{}", options.max_external), "[0, 1]"});
    }
    if (options.min_firms < 1) {
        out.push_back({OptionProblem::out_of_range, "--min-firms",
                       std::to_string(options.min_firms), ">= 1"});
    }
    return out;
}

std::vector<OptionError> check_options(const AnalyzeOptions& options) {
    std::vector<OptionError> out = check_gap_options(options.gaps);
    if (options.recommendations.top < 0) {
        out.push_back({OptionProblem::out_of_range, "--top",
                       std::to_string(options.recommendations.top), ">= 0"});
    }
    return out;
}

std::vector<OptionError> check_regions(const std::vector<std::string>& regions) {
    std::vector<OptionError> out;
    for (const std::string& region : regions) {
        if (!is_region_code(region)) continue;
        const std::size_t n = region.size();
        if (n != 2 && n != 4 && n != 6 && n != 9 && n != 12) {
            out.push_back({OptionProblem::bad_region_code, "--region", region, "2, 4, 6, 9, 12"});
        } else if (std::all_of(region.begin(), region.begin() + 2,
                               [](char c) { return c == '0'; })) {
            out.push_back({OptionProblem::region_matches_all, "--region", region, ""});
        }
    }
    return out;
}

YearCheck check_year(const Dataset& dataset, std::optional<std::int32_t> year) {
    YearCheck check;
    std::set<std::int32_t> years;
    for (const SupplyLink& link : dataset.links) {
        if (link.year == kNoYear) {
            ++check.undated;
        } else {
            years.insert(link.year);
        }
    }
    check.years.assign(years.begin(), years.end());
    if (!year) return check;
    if (!dataset.links_have_year) {
        check.errors.push_back(
            {OptionProblem::no_year_column, "--year", std::to_string(*year), ""});
        return check;
    }
    if (years.count(*year) == 0) {
        std::string present;
        for (std::int32_t y : years) present += (present.empty() ? "" : ", ") + std::to_string(y);
        check.errors.push_back(
            {OptionProblem::year_not_in_data, "--year", std::to_string(*year), present});
    }
    return check;
}

}  // namespace icn
