// SPDX-License-Identifier: MIT
#include "engine/graph/betweenness.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

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

// Adds the dependencies of one source to `scores` (Brandes' accumulation). `lengths` holds the
// length of every out-edge, in the network's edge order.
class SourceWalk {
public:
    SourceWalk(const Network& net, const std::vector<double>& lengths)
        : net_(net), lengths_(lengths), node_(net.node_count()) {}

    void run(std::uint32_t source, std::vector<double>& scores) {
        order_.clear();
        node_[source].distance = 0;
        node_[source].sigma = 1;
        lower(source);
        while (!heap_.empty()) {
            const std::uint32_t v = pop();
            Node& from = node_[v];
            from.rank = static_cast<std::uint32_t>(order_.size());
            order_.push_back(v);
            const double d = from.distance;
            const auto customers = net_.customers(v);
            const double* length = lengths_.data() + net_.out_begin(v);
            for (std::size_t k = 0; k < customers.size(); ++k) {
                Node& to = node_[customers[k]];
                if (to.rank != kUnsettled) continue;
                const double nd = d + length[k];
                const int order = compare_lengths(nd, to.distance);
                if (order < 0) {
                    to.distance = nd;
                    to.sigma = from.sigma;
                    lower(customers[k]);
                } else if (order == 0) {
                    to.sigma += from.sigma;
                }
            }
        }
        // Dependencies in the reverse of the settling order, pulled from each node's successors on
        // shortest paths: the customers settled after it at its distance plus the edge's length
        // (the out-edges again: contiguous, their lengths already known).
        for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
            const std::uint32_t v = *it;
            const Node& from = node_[v];
            const auto customers = net_.customers(v);
            const double* length = lengths_.data() + net_.out_begin(v);
            double dependency = 0;
            for (std::size_t k = 0; k < customers.size(); ++k) {
                const Node& to = node_[customers[k]];
                if (to.rank <= from.rank ||
                    compare_lengths(from.distance + length[k], to.distance) != 0) {
                    continue;
                }
                dependency += from.sigma / to.sigma * (1.0 + to.delta);
            }
            node_[v].delta = dependency;
            if (v != source) scores[v] += dependency;
        }
        for (std::uint32_t v : order_) node_[v] = Node{};
    }

private:
    // The queue of reached, unsettled nodes: a 4-ary min-heap on (distance, node) that knows
    // each node's place, so that a shorter distance moves the node up instead of adding a copy.
    bool before(std::uint32_t a, std::uint32_t b) const {
        const double da = node_[a].distance, db = node_[b].distance;
        return da < db || (da == db && a < b);
    }
    void place(std::size_t at, std::uint32_t v) {
        heap_[at] = v;
        node_[v].slot = static_cast<std::uint32_t>(at);
    }
    // v's distance went down (or v was just reached).
    void lower(std::uint32_t v) {
        std::size_t at = node_[v].slot;
        if (at == kNotQueued) {
            at = heap_.size();
            heap_.push_back(v);
        }
        while (at > 0) {
            const std::size_t parent = (at - 1) / 4;
            if (!before(v, heap_[parent])) break;
            place(at, heap_[parent]);
            at = parent;
        }
        place(at, v);
    }
    std::uint32_t pop() {
        const std::uint32_t top = heap_.front();
        node_[top].slot = kNotQueued;
        const std::uint32_t last = heap_.back();
        heap_.pop_back();
        if (heap_.empty()) return top;
        std::size_t at = 0;
        for (;;) {
            const std::size_t first = 4 * at + 1;
            if (first >= heap_.size()) break;
            std::size_t best = first;
            const std::size_t end = std::min(first + 4, heap_.size());
            for (std::size_t c = first + 1; c < end; ++c) {
                if (before(heap_[c], heap_[best])) best = c;
            }
            if (!before(heap_[best], last)) break;
            place(at, heap_[best]);
            at = best;
        }
        place(at, last);
        return top;
    }

    static constexpr double kInfinity = 1e300;
    static constexpr std::uint32_t kUnsettled = UINT32_MAX;
    static constexpr std::uint32_t kNotQueued = UINT32_MAX;
    // What a walk knows of a node, in one place: an edge visit touches one cache line.
    struct alignas(32) Node {
        double distance = kInfinity;
        double sigma = 0;                 // shortest paths from the source
        double delta = 0;                 // the source's dependency on the node
        std::uint32_t rank = kUnsettled;  // position in the settling order
        std::uint32_t slot = kNotQueued;  // position in the heap
    };
    const Network& net_;
    const std::vector<double>& lengths_;
    std::vector<Node> node_;
    std::vector<std::uint32_t> order_;
    std::vector<std::uint32_t> heap_;
};

}  // namespace

BetweennessRun::BetweennessRun(const Network& network, const BetweennessOptions& options)
    : network_(network) {
    const std::uint32_t n = network.node_count();
    if (n == 0) return;
    if (n <= options.exact_up_to || options.samples >= n) {
        sources_.resize(n);
        for (std::uint32_t v = 0; v < n; ++v) sources_[v] = v;
    } else {
        exact_ = false;
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
        sources_.assign(all.begin(), all.begin() + samples);
    }
    // Sources are cut into a fixed number of blocks, whatever the thread count; each block sums
    // into its own scores, and the blocks are added in order, so that the result is the same for
    // any number of threads.
    bounds_ = split_evenly(sources_.size(), std::min<std::size_t>(sources_.size(), kBlocks));
    partial_.resize(bounds_.size() - 1);
    lengths_.resize(network.edge_count());
    for (std::size_t e = 0; e < lengths_.size(); ++e) lengths_[e] = 1.0 / network.edge_value(e);
}

void BetweennessRun::run_block(std::size_t b) {
    partial_[b].assign(network_.node_count(), 0);
    SourceWalk walk(network_, lengths_);
    for (std::size_t i = bounds_[b]; i < bounds_[b + 1]; ++i) walk.run(sources_[i], partial_[b]);
}

BetweennessResult BetweennessRun::finish() {
    BetweennessResult result;
    const std::uint32_t n = network_.node_count();
    result.scores.assign(n, 0);
    result.exact = exact_;
    result.sources = static_cast<std::uint32_t>(sources_.size());
    if (n == 0) return result;
    const double scale = exact_ ? 1.0 : static_cast<double>(n) / sources_.size();
    for (std::uint32_t v = 0; v < n; ++v) {
        double sum = 0;
        for (const auto& block : partial_) sum += block[v];
        result.scores[v] = sum * scale;
    }
    partial_.clear();
    return result;
}

BetweennessResult betweenness(const Network& network, const BetweennessOptions& options) {
    BetweennessRun run(network, options);
    parallel_for(options.threads, run.blocks(), [&](std::size_t b) { run.run_block(b); });
    return run.finish();
}

}  // namespace icn
