// SPDX-License-Identifier: MIT
// Recommendations (SPEC 3.4): whom to attract for each missing or weak segment (招商补链), and
// whom to match for each broken flow (融通对接, 大手拉小手). Scores and reasons:
// docs/algorithms/recommendations.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/analysis/context.hpp"
#include "engine/analysis/gaps.hpp"

namespace icn {

struct AttractCandidate {
    std::uint32_t segment = 0;
    std::uint32_t firm = 0;  // an external firm listing the segment
    double score = 0;        // strength (0.5 value + 0.5 customers, each / segment max) + fit / 100
    std::uint32_t local_customers = 0;
    double local_value = 0;
    double fit =
        0;  // share of its customers' value in segments its segment supplies in the template
};

struct MatchCandidate {
    std::uint32_t from = 0, to = 0;            // the broken flow's segments
    std::uint32_t supplier = 0, customer = 0;  // local firms of `from` and of `to`
    double score = 0;                          // resource allocation + preferential attachment
    std::uint32_t shared_partners = 0;         // local firms both trade with
    double resource_allocation = 0;
};

struct RecommendationOptions {
    std::int64_t top = 10;  // per segment / per flow; >= 0 (check_options)
};

struct Recommendations {
    std::vector<AttractCandidate> attract;
    std::vector<MatchCandidate> match;
};

Recommendations recommend(const AnalysisContext& context, const GapReport& gaps,
                          const RecommendationOptions& options = {});

}  // namespace icn
