// SPDX-License-Identifier: MIT
#include "engine/util/parallel.hpp"

namespace icn {

unsigned resolve_threads(unsigned requested) {
    if (requested > 0) return requested;
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 0 ? cores : 1;
}

std::vector<std::size_t> split_evenly(std::size_t count, std::size_t parts) {
    parts = std::max<std::size_t>(parts, 1);
    std::vector<std::size_t> bounds(parts + 1);
    for (std::size_t p = 0; p <= parts; ++p)
        bounds[p] = count / parts * p + std::min(p, count % parts);
    return bounds;
}

}  // namespace icn
