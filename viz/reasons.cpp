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

}  // namespace icn
