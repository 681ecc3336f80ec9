// SPDX-License-Identifier: MIT
// The CSV tables a planner opens in Excel (SPEC 4): gaps.csv, attract.csv, match.csv,
// leaders.csv. UTF-8 with a byte order mark, RFC 4180 quoting, headers in the report language.
#pragma once

#include <string>

#include "viz/report_data.hpp"

namespace icn {

inline constexpr std::size_t kLeadersCsvRows = 1000;

std::string gaps_csv(const ReportInput& input);
std::string attract_csv(const ReportInput& input);
std::string match_csv(const ReportInput& input);
std::string leaders_csv(const ReportInput& input);

// One CSV field, quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view text);

// Text for a spreadsheet cell, neutralised against formula injection (OWASP): text beginning
// with =, +, -, @, tab or CR gets a leading apostrophe. Numbers are never passed through this.
std::string csv_text(std::string_view text);

}  // namespace icn
