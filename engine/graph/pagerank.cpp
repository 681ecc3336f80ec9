// SPDX-License-Identifier: MIT
#include "engine/graph/pagerank.hpp"

#include <algorithm>
#include <cmath>

#include "engine/util/parallel.hpp"

namespace icn {

std::vector<double> weighted_pagerank(const Network& network, const PageRankOptions& options) {
    const std::uint32_t n = network.node_count();
    if (n == 0) return {};
    constexpr std::size_t kBlocks = 64;
    const std::vector<std::size_t> bounds = split_evenly(n, std::min<std::size_t>(kBlocks, n));
    const std::size_t blocks = bounds.size() - 1;
    const auto each_block = [&](auto&& work) {
        parallel_for(options.threads, blocks, [&](std::size_t b) {
            for (std::size_t v = bounds[b]; v < bounds[b + 1]; ++v)
                work(b, static_cast<std::uint32_t>(v));
        });
    };
    const auto in_order = [](const std::vector<double>& parts) {
        double total = 0;
        for (const double p : parts) total += p;
        return total;
    };

    // What a node passes on per unit of rank to each customer: 1 / its out-strength.
    std::vector<double> share(n, 0.0);
    each_block([&](std::size_t, std::uint32_t v) {
        double strength = 0;
        for (const double value : network.out_values(v)) strength += value;
        share[v] = strength > 0 ? 1.0 / strength : 0.0;
    });

    const double d = options.damping;
    std::vector<double> rank(n, 1.0 / n), next(n), flow(n);
    std::vector<double> dangling(blocks), change(blocks);
    for (std::uint32_t iteration = 0; iteration < options.max_iterations; ++iteration) {
        std::fill(dangling.begin(), dangling.end(), 0.0);
        each_block([&](std::size_t b, std::uint32_t v) {
            flow[v] = rank[v] * share[v];
            if (share[v] == 0) dangling[b] += rank[v];
        });
        const double base = (1.0 - d) / n + d * in_order(dangling) / n;
        std::fill(change.begin(), change.end(), 0.0);
        each_block([&](std::size_t b, std::uint32_t v) {
            const auto suppliers = network.suppliers(v);
            const auto values = network.in_values(v);
            double in = 0;
            for (std::size_t k = 0; k < suppliers.size(); ++k) in += flow[suppliers[k]] * values[k];
            next[v] = base + d * in;
            change[b] += std::fabs(next[v] - rank[v]);
        });
        rank.swap(next);
        if (in_order(change) < options.tolerance) break;
    }
    std::vector<double> total(blocks, 0.0);
    each_block([&](std::size_t b, std::uint32_t v) { total[b] += rank[v]; });
    const double sum = in_order(total);
    for (double& r : rank) r /= sum;
    return rank;
}

}  // namespace icn
