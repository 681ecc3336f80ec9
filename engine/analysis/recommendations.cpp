// SPDX-License-Identifier: MIT
#include "engine/analysis/recommendations.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace icn {
namespace {

std::vector<AttractCandidate> attract_for(const AnalysisContext& context, std::uint32_t segment,
                                          const RecommendationOptions& options) {
    const ClusterSelection& sel = context.selection;
    const Network& net = context.network;
    // Segments that `segment` supplies in the template: buying there is a fit.
    std::vector<bool> supplied(context.chain.segments.size(), false);
    for (const Flow& flow : context.chain.flows) {
        if (flow.from == segment) supplied[flow.to] = true;
    }
    std::vector<AttractCandidate> out;
    for (std::uint32_t firm : sel.firms_by_segment[segment]) {
        if (sel.is_local[firm]) continue;
        AttractCandidate c;
        c.segment = segment;
        c.firm = firm;
        double all_value = 0;
        double fitting = 0;
        const auto customers = net.customers(firm);
        const auto values = net.out_values(firm);
        for (std::size_t k = 0; k < customers.size(); ++k) {
            all_value += values[k];
            if (sel.is_local[customers[k]]) {
                ++c.local_customers;
                c.local_value += values[k];
            }
            for (std::uint32_t s : sel.segments[customers[k]]) {
                if (supplied[s]) {
                    fitting += values[k];
                    break;
                }
            }
        }
        c.fit = all_value > 0 ? fitting / all_value : 0;
        out.push_back(c);
    }
    double max_value = 0;
    std::uint32_t max_customers = 0;
    for (const auto& c : out) {
        max_value = std::max(max_value, c.local_value);
        max_customers = std::max(max_customers, c.local_customers);
    }
    for (auto& c : out) {
        const double strength = (max_value > 0 ? 0.5 * c.local_value / max_value : 0) +
                                (max_customers > 0 ? 0.5 * c.local_customers / max_customers : 0);
        c.score = strength + c.fit / 100.0;
    }
    const auto& firms = context.dataset.firms;
    std::sort(out.begin(), out.end(), [&](const AttractCandidate& a, const AttractCandidate& b) {
        if (a.score != b.score) return a.score > b.score;
        return firms[a.firm].id < firms[b.firm].id;
    });
    const auto top = static_cast<std::size_t>(std::max<std::int64_t>(0, options.top));
    if (out.size() > top) out.resize(top);
    return out;
}

std::vector<MatchCandidate> match_for(const AnalysisContext& context, std::uint32_t from,
                                      std::uint32_t to, const RecommendationOptions& options) {
    const ClusterSelection& sel = context.selection;
    const UndirectedGraph& g = context.local_undirected;
    const auto& firms = context.dataset.firms;
    // Scores equal but for the last bits of a sum are ties: ranked on 12 decimals, then by id.
    const auto key = [](double score) { return std::llround(score * 1e12); };
    const auto better = [&](const MatchCandidate& x, const MatchCandidate& y) {
        if (key(x.score) != key(y.score)) return key(x.score) > key(y.score);
        if (firms[x.supplier].id != firms[y.supplier].id) {
            return firms[x.supplier].id < firms[y.supplier].id;
        }
        return firms[x.customer].id < firms[y.customer].id;
    };
    if (options.top <= 0) return {};
    const auto top = static_cast<std::size_t>(options.top);
    // A heap of the best `top` so far, the worst in front: pairs are never all held at once.
    std::vector<MatchCandidate> out;
    // Every pair of a local firm of `from` and one of `to`; resource allocation over shared
    // local trading partners (Zhou, Lu & Zhang 2009), plus a small preferential-attachment term
    // so that pairs without shared partners still rank by how connected they are.
    std::unordered_map<std::uint32_t, double> ra;
    std::unordered_map<std::uint32_t, std::uint32_t> shared;
    double max_degree_product = 0;
    for (std::uint32_t a : sel.local_by_segment[from]) {
        for (std::uint32_t b : sel.local_by_segment[to]) {
            max_degree_product =
                std::max(max_degree_product, static_cast<double>(g.degree(sel.local_of[a])) *
                                                 g.degree(sel.local_of[b]));
        }
    }
    for (std::uint32_t a : sel.local_by_segment[from]) {
        if (sel.lists(a, to)) continue;
        ra.clear();
        shared.clear();
        const std::uint32_t va = sel.local_of[a];
        for (std::uint32_t z : g.neighbours(va)) {
            const double weight = 1.0 / g.degree(z);
            for (std::uint32_t w : g.neighbours(z)) {
                if (w == va) continue;
                ra[w] += weight;
                ++shared[w];
            }
        }
        for (std::uint32_t b : sel.local_by_segment[to]) {
            if (b == a) continue;
            const std::uint32_t vb = sel.local_of[b];
            MatchCandidate c;
            c.from = from;
            c.to = to;
            c.supplier = a;
            c.customer = b;
            if (auto it = ra.find(vb); it != ra.end()) {
                c.resource_allocation = it->second;
                c.shared_partners = shared[vb];
            }
            const double pa = max_degree_product > 0 ? static_cast<double>(g.degree(va)) *
                                                           g.degree(vb) / max_degree_product
                                                     : 0;
            c.score = c.resource_allocation + 0.01 * pa;
            if (out.size() == top && !better(c, out.front())) continue;
            out.push_back(c);
            std::push_heap(out.begin(), out.end(), better);
            if (out.size() > top) {
                std::pop_heap(out.begin(), out.end(), better);
                out.pop_back();
            }
        }
    }
    std::sort(out.begin(), out.end(), better);
    return out;
}

}  // namespace

Recommendations recommend(const AnalysisContext& context, const GapReport& gaps,
                          const RecommendationOptions& options) {
    Recommendations r;
    // SPEC 3.4: whom to attract for each missing, weak or dependent segment, once per segment
    // (a segment may be both weak and dependent).
    std::vector<bool> listed(context.chain.segments.size(), false);
    for (const Gap& gap : gaps.gaps) {
        if (gap.kind == GapKind::missing || gap.kind == GapKind::weak ||
            gap.kind == GapKind::dependent) {
            if (listed[gap.segment]) continue;
            listed[gap.segment] = true;
            auto list = attract_for(context, gap.segment, options);
            r.attract.insert(r.attract.end(), list.begin(), list.end());
        } else if (gap.kind == GapKind::broken) {
            auto list = match_for(context, gap.segment, gap.to, options);
            r.match.insert(r.match.end(), list.begin(), list.end());
        }
    }
    return r;
}

}  // namespace icn
