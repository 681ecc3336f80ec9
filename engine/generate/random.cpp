// SPDX-License-Identifier: MIT
#include "engine/generate/random.hpp"

namespace icn {

AliasTable::AliasTable(const std::vector<double>& weights) {
    const std::size_t n = weights.size();
    if (n == 0) return;
    double total = 0;
    for (double w : weights) total += w;
    probability_.assign(n, 1.0);
    alias_.assign(n, 0);
    if (!(total > 0)) {
        for (std::size_t i = 0; i < n; ++i) alias_[i] = static_cast<std::uint32_t>(i);
        return;
    }
    std::vector<double> scaled(n);
    std::vector<std::uint32_t> small, large;
    for (std::size_t i = 0; i < n; ++i) {
        scaled[i] = weights[i] * static_cast<double>(n) / total;
        (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
    }
    while (!small.empty() && !large.empty()) {
        const std::uint32_t s = small.back();
        small.pop_back();
        const std::uint32_t l = large.back();
        probability_[s] = scaled[s];
        alias_[s] = l;
        scaled[l] = (scaled[l] + scaled[s]) - 1.0;
        if (scaled[l] < 1.0) {
            large.pop_back();
            small.push_back(l);
        }
    }
    for (std::uint32_t i : large) {
        probability_[i] = 1.0;
        alias_[i] = i;
    }
    for (std::uint32_t i : small) {
        probability_[i] = 1.0;
        alias_[i] = i;
    }
}

std::size_t AliasTable::draw(Random& random) const {
    const std::size_t column = random.below(probability_.size());
    return random.uniform() < probability_[column] ? column : alias_[column];
}

}  // namespace icn
