// SPDX-License-Identifier: MIT
// report.json: every analysis, with its stamp. Keys and shapes: docs/report-schema.md; SPEC 3
// fixes the names of cohesion's five measures and the shapes of gaps and recommendations.
#pragma once

#include <nlohmann/json.hpp>

#include "viz/report_data.hpp"

namespace icn {

inline constexpr std::size_t kReportLeaders = 100;    // leaders listed in report.json
inline constexpr std::size_t kReportListLimit = 100;  // cut points, bridges, single sources

nlohmann::ordered_json report_json(const ReportInput& input);

inline constexpr std::size_t kSkippedRowsListed = 1000;  // skipped_rows.rows lists at most this

// The five SPEC 3.1 measures, null for zero denominators.
nlohmann::ordered_json cohesion_measures_json(const CohesionMeasures& measures);

// One gap in SPEC 3.2's shape, with severity and explanation.
nlohmann::ordered_json gap_json(const Gap& gap, const ChainTemplate& chain,
                                const GapOptions& options, std::string_view lang);

// The `diagnostics` section alone (also printed by `icn diagnose --json`).
nlohmann::ordered_json diagnostics_json(const DiagnosticsReport& report, std::string_view lang);

}  // namespace icn
