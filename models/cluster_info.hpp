// SPDX-License-Identifier: MIT
// cluster.json: cluster-level facts that no firm row carries (SPEC 1.1).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace icn {

struct ClusterInfo {
    std::string name;
    std::string county;
    std::optional<double> area_km2;
    std::vector<std::string> main_industry;  // template segment ids; empty = all segments
    std::string output_unit = "万元";
    double unit_in_wan_yuan = 1.0;               // 1 unit of output = this many 万元
    std::map<int, double> total_output_by_year;  // in output_unit
};

}  // namespace icn
