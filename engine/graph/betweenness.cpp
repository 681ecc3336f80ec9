// SPDX-License-Identifier: MIT
#include "engine/graph/betweenness.hpp"

#include <algorithm>
#include <queue>
#include <thread>

#include "engine/generate/random.hpp"

namespace icn {
namespace {

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
                if (nd < distance_[w]) {
                    distance_[w] = nd;
                    sigma_[w] = sigma_[v];
                    queue.emplace(nd, w);
                } else if (nd == distance_[w] && !settled_[w]) {
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
                if (!settled_[v] || distance_[v] + 1.0 / values[k] != distance_[w]) continue;
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

    // Two threads, each over every other source, each with its own scores; summed in a fixed
    // order so that the result does not depend on timing.
    std::vector<double> partial[2] = {std::vector<double>(n, 0), std::vector<double>(n, 0)};
    const auto part = [&](int t) {
        SourceWalk walk(network);
        for (std::size_t i = static_cast<std::size_t>(t); i < sources.size(); i += 2) {
            walk.run(sources[i], partial[t]);
        }
    };
    if (sources.size() > 64) {
        std::thread worker(part, 1);
        part(0);
        worker.join();
    } else {
        part(0);
        part(1);
    }
    const double scale = result.exact ? 1.0 : static_cast<double>(n) / sources.size();
    for (std::uint32_t v = 0; v < n; ++v)
        result.scores[v] = (partial[0][v] + partial[1][v]) * scale;
    return result;
}

}  // namespace icn
