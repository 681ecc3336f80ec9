// SPDX-License-Identifier: MIT
#include "engine/graph/clustering.hpp"

#include <algorithm>
#include <atomic>

#include "engine/util/parallel.hpp"

namespace icn {

std::vector<std::uint64_t> triangles(const UndirectedGraph& graph, unsigned threads) {
    const std::uint32_t n = graph.node_count();
    std::vector<std::uint64_t> count(n, 0);
    if (n < 3) return count;

    // Each node's neighbours above it in the order (degree, id), in one CSR array.
    const auto above = [&](std::uint32_t a, std::uint32_t b) {
        const std::uint32_t da = graph.degree(a), db = graph.degree(b);
        return db > da || (db == da && b > a);
    };
    std::vector<std::size_t> start(n + 1, 0);
    for (std::uint32_t v = 0; v < n; ++v) {
        std::size_t up = 0;
        for (const std::uint32_t w : graph.neighbours(v)) up += above(v, w) ? 1 : 0;
        start[v + 1] = start[v] + up;
    }
    std::vector<std::uint32_t> up(start[n]);
    for (std::uint32_t v = 0; v < n; ++v) {
        std::size_t at = start[v];
        for (const std::uint32_t w : graph.neighbours(v)) {
            if (above(v, w)) up[at++] = w;
        }
    }

    // Blocks of nodes in a fixed cut; a triangle u < w < x found from u adds to all three.
    constexpr std::size_t kBlocks = 64;
    const std::vector<std::size_t> bounds = split_evenly(n, std::min<std::size_t>(kBlocks, n));
    parallel_for(threads, bounds.size() - 1, [&](std::size_t b) {
        std::vector<std::uint32_t> mark(n, 0);  // mark[x] == u + 1: x is above u
        for (std::size_t u = bounds[b]; u < bounds[b + 1]; ++u) {
            const auto tag = static_cast<std::uint32_t>(u + 1);
            for (std::size_t k = start[u]; k < start[u + 1]; ++k) mark[up[k]] = tag;
            std::uint64_t at_u = 0;
            for (std::size_t k = start[u]; k < start[u + 1]; ++k) {
                const std::uint32_t w = up[k];
                std::uint64_t at_w = 0;
                for (std::size_t j = start[w]; j < start[w + 1]; ++j) {
                    const std::uint32_t x = up[j];
                    if (mark[x] != tag) continue;
                    ++at_w;
                    std::atomic_ref<std::uint64_t>(count[x]).fetch_add(1,
                                                                       std::memory_order_relaxed);
                }
                at_u += at_w;
                if (at_w > 0) {
                    std::atomic_ref<std::uint64_t>(count[w]).fetch_add(at_w,
                                                                       std::memory_order_relaxed);
                }
            }
            if (at_u > 0) {
                std::atomic_ref<std::uint64_t>(count[u]).fetch_add(at_u, std::memory_order_relaxed);
            }
        }
    });
    return count;
}

std::vector<double> clustering_coefficients(const UndirectedGraph& graph, unsigned threads) {
    const std::vector<std::uint64_t> t = triangles(graph, threads);
    std::vector<double> c(graph.node_count(), 0.0);
    for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
        const double d = graph.degree(v);
        if (d >= 2) c[v] = 2.0 * static_cast<double>(t[v]) / (d * (d - 1));
    }
    return c;
}

}  // namespace icn
