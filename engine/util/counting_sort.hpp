// SPDX-License-Identifier: MIT
// A stable counting sort shared by threads, for grouping millions of rows by a firm: the
// network's CSR arrays and the merging of repeated link rows use it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/util/parallel.hpp"

namespace icn {

inline constexpr std::uint32_t kSkip = std::numeric_limits<std::uint32_t>::max();

// How many parts a pass over `count` items is split into: one for small inputs (threads cost
// more than they save), else one per thread, at most 16 (each part keeps a count per bucket).
inline std::size_t parts_for(std::size_t count, unsigned threads) {
    if (count < (std::size_t{1} << 16)) return 1;
    return std::min<std::size_t>(resolve_threads(threads), 16);
}

// Stable counting sort of `count` items by key(i) < buckets (kSkip: leave the item out), each part
// of the items counted and placed on its own thread. Returns the bucket starts (buckets + 1 of
// them); place(i, slot) stores item i at its slot. The same for any thread count.
template <typename Key, typename Place>
std::vector<std::uint32_t> counting_sort(std::size_t count, std::uint32_t buckets, unsigned threads,
                                         Key key, Place place) {
    const std::size_t parts = parts_for(count, threads);
    const std::vector<std::size_t> bounds = split_evenly(count, parts);
    std::vector<std::vector<std::uint32_t>> counts(parts);
    parallel_for(threads, parts, [&](std::size_t t) {
        counts[t].assign(buckets, 0);
        for (std::size_t i = bounds[t]; i < bounds[t + 1]; ++i) {
            const std::uint32_t k = key(i);
            if (k != kSkip) ++counts[t][k];
        }
    });
    std::vector<std::uint32_t> start(std::size_t{buckets} + 1, 0);
    for (std::uint32_t b = 0; b < buckets; ++b) {
        std::uint32_t next = start[b];
        for (std::size_t t = 0; t < parts; ++t) {
            const std::uint32_t here = counts[t][b];
            counts[t][b] = next;
            next += here;
        }
        start[b + 1] = next;
    }
    parallel_for(threads, parts, [&](std::size_t t) {
        std::vector<std::uint32_t>& next = counts[t];
        for (std::size_t i = bounds[t]; i < bounds[t + 1]; ++i) {
            const std::uint32_t k = key(i);
            if (k != kSkip) place(i, next[k]++);
        }
    });
    return start;
}

}  // namespace icn
