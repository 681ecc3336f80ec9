// SPDX-License-Identifier: MIT
#include "viz/reasons.hpp"

#include <fmt/format.h>

#include "viz/format.hpp"

namespace icn {

std::string attract_reason(const AttractCandidate& c, const Dataset& dataset,
                           std::string_view lang) {
    const bool zh = lang == "zh";
    if (!dataset.links_have_value) {  // no value column: rows are counted, never an amount
        if (zh) {
            return fmt::format(
                "已向本地{}家企业供货（{:.0f}条供货记录；数据无金额列）；其客户中{:.0f}%"
                "属于该环节的"
                "下游环节。",
                c.local_customers, c.local_value, c.fit * 100);
        }
        return fmt::format(
            "Already supplies {} local firm{} ({:.0f} supply rows; the data has no value column); "
            "{:.0f}% of its customers are in segments this one supplies.",
            c.local_customers, c.local_customers == 1 ? "" : "s", c.local_value, c.fit * 100);
    }
    const double to_wan = dataset.cluster ? dataset.cluster->unit_in_wan_yuan : 1.0;
    const std::string value = amount_text(c.local_value * to_wan, lang);
    if (zh) {
        return fmt::format(
            "已向本地{}家企业供货，金额{}；其客户中{:.0f}%（按金额）属于该环节的下游环节。",
            c.local_customers, value, c.fit * 100);
    }
    return fmt::format(
        "Already supplies {} local firm{} worth {}; {:.0f}% of its sales (by value) go to "
        "segments this one supplies.",
        c.local_customers, c.local_customers == 1 ? "" : "s", value, c.fit * 100);
}

std::string match_reason(const AnalysisContext& context, const MatchCandidate& c,
                         std::string_view lang) {
    const UndirectedGraph& g = context.local_undirected;
    const auto da = g.degree(context.selection.local_of[c.supplier]);
    const auto db = g.degree(context.selection.local_of[c.customer]);
    if (lang == "zh") {
        return fmt::format(
            "双方共同的本地合作企业{}家（资源分配指数{:.3f}）；本地合作企业数分别为{}家和{}家。",
            c.shared_partners, c.resource_allocation, da, db);
    }
    return fmt::format(
        "{} shared local trading partner{} (resource allocation {:.3f}); {} and {} "
        "local partners respectively.",
        c.shared_partners, c.shared_partners == 1 ? "" : "s", c.resource_allocation, da, db);
}

std::string explain(const Gap& gap, const ChainTemplate& chain, const GapOptions& options,
                    std::string_view lang) {
    const Segment& s = chain.segments[gap.segment];
    const bool zh = lang == "zh";
    const std::string name = zh ? s.name : (s.name_en.empty() ? s.id : s.name_en);
    const int downstream = static_cast<int>(gap.severity * 100 + 0.5);
    switch (gap.kind) {
        case GapKind::missing:
            return zh ? fmt::format(
                            "缺链：本地没有“{}”环节的企业，模板中{}%的环节位于其下游或为其本身。",
                            name, downstream)
                      : fmt::format(
                            "Missing: no local firm in '{}'; {}% of the template is at or "
                            "downstream of it.",
                            name, downstream);
        case GapKind::weak:
            return zh ? fmt::format("弱链：“{}”环节本地仅有{}家企业（少于{}家）。", name,
                                    gap.local_firms, options.min_firms)
                      : fmt::format("Weak: only {} local firm{} in '{}' (fewer than {}).",
                                    gap.local_firms, gap.local_firms == 1 ? "" : "s", name,
                                    options.min_firms);
        case GapKind::broken: {
            const Segment& t = chain.segments[gap.to];
            const std::string to_name = zh ? t.name : (t.name_en.empty() ? t.id : t.name_en);
            return zh ? fmt::format("断链：本地“{}”与“{}”两个环节都有企业，但没有本地供货关系。",
                                    name, to_name)
                      : fmt::format(
                            "Broken: '{}' and '{}' both have local firms, but no local "
                            "firm of the first supplies one of the second.",
                            name, to_name);
        }
        case GapKind::dependent:
            return zh ? fmt::format(
                            "外部依赖：本地企业采购的“{}”产品中，{:.0f}%来自区外供应商（阈值{:.0f}%"
                            "）。",
                            name, gap.external_share * 100, options.max_external * 100)
                      : fmt::format(
                            "Dependent: {:.0f}% of what local firms buy from '{}' comes from "
                            "outside the region (threshold {:.0f}%).",
                            gap.external_share * 100, name, options.max_external * 100);
    }
    return "";
}

}  // namespace icn
