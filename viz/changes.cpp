// SPDX-License-Identifier: MIT
#include "viz/changes.hpp"

#include <fmt/format.h>

#include "viz/reasons.hpp"
#include "viz/report_json.hpp"

namespace icn {

std::string change_text(const CohesionMeasures& before, const CohesionMeasures& after,
                        const std::vector<GapChange>& changes, const ChainTemplate& chain,
                        const GapOptions& options, std::string_view lang) {
    const bool zh = lang == "zh";
    const auto pick = [zh](const char* chinese, const char* english) {
        return fmt::runtime(zh ? chinese : english);
    };
    const auto show = [](const std::optional<double>& v) {
        return v ? fmt::format("{:.1f}%", *v * 100) : std::string("—");
    };
    std::string text;
    text += fmt::format(pick("本地配套率：{} -> {}\n", "local sourcing ratio: {} -> {}\n"),
                        show(before.local_sourcing_ratio), show(after.local_sourcing_ratio));
    text += fmt::format(pick("最大连通块占比：{} -> {}\n", "largest component share: {} -> {}\n"),
                        show(before.largest_component_share), show(after.largest_component_share));
    text += fmt::format(
        pick("平均聚类系数：{} -> {}\n", "average clustering: {} -> {}\n"),
        before.avg_clustering ? fmt::format("{:.3f}", *before.avg_clustering) : std::string("—"),
        after.avg_clustering ? fmt::format("{:.3f}", *after.avg_clustering) : std::string("—"));
    for (const GapChange& c : changes) {
        const auto said = [&](const Gap& g) { return explain(g, chain, options, lang); };
        switch (c.change) {
            case GapChangeKind::opened:
                text += fmt::format(pick("新增缺口：{}\n", "gap opened: {}\n"), said(*c.after));
                break;
            case GapChangeKind::closed:
                text += fmt::format(pick("缺口消除：{}\n", "gap closed: {}\n"), said(*c.before));
                break;
            case GapChangeKind::worsened:
                text += fmt::format(pick("缺口加重（弱链变为缺链）：{}\n",
                                         "gap worsened (weak became missing): {}\n"),
                                    said(*c.after));
                break;
            case GapChangeKind::improved:
                text += fmt::format(
                    pick("缺口减轻（缺链变为弱链）：{}\n", "gap eased (missing became weak): {}\n"),
                    said(*c.after));
                break;
            case GapChangeKind::severity_changed: {
                // Enough digits that the two severities read differently.
                int digits = 2;
                while (digits < 6 && fmt::format("{:.{}f}", c.before->severity, digits) ==
                                         fmt::format("{:.{}f}", c.after->severity, digits)) {
                    ++digits;
                }
                text += fmt::format(pick("缺口严重程度 {:.{}f} -> {:.{}f}：{}\n",
                                         "gap severity {:.{}f} -> {:.{}f}: {}\n"),
                                    c.before->severity, digits, c.after->severity, digits,
                                    said(*c.after));
                break;
            }
            case GapChangeKind::unchanged:
                break;
        }
    }
    return text;
}

nlohmann::ordered_json gap_changes_json(const std::vector<GapChange>& changes,
                                        const ChainTemplate& chain, const GapOptions& options,
                                        std::string_view lang) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const GapChange& c : changes) {
        if (c.change == GapChangeKind::unchanged) continue;
        nlohmann::ordered_json item;
        item["change"] = to_string(c.change);
        item["before"] = c.before ? gap_json(*c.before, chain, options, lang) : nullptr;
        item["after"] = c.after ? gap_json(*c.after, chain, options, lang) : nullptr;
        list.push_back(std::move(item));
    }
    return list;
}

std::string firm_names(const Dataset& dataset, const std::vector<std::uint32_t>& firms,
                       std::string_view lang, std::size_t limit) {
    const bool zh = lang == "zh";
    std::string out;
    for (std::size_t i = 0; i < firms.size() && i < limit; ++i) {
        const Firm& f = dataset.firms[firms[i]];
        out += fmt::format(fmt::runtime(i == 0 ? "{}" : (zh ? "、{}" : ", {}")),
                           fmt::format(fmt::runtime(zh ? "{}（{}）" : "{} ({})"), f.name, f.id));
    }
    if (firms.size() > limit) {
        out += fmt::format(fmt::runtime(zh ? "等{}家" : " and {} more"),
                           zh ? firms.size() : firms.size() - limit);
    }
    return out;
}

nlohmann::ordered_json whatif_json(const WhatIfResult& r, const Dataset& data,
                                   const ChainTemplate& chain,
                                   const std::vector<std::string>& removed,
                                   const std::vector<std::string>& added, const GapOptions& options,
                                   std::string_view lang) {
    nlohmann::ordered_json out;
    out["removed"] = removed;
    out["added"] = added;
    nlohmann::ordered_json cut = nlohmann::ordered_json::array();
    for (std::uint32_t f : r.cut_off) cut.push_back(data.firms[f].id);
    out["firms_cut_off"] = cut;
    out["local_links_change"] = r.local_links_change;
    if (data.links_have_value) {
        out["local_value_change"] = r.local_value_change;
    } else {
        out["local_value_change"] = nullptr;  // no value column: there is no amount
    }
    out["link_rows_removed"] = r.rows_removed;
    out["value_removed"] = data.links_have_value ? nlohmann::ordered_json(r.value_removed)
                                                 : nlohmann::ordered_json(nullptr);
    out["cohesion_before"] = cohesion_measures_json(r.before);
    out["cohesion_after"] = cohesion_measures_json(r.after);
    out["max_core_before"] = r.max_core_before;
    out["max_core_after"] = r.max_core_after;
    out["gap_changes"] = gap_changes_json(r.gap_changes, chain, options, lang);
    nlohmann::ordered_json opened = nlohmann::ordered_json::array(),
                           closed = nlohmann::ordered_json::array();
    for (const GapChange& c : r.gap_changes) {
        if (c.change == GapChangeKind::opened)
            opened.push_back(gap_json(*c.after, chain, options, lang));
        if (c.change == GapChangeKind::closed)
            closed.push_back(gap_json(*c.before, chain, options, lang));
    }
    out["gaps_opened"] = opened;
    out["gaps_closed"] = closed;
    return out;
}

}  // namespace icn
