// SPDX-License-Identifier: MIT
#include "models/region.hpp"

#include <algorithm>

namespace icn {

bool is_region_code(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

namespace {

// The statistical codes of 9 and 12 digits (township, village) begin with the county's six.
std::string_view county_part(std::string_view code) {
    return code.size() == 9 || code.size() == 12 ? code.substr(0, 6) : code;
}

}  // namespace

RegionSelector::RegionSelector(const std::vector<std::string>& regions) : given_(regions) {
    for (const std::string& region : regions) {
        if (is_region_code(region)) {
            std::string prefix(county_part(region));
            while (prefix.size() >= 2 && prefix.size() % 2 == 0 &&
                   prefix.compare(prefix.size() - 2, 2, "00") == 0) {
                prefix.resize(prefix.size() - 2);
            }
            prefixes_.push_back(prefix);
        } else {
            names_.push_back(region);
        }
    }
}

bool RegionSelector::matches(std::string_view firm_region) const {
    if (is_region_code(firm_region)) {
        firm_region = county_part(firm_region);
        for (const std::string& prefix : prefixes_) {
            if (firm_region.substr(0, prefix.size()) == prefix) return true;
        }
        return false;
    }
    return std::find(names_.begin(), names_.end(), firm_region) != names_.end();
}

}  // namespace icn
