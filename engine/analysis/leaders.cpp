// SPDX-License-Identifier: MIT
#include "engine/analysis/leaders.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "engine/backends/igraph/igraph_measures.hpp"
#include "engine/graph/betweenness.hpp"
#include "engine/graph/pagerank.hpp"

namespace icn {

std::vector<double> leader_pagerank(const AnalysisContext& context, const LeaderOptions& options) {
    if (context.local.node_count() == 0) return {};
    return weighted_pagerank(context.local,
                             {.damping = options.damping, .threads = options.threads});
}

BetweennessOptions leader_betweenness_options(const LeaderOptions& options) {
    return {.exact_up_to = options.betweenness_exact_up_to,
            .samples = options.betweenness_samples,
            .seed = options.seed,
            .threads = options.threads};
}

BetweennessResult leader_betweenness(const AnalysisContext& context, const LeaderOptions& options) {
    return betweenness(context.local, leader_betweenness_options(options));
}

LeaderReport rank_leaders(const AnalysisContext& context, const LeaderOptions& options) {
    return rank_leaders(context, leader_pagerank(context, options),
                        leader_betweenness(context, options));
}

LeaderReport rank_leaders(const AnalysisContext& context, const std::vector<double>& ranks,
                          const BetweennessResult& between) {
    LeaderReport report;
    const Network& g = context.local;
    const std::uint32_t n = g.node_count();
    if (n == 0) return report;

    report.betweenness_exact = between.exact;
    report.betweenness_sources = between.sources;
    const double pairs = n > 2 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) : 1.0;

    int min_stage = 0, max_stage = 0;
    for (std::size_t s = 0; s < context.chain.segments.size(); ++s) {
        const int stage = context.chain.segments[s].stage;
        if (s == 0 || stage < min_stage) min_stage = stage;
        if (s == 0 || stage > max_stage) max_stage = stage;
    }

    std::vector<LeaderEntry> entries(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        LeaderEntry& e = entries[v];
        e.firm = context.firm_of_local(v);
        e.designated = context.dataset.firms[e.firm].leader;
        LeaderComponents& c = e.components;
        c.local_suppliers = g.in_degree(v);
        for (double value : g.in_values(v)) c.local_purchase_value += value;
        c.pagerank = ranks[v];
        c.betweenness = between.scores[v] / pairs;
        const auto& segments = context.selection.segments[e.firm];
        if (!segments.empty()) {
            int stage = min_stage;
            for (std::uint32_t s : segments)
                stage = std::max(stage, context.chain.segments[s].stage);
            c.downstream_position = max_stage > min_stage ? static_cast<double>(stage - min_stage) /
                                                                (max_stage - min_stage)
                                                          : 1.0;
        }
    }
    // Each component divided by its largest value among local firms, then weighted.
    double top[5] = {0, 0, 0, 0, 0};
    const auto parts = [](const LeaderComponents& c) {
        return std::array<double, 5>{static_cast<double>(c.local_suppliers), c.local_purchase_value,
                                     c.pagerank, c.betweenness, c.downstream_position};
    };
    for (const LeaderEntry& e : entries) {
        const auto p = parts(e.components);
        for (int k = 0; k < 5; ++k) top[k] = std::max(top[k], p[k]);
    }
    for (LeaderEntry& e : entries) {
        const auto p = parts(e.components);
        double score = 0;
        for (int k = 0; k < 5; ++k) score += top[k] > 0 ? kLeaderWeights[k] * p[k] / top[k] : 0;
        e.score = score;
    }
    // Scores equal but for the last bits (sums in another order) are ties, broken by firm id:
    // ranked on the score rounded to 12 decimals.
    const auto key = [](double score) { return std::llround(score * 1e12); };
    std::sort(entries.begin(), entries.end(), [&](const LeaderEntry& a, const LeaderEntry& b) {
        if (key(a.score) != key(b.score)) return key(a.score) > key(b.score);
        return context.dataset.firms[a.firm].id < context.dataset.firms[b.firm].id;
    });

    // Acting: the top max(5, designated) firms with at least one local supplier.
    std::size_t designated = 0;
    for (const LeaderEntry& e : entries) designated += e.designated ? 1 : 0;
    const std::size_t looked_at = std::min<std::size_t>(std::max<std::size_t>(5, designated), n);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        LeaderEntry& e = entries[i];
        e.acts = i < looked_at && e.components.local_suppliers > 0;
        report.acting_count += e.acts ? 1 : 0;  // the firms that act, not the places looked at
        if (e.designated && !e.acts) report.designated_inactive.push_back(e.firm);
        if (!e.designated && e.acts) report.undesignated_acting.push_back(e.firm);
    }
    report.ranked = std::move(entries);
    return report;
}

std::vector<std::uint32_t> reach_leaders(const AnalysisContext& context,
                                         const LeaderReport& leaders) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t firm : context.selection.local) {
        if (context.dataset.firms[firm].leader) out.push_back(firm);
    }
    if (!out.empty()) return out;
    for (std::size_t i = 0; i < leaders.ranked.size() && out.size() < 3; ++i) {
        out.push_back(leaders.ranked[i].firm);
    }
    return out;
}

}  // namespace icn
