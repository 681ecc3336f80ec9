// SPDX-License-Identifier: MIT
// The one-line explanation of each gap and the reasons beside each recommendation (SPEC 3.4: "a
// reason states the numbers behind it"), in the report's language; amounts in 万元 / 亿元 through
// viz/format.hpp, and rows counted, never called amounts, when links.csv has no value column.
#pragma once

#include <string>
#include <string_view>

#include "engine/analysis/gaps.hpp"
#include "engine/analysis/recommendations.hpp"

namespace icn {

// A gap in one line that states the numbers behind it (SPEC 3.3).
std::string explain(const Gap& gap, const ChainTemplate& chain, const GapOptions& options,
                    std::string_view lang);

std::string attract_reason(const AttractCandidate& candidate, const Dataset& dataset,
                           std::string_view lang);
std::string match_reason(const AnalysisContext& context, const MatchCandidate& candidate,
                         std::string_view lang);

}  // namespace icn
