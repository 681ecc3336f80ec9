// SPDX-License-Identifier: MIT
#include "engine/graph/betweenness.hpp"

#include <algorithm>
#include <cmath>
#include <queue>

#include "engine/generate/random.hpp"
#include "engine/util/parallel.hpp"

namespace icn {
namespace {

// Blocks of sources, each with its own score vector (see betweenness()).
constexpr std::size_t kBlocks = 16;

// Path lengths are sums of reciprocals, and the same length summed in another order can differ
// in the last bit (1/2 + 1/2 + 1/6 against 1/6 + 1/2 + 1/2): lengths within this relative
// tolerance are equal, as igraph compares them (IGRAPH_SHORTEST_PATH_EPSILON).
constexpr double kEpsilon = 1e-10;

// -1, 0 or 1 as `a` is shorter than, as long as, or longer than `b`.
int compare_lengths(double a, double b) {
    const double tolerance = kEpsilon * std::max(std::fabs(a), std::fabs(b));
    if (a < b - tolerance) return -1;
    if (a > b + tolerance) return 1;
    return 0;
}

// Adds the dependencies of one source to `scores` (Brandes' accumulation).
class SourceWalk {
public:
    explicit SourceWalk(const Network& net)
        : net_(net),
          distance_(net.node_count(), kInfinity),
          sigma_(net.node_count(), 0),
          delta_(net.node_count(), 0),
          settled_(net.node_count(), false) {}

    void run(std::uint32_t source, std::vector<double>& scores) {
        order_.clear();
        using Item = std::pair<double, std::uint32_t>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        distance_[source] = 0;
        sigma_[source] = 1;
        queue.emplace(0.0, source);
        while (!queue.empty()) {
            const auto [d, v] = queue.top();
            queue.pop();
            if (settled_[v] || d > distance_[v]) continue;
            settled_[v] = true;
            order_.push_back(v);
            const auto customers = net_.customers(v);
            const auto values = net_.out_values(v);
            for (std::size_t k = 0; k < customers.size(); ++k) {
                const std::uint32_t w = customers[k];
                const double nd = d + 1.0 / values[k];
                const int order = compare_lengths(nd, distance_[w]);
                if (order < 0) {
                    distance_[w] = nd;
                    sigma_[w] = sigma_[v];
                    queue.emplace(nd, w);
                } else if (order == 0 && !settled_[w]) {
                    sigma_[w] += sigma_[v];
                }
            }
        }
        // Dependencies in order of decreasing distance; predecessors found again from in-edges.
        for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
            const std::uint32_t w = *it;
            const auto suppliers = net_.suppliers(w);
            const auto values = net_.in_values(w);
            for (std::size_t k = 0; k < suppliers.size(); ++k) {
                const std::uint32_t v = suppliers[k];
                if (!settled_[v] ||
                    compare_lengths(distance_[v] + 1.0 / values[k], distance_[w]) != 0) {
                    continue;
                }
                delta_[v] += sigma_[v] / sigma_[w] * (1.0 + delta_[w]);
            }
            if (w != source) scores[w] += delta_[w];
        }
        for (std::uint32_t v : order_) {
            distance_[v] = kInfinity;
            sigma_[v] = 0;
            delta_[v] = 0;
            settled_[v] = false;
        }
    }

private:
    static constexpr double kInfinity = 1e300;
    const Network& net_;
    std::vector<double> distance_;
    std::vector<double> sigma_;
    std::vector<double> delta_;
    std::vector<bool> settled_;
    std::vector<std::uint32_t> order_;
};

}  // namespace

BetweennessResult betweenness(const Network& network, const BetweennessOptions& options) {
    BetweennessResult result;
    const std::uint32_t n = network.node_count();
    result.scores.assign(n, 0);
    if (n == 0) return result;
    std::vector<std::uint32_t> sources;
    if (n <= options.exact_up_to || options.samples >= n) {
        sources.resize(n);
        for (std::uint32_t v = 0; v < n; ++v) sources[v] = v;
    } else {
        result.exact = false;
        const double size = static_cast<double>(n) + static_cast<double>(network.edge_count());
        const auto budget = static_cast<std::uint32_t>(std::min(1e6, options.work / size));
        const std::uint32_t samples =
            std::min(options.samples, std::max<std::uint32_t>(32, budget));
        Random random(options.seed);
        std::vector<std::uint32_t> all(n);
        for (std::uint32_t v = 0; v < n; ++v) all[v] = v;
        for (std::uint32_t k = 0; k < samples; ++k) {  // partial Fisher-Yates
            std::swap(all[k], all[k + random.below(n - k)]);
        }
        sources.assign(all.begin(), all.begin() + samples);
    }
    result.sources = static_cast<std::uint32_t>(sources.size());

    // Sources are cut into a fixed number of blocks, whatever the thread count; each block sums
    // into its own scores, and the blocks are added in order, so that the result is the same for
    // any number of threads.
    const std::size_t blocks = std::min<std::size_t>(sources.size(), kBlocks);
    const std::vector<std::size_t> bounds = split_evenly(sources.size(), blocks);
    std::vector<std::vector<double>> partial(blocks);
    parallel_for(options.threads, blocks, [&](std::size_t b) {
        partial[b].assign(n, 0);
        SourceWalk walk(network);
        for (std::size_t i = bounds[b]; i < bounds[b + 1]; ++i) walk.run(sources[i], partial[b]);
    });
    const double scale = result.exact ? 1.0 : static_cast<double>(n) / sources.size();
    for (std::uint32_t v = 0; v < n; ++v) {
        double sum = 0;
        for (const auto& block : partial) sum += block[v];
        result.scores[v] = sum * scale;
    }
    return result;
}

}  // namespace icn
