// SPDX-License-Identifier: MIT
// The firm directory and firm pages (企业画像) of the explorable HTML report: the data, as JSON
// embedded in report.html and read by its own inline script (viz/html_explorer.cpp). Every local
// firm up to kDirectoryAllUpTo; beyond, the leaders, the firms the gaps and recommendations name
// and the largest firms of each segment, and the directory says so. Each firm carries its
// segment, size, tags, place, its suppliers and customers with values (local and external), its
// leader-score components and the gaps it matters to, in the report's language.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "viz/report_data.hpp"

namespace icn {

inline constexpr std::size_t kDirectoryAllUpTo = 20000;  // local firms all listed up to this
inline constexpr std::size_t kDirectoryLargestPerSegment = 50;
inline constexpr std::size_t kFirmPagePartners = 200;  // suppliers / customers listed per firm

struct FirmDirectory {
    // {"labels", "note", "unit", "lang", "firms": [...]} as JSON text, safe inside a <script>
    // element ('<' written as \u003c).
    std::string json;
    nlohmann::json labels;           // the page's words, in the report's language
    std::string note;                // what the directory lists
    std::vector<std::string> names;  // each page's firm name, in page order
    // Firm id -> its position in data["firms"], for every firm that has a page.
    std::unordered_map<std::string, std::size_t> page_of;
};

// all_up_to: list every local firm up to this many (kDirectoryAllUpTo; smaller in tests).
FirmDirectory build_firm_directory(const ReportInput& input,
                                   std::size_t all_up_to = kDirectoryAllUpTo);

}  // namespace icn
