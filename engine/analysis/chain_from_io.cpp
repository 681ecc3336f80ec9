// SPDX-License-Identifier: MIT
#include "engine/analysis/chain_from_io.hpp"

#include <algorithm>
#include <set>

#include "engine/util/message.hpp"

namespace icn {

std::vector<std::size_t> resolve_sectors(const IoTable& table,
                                         const std::vector<std::string>& sectors, Issues& issues) {
    std::vector<std::size_t> out;
    bool bad = false;
    for (const std::string& wanted : sectors) {
        std::vector<std::size_t> exact, partial;
        for (std::size_t i = 0; i < table.size(); ++i) {
            if (table.codes[i] == wanted || table.names_zh[i] == wanted) exact.push_back(i);
            if (!wanted.empty() && table.names_zh[i].find(wanted) != std::string::npos)
                partial.push_back(i);
        }
        const std::vector<std::size_t>& found = exact.empty() ? partial : exact;
        if (found.size() == 1) {
            if (std::find(out.begin(), out.end(), found.front()) == out.end())
                out.push_back(found.front());
            continue;
        }
        bad = true;
        if (found.empty()) {
            issues.error(
                "--sectors", 0,
                msg("no sector '{}' in {} (a code such as {} or a Chinese name such as {})", wanted,
                    table.display, table.codes.front(), table.names_zh.front()));
        } else {
            std::string list;
            for (std::size_t k = 0; k < found.size() && k < 8; ++k) {
                list += (list.empty() ? "" : ", ") + table.codes[found[k]] + " " +
                        table.names_zh[found[k]];
            }
            issues.error(
                "--sectors", 0,
                msg("'{}' names {} sectors: {}; give the code", wanted, found.size(), list));
        }
    }
    if (bad) out.clear();
    return out;
}

DerivedChain derive_chain(const IoTable& table, const IoLinkages& linkages,
                          const std::vector<std::size_t>& chosen, double threshold) {
    const std::size_t n = table.size();
    const auto a = [&](std::size_t i, std::size_t j) { return linkages.a[i * n + j]; };
    std::set<std::size_t> members(chosen.begin(), chosen.end());
    for (const std::size_t c : chosen) {
        for (std::size_t k = 0; k < n; ++k) {
            if (k != c && (a(k, c) > threshold || a(c, k) > threshold)) members.insert(k);
        }
    }
    DerivedChain chain;
    for (const std::size_t c : chosen) chain.segments.push_back({c, true, 1});
    for (const std::size_t k : members) {
        if (std::find(chosen.begin(), chosen.end(), k) == chosen.end())
            chain.segments.push_back({k, false, 1});
    }
    // Tiers: terciles of upstreamness (ties keep table order).
    std::vector<std::size_t> order(chain.segments.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return linkages.sectors[chain.segments[x].sector].upstreamness >
               linkages.sectors[chain.segments[y].sector].upstreamness;
    });
    const std::size_t m = order.size();
    for (std::size_t rank = 0; rank < m; ++rank) {
        chain.segments[order[rank]].stage =
            static_cast<int>(1 + (3 * rank) / std::max<std::size_t>(m, 1));
    }
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < m; ++j) {
            if (i == j) continue;
            const double c = a(chain.segments[i].sector, chain.segments[j].sector);
            if (c > threshold) chain.flows.push_back({i, j, c});
        }
    }
    std::stable_sort(
        chain.flows.begin(), chain.flows.end(),
        [](const DerivedFlow& x, const DerivedFlow& y) { return x.coefficient > y.coefficient; });
    return chain;
}

}  // namespace icn
