// SPDX-License-Identifier: MIT
// Chain leaders (链主, SPEC 3.3): local firms ranked by their pull on the local chain. The score
// and the rule for "acts as a leader" are in docs/algorithms/leaders.md.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/analysis/context.hpp"
#include "engine/graph/betweenness.hpp"

namespace icn {

struct LeaderComponents {
    std::uint32_t local_suppliers = 0;  // distinct local firms that supply it
    double local_purchase_value = 0;    // what it buys from them
    double pagerank = 0;                // on G_L along supplier -> customer, weighted by value
    double betweenness = 0;             // on G_L, length = 1 / value, normalised by (n-1)(n-2)
    double downstream_position = 0;     // its furthest template stage, 0 (first) .. 1 (last)
};

struct LeaderEntry {
    std::uint32_t firm = 0;  // firm index
    double score = 0;        // in [0, 1]
    LeaderComponents components;
    bool designated = false;
    bool acts = false;  // among the top max(5, designated) and has a local supplier
};

struct LeaderReport {
    std::vector<LeaderEntry> ranked;  // every local firm, best first (ties by firm id)
    std::size_t acting_count = 0;     // firms whose `acts` is true
    std::vector<std::uint32_t> designated_inactive;  // designated, does not act as a leader
    std::vector<std::uint32_t> undesignated_acting;  // acts as a leader, not designated
    bool betweenness_exact = true;
    std::uint32_t betweenness_sources = 0;
};

struct LeaderOptions {
    double damping = 0.85;
    std::uint32_t betweenness_exact_up_to = 3000;
    std::uint32_t betweenness_samples = 256;
    std::uint64_t seed = 1;
    unsigned threads = 0;  // for betweenness; 0: every core
};

inline constexpr double kLeaderWeights[5] = {0.30, 0.25, 0.20, 0.10, 0.15};

LeaderReport rank_leaders(const AnalysisContext& context, const LeaderOptions& options = {});

// The same in three steps, so that the analysis can run them beside other work: PageRank and
// betweenness (ICN's own, on options.threads threads), then the ranking.
std::vector<double> leader_pagerank(const AnalysisContext& context, const LeaderOptions& options);
BetweennessResult leader_betweenness(const AnalysisContext& context, const LeaderOptions& options);
BetweennessOptions leader_betweenness_options(const LeaderOptions& options);
LeaderReport rank_leaders(const AnalysisContext& context, const std::vector<double>& pagerank,
                          const BetweennessResult& betweenness);

// Firms whose reach cohesion measures: designated local leaders, or when there are none, the
// top three of the ranking.
std::vector<std::uint32_t> reach_leaders(const AnalysisContext& context,
                                         const LeaderReport& leaders);

}  // namespace icn
