// SPDX-License-Identifier: MIT
#include "engine/analysis/chain_extension.hpp"

#include <algorithm>
#include <set>

namespace icn {

ChainExtension extend_chain(const ChainTemplate& chain, const IoTable& table,
                            const IoLinkages& linkages, std::size_t top) {
    ChainExtension out;
    const std::size_t n = table.size();
    std::set<std::size_t> in_template;
    for (const IoSectorLink& link : chain.io_sectors) {
        const auto it = std::find(table.codes.begin(), table.codes.end(), link.code);
        if (it == table.codes.end()) {
            if (std::find(out.unknown_codes.begin(), out.unknown_codes.end(), link.code) ==
                out.unknown_codes.end())
                out.unknown_codes.push_back(link.code);
            continue;
        }
        const auto k = static_cast<std::size_t>(it - table.codes.begin());
        if (in_template.insert(k).second) out.template_sectors.push_back(k);
    }
    // Goods: the sectors before electricity (NBS 电力、热力生产和供应; WIOD D35 Electricity, ...).
    out.goods_sectors = n;
    for (std::size_t k = 0; k < n; ++k) {
        if (table.names_zh[k].rfind("电力", 0) == 0 ||
            table.names_en[k].rfind("Electricity", 0) == 0) {
            out.goods_sectors = k;
            break;
        }
    }
    if (out.template_sectors.empty()) return out;
    const auto l = [&](std::size_t i, std::size_t j) { return linkages.leontief[i * n + j]; };
    const double count = static_cast<double>(out.template_sectors.size());
    for (std::size_t k = 0; k < out.goods_sectors; ++k) {
        if (in_template.count(k)) continue;
        ExtensionCandidate up{k, 0, 0, -1}, down{k, 0, 0, -1};
        for (const std::size_t t : out.template_sectors) {
            up.strength += l(k, t) / count;
            down.strength += l(t, k) / count;
            if (l(k, t) > up.via_strength) {
                up.via = t;
                up.via_strength = l(k, t);
            }
            if (l(t, k) > down.via_strength) {
                down.via = t;
                down.via_strength = l(t, k);
            }
        }
        out.upstream.push_back(up);
        out.downstream.push_back(down);
    }
    for (auto* list : {&out.upstream, &out.downstream}) {
        std::stable_sort(list->begin(), list->end(),
                         [](const ExtensionCandidate& a, const ExtensionCandidate& b) {
                             return a.strength > b.strength;
                         });
        if (list->size() > top) list->resize(top);
    }
    return out;
}

}  // namespace icn
