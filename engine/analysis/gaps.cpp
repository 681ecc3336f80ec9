// SPDX-License-Identifier: MIT
#include "engine/analysis/gaps.hpp"

#include <algorithm>

namespace icn {

std::string_view to_string(GapKind kind) {
    switch (kind) {
        case GapKind::missing:
            return "missing";
        case GapKind::weak:
            return "weak";
        case GapKind::broken:
            return "broken";
        case GapKind::dependent:
            return "dependent";
    }
    return "";
}

namespace {

// Share of the template's segments reachable from each segment along flows, itself included.
std::vector<double> downstream_shares(const ChainTemplate& chain) {
    const std::size_t n = chain.segments.size();
    std::vector<std::vector<std::uint32_t>> next(n);
    for (const Flow& flow : chain.flows) next[flow.from].push_back(flow.to);
    std::vector<double> share(n, 0);
    for (std::size_t s = 0; s < n; ++s) {
        std::vector<bool> seen(n, false);
        std::vector<std::uint32_t> stack{static_cast<std::uint32_t>(s)};
        seen[s] = true;
        std::size_t count = 0;
        while (!stack.empty()) {
            const std::uint32_t v = stack.back();
            stack.pop_back();
            ++count;
            for (std::uint32_t w : next[v]) {
                if (!seen[w]) {
                    seen[w] = true;
                    stack.push_back(w);
                }
            }
        }
        share[s] = static_cast<double>(count) / static_cast<double>(n);
    }
    return share;
}

}  // namespace

GapReport find_gaps(const AnalysisContext& context, const GapOptions& options) {
    GapReport report;
    const ChainTemplate& chain = context.chain;
    const ClusterSelection& sel = context.selection;
    const Network& net = context.network;
    report.downstream_share = downstream_shares(chain);

    // Does any link (of the chosen year) touch a local firm?
    bool touched = false;
    for (std::uint32_t firm : sel.local) {
        if (net.out_degree(firm) > 0 || net.in_degree(firm) > 0) {
            touched = true;
            break;
        }
    }
    report.links_assessed = touched;

    for (std::uint32_t s = 0; s < chain.segments.size(); ++s) {
        const std::size_t local = sel.local_by_segment[s].size();
        Gap gap;
        gap.segment = s;
        gap.local_firms = local;
        if (local == 0) {
            gap.kind = GapKind::missing;
            gap.severity = report.downstream_share[s];
            report.gaps.push_back(gap);
            continue;
        }
        if (static_cast<std::int64_t>(local) < options.min_firms) {
            gap.kind = GapKind::weak;
            gap.severity =
                report.downstream_share[s] *
                (1.0 - static_cast<double>(local) / static_cast<double>(options.min_firms));
            report.gaps.push_back(gap);
        }
        if (!touched) continue;
        // Value of links whose supplier lists S and whose customer is local.
        double total = 0;
        double external = 0;
        for (std::uint32_t supplier : sel.firms_by_segment[s]) {
            const auto customers = net.customers(supplier);
            const auto values = net.out_values(supplier);
            for (std::size_t k = 0; k < customers.size(); ++k) {
                if (!sel.is_local[customers[k]]) continue;
                total += values[k];
                if (!sel.is_local[supplier]) external += values[k];
            }
        }
        if (total > 0 && external / total > options.max_external) {
            Gap dependent;
            dependent.kind = GapKind::dependent;
            dependent.segment = s;
            dependent.local_firms = local;
            dependent.external_share = external / total;
            dependent.severity = report.downstream_share[s] * dependent.external_share;
            report.gaps.push_back(dependent);
        }
    }

    if (!touched) return report;
    for (const Flow& flow : chain.flows) {
        const std::uint32_t s = flow.from;
        const std::uint32_t t = flow.to;
        if (s == t) continue;
        const auto& from = sel.local_by_segment[s];
        const auto& to = sel.local_by_segment[t];
        if (from.empty() || to.empty()) continue;
        // An integrated firm covers the flow inside itself.
        const bool integrated =
            std::any_of(from.begin(), from.end(), [&](std::uint32_t f) { return sel.lists(f, t); });
        if (integrated) continue;
        bool linked = false;
        for (std::uint32_t supplier : from) {
            for (std::uint32_t customer : net.customers(supplier)) {
                if (sel.is_local[customer] && sel.lists(customer, t)) {
                    linked = true;
                    break;
                }
            }
            if (linked) break;
        }
        if (linked) continue;
        Gap gap;
        gap.kind = GapKind::broken;
        gap.segment = s;
        gap.to = t;
        gap.severity = report.downstream_share[t];
        report.gaps.push_back(gap);
    }
    return report;
}

}  // namespace icn
