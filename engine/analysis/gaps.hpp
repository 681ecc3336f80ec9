// SPDX-License-Identifier: MIT
// Gaps in the chain against its template (SPEC 3.2): missing (缺链), weak (弱链), broken (断链)
// and dependent (外部依赖) segments and flows, each with a severity in [0, 1] and a one-line
// explanation. Definitions and the severity rule: docs/algorithms/gaps.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/analysis/context.hpp"

namespace icn {

enum class GapKind { missing, weak, broken, dependent };
std::string_view to_string(GapKind kind);

struct Gap {
    GapKind kind = GapKind::missing;
    std::uint32_t segment = 0;    // S; for broken, the flow's `from`
    std::uint32_t to = 0;         // broken only: the flow's `to`
    std::size_t local_firms = 0;  // weak
    double external_share = 0;    // dependent
    double severity = 0;
};

struct GapOptions {
    std::int64_t min_firms = 2;  // --min-firms: fewer local firms than this is weak; >= 1
    double max_external = 0.5;   // --max-external: a larger external share is dependent; [0, 1]
};

struct GapReport {
    std::vector<Gap> gaps;       // in template order: segments first, then flows
    bool links_assessed = true;  // false when no link touches a local firm (SPEC 3.2)
    // Per segment: the share of the template at or downstream of it (loops collapsed).
    std::vector<double> downstream_share;
};

GapReport find_gaps(const AnalysisContext& context, const GapOptions& options = {});

}  // namespace icn
