// SPDX-License-Identifier: MIT
// How good is sampled betweenness? On a generated cluster small enough for the exact
// computation, compares Brandes-Pich estimates from k sources with the exact scores: overlap of
// the top 20 firms, mean relative error over the top 20, and Spearman's rank correlation over
// all local firms. Usage: icn_bench_betweenness DATASET CHAIN_FOLDER REGION
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>

#include "engine/analysis/context.hpp"
#include "engine/graph/betweenness.hpp"
#include "engine/io/read_dataset.hpp"

namespace {

std::vector<double> ranks(const std::vector<double>& x) {
    std::vector<std::size_t> order(x.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    std::vector<double> r(x.size());
    for (std::size_t i = 0; i < order.size();) {  // average ranks of ties
        std::size_t j = i;
        while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
        for (std::size_t k = i; k <= j; ++k) r[order[k]] = (static_cast<double>(i + j)) / 2.0;
        i = j + 1;
    }
    return r;
}

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
    const auto ra = ranks(a), rb = ranks(b);
    const double n = static_cast<double>(a.size());
    const double ma = std::accumulate(ra.begin(), ra.end(), 0.0) / n;
    const double mb = std::accumulate(rb.begin(), rb.end(), 0.0) / n;
    double num = 0, da = 0, db = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        num += (ra[i] - ma) * (rb[i] - mb);
        da += (ra[i] - ma) * (ra[i] - ma);
        db += (rb[i] - mb) * (rb[i] - mb);
    }
    return num / std::sqrt(da * db);
}

std::vector<std::size_t> top(const std::vector<double>& x, std::size_t k) {
    std::vector<std::size_t> order(x.size());
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](std::size_t a, std::size_t b) { return x[a] > x[b]; });
    order.resize(k);
    return order;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: icn_bench_betweenness DATASET CHAIN_FOLDER REGION\n");
        return 2;
    }
    icn::Issues issues;
    const icn::Dataset data = icn::read_dataset(argv[1], argv[1], issues);
    const icn::ChainTemplate chain = icn::read_chain_template(argv[2], argv[2], issues);
    const icn::AnalysisContext ctx =
        icn::make_context(data, chain, icn::RegionSelector({argv[3]}), std::nullopt);
    const auto n = ctx.local.node_count();
    std::printf("G_L: %u firms, %zu edges\n", n, ctx.local.edge_count());
    const auto exact = icn::betweenness(ctx.local, {.exact_up_to = n}).scores;
    const auto best = top(exact, 20);
    const std::set<std::size_t> best_set(best.begin(), best.end());
    for (std::uint32_t k : {32u, 64u, 128u, 256u}) {
        for (std::uint64_t seed : {1u, 2u, 3u}) {
            const auto sampled = icn::betweenness(
                ctx.local, {.exact_up_to = 0, .samples = k, .work = 1e18, .seed = seed});
            const auto found = top(sampled.scores, 20);
            std::size_t overlap = 0;
            for (std::size_t v : found) overlap += best_set.count(v);
            double error = 0;
            for (std::size_t v : best) error += std::abs(sampled.scores[v] - exact[v]) / exact[v];
            std::printf(
                "k=%3u seed=%llu  top-20 overlap %2zu/20  mean rel. error (top 20) %.3f  "
                "Spearman %.3f\n",
                k, static_cast<unsigned long long>(seed), overlap, error / 20,
                spearman(exact, sampled.scores));
        }
    }
    return 0;
}
