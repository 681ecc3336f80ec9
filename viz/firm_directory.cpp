// SPDX-License-Identifier: MIT
#include "viz/firm_directory.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "viz/format.hpp"

namespace icn {
namespace {

const char* size_word(FirmSize size, bool zh) {
    switch (size) {
        case FirmSize::large:
            return zh ? "大型" : "large";
        case FirmSize::medium:
            return zh ? "中型" : "medium";
        case FirmSize::small:
            return zh ? "小型" : "small";
        case FirmSize::micro:
            return zh ? "微型" : "micro";
        default:
            return "";
    }
}

nlohmann::json labels(bool zh) {
    const auto t = [zh](const char* c, const char* e) { return zh ? c : e; };
    return {
        {"search", t("搜索企业名称、代码、环节或地区", "Search name, id, segment or place")},
        {"shown", t("显示 {0} 家（共 {1} 家符合）", "{0} shown ({1} match)")},
        {"name", t("企业", "Firm")},
        {"id", t("代码", "Id")},
        {"segment", t("环节", "Segment")},
        {"place", t("地区", "Place")},
        {"size", t("规模", "Size")},
        {"tags", t("标签", "Tags")},
        {"output", t("产值", "Output")},
        {"local", t("本地", "local")},
        {"external", t("区外", "external")},
        {"back", t("← 返回报告", "← Back to the report")},
        {"suppliers", t("供应商", "Suppliers")},
        {"customers", t("客户", "Customers")},
        {"value", t("金额", "Value")},
        {"where", t("位置", "Where")},
        {"none", t("无", "none")},
        {"more", t("（只列出金额最大的 {0} 家，共 {1} 家）", "(the {0} largest of {1})")},
        {"leader", t("链主得分", "Leader score")},
        {"lead", t("链主", "Leader")},
        {"rank", t("排名", "Rank")},
        {"score", t("得分", "Score")},
        {"local_suppliers", t("本地供应商数", "Local suppliers")},
        {"local_purchase", t("本地采购额", "Local purchases")},
        {"pagerank", t("PageRank", "PageRank")},
        {"betweenness", t("介数中心性", "Betweenness")},
        {"downstream", t("链上位置（0 上游 … 1 下游）", "Chain position (0 up … 1 down)")},
        {"gaps", t("与缺口和建议的关系", "What the gaps and recommendations say of it")},
        {"facts", t("基本信息", "Facts")},
        {"not_local", t("区外企业（不在本集群区域内）", "External firm (outside the region)")},
    };
}

}  // namespace

FirmDirectory build_firm_directory(const ReportInput& in, std::size_t all_up_to) {
    const AnalysisContext& ctx = in.context;
    const AnalysisResults& r = in.results;
    const ChainTemplate& chain = ctx.chain;
    const ClusterSelection& sel = ctx.selection;
    const Network& net = ctx.network;
    const auto& firms = ctx.dataset.firms;
    const bool zh = in.lang == "zh";
    const auto t = [zh](const char* c, const char* e) { return zh ? c : e; };

    // What the gaps and recommendations say of a firm. `named`: the firms a recommendation or a
    // cut point names (single sources and weak segments can name most of a large cluster).
    std::map<std::uint32_t, std::vector<std::string>> notes;
    std::set<std::uint32_t> named;
    std::map<std::uint32_t, std::size_t> rank;
    for (std::size_t i = 0; i < r.leaders.ranked.size(); ++i) rank[r.leaders.ranked[i].firm] = i;
    std::map<std::uint32_t, std::size_t> attract_rank;
    for (const AttractCandidate& a : r.recommendations.attract) {
        const std::size_t k = ++attract_rank[a.segment];
        const char* kind = "";
        for (const Gap& g : r.gaps.gaps) {
            if (g.segment == a.segment && g.kind != GapKind::broken) {
                kind = gap_kind_text(g.kind, in.lang);
                break;
            }
        }
        notes[a.firm].push_back(
            fmt::format(fmt::runtime(t("招商对象：{}（{}）第 {} 位，向本地 {} 家企业供货",
                                       "To attract into {} ({}), #{}; supplies {} local firms")),
                        segment_name(chain, a.segment, in.lang), kind, k, a.local_customers));
        named.insert(a.firm);
    }
    for (const MatchCandidate& m : r.recommendations.match) {
        const std::string flow = fmt::format("{} → {}", segment_name(chain, m.from, in.lang),
                                             segment_name(chain, m.to, in.lang));
        notes[m.supplier].push_back(fmt::format(fmt::runtime(t("融通对接（{} 断链）：可向 {} 供货",
                                                               "Match ({} broken): may supply {}")),
                                                flow, firms[m.customer].name));
        notes[m.customer].push_back(
            fmt::format(fmt::runtime(t("融通对接（{} 断链）：可从 {} 采购",
                                       "Match ({} broken): may buy from {}")),
                        flow, firms[m.supplier].name));
        named.insert(m.supplier);
        named.insert(m.customer);
    }
    for (const CutFirm& c : r.resilience.articulation_points) {
        notes[c.firm].push_back(
            fmt::format(fmt::runtime(t("关键节点：退出后 {} 家本地企业与主体断开",
                                       "Cut point: without it {} local firms are cut off")),
                        c.cut_off));
        named.insert(c.firm);
    }
    for (const SingleSource& s : r.resilience.single_sources) {
        notes[s.supplier].push_back(
            fmt::format(fmt::runtime(t("{} 的唯一{}供应商", "The only {1} supplier of {0}")),
                        firms[s.customer].name, segment_name(chain, s.segment, in.lang)));
        notes[s.customer].push_back(
            fmt::format(fmt::runtime(t("{}只有一家供应商：{}", "One {} supplier only: {}")),
                        segment_name(chain, s.segment, in.lang), firms[s.supplier].name));
    }
    for (const Gap& g : r.gaps.gaps) {
        if (g.kind != GapKind::weak && g.kind != GapKind::dependent) continue;
        for (const std::uint32_t f : sel.local_by_segment[g.segment]) {
            notes[f].push_back(fmt::format(
                fmt::runtime(t("所在环节 {} 为{}", "Its segment {} is {}")),
                segment_name(chain, g.segment, in.lang), gap_kind_text(g.kind, in.lang)));
        }
    }

    // Which local firms are listed.
    std::vector<std::uint32_t> listed;
    std::string note;
    const bool all_listed = sel.local.size() <= all_up_to;
    if (all_listed) {
        listed = sel.local;
        note = fmt::format(fmt::runtime(t("名录列出全部 {} 家本地企业；点击企业名称查看企业画像。",
                                          "All {} local firms; click a name for its page.")),
                           sel.local.size());
    } else {
        std::set<std::uint32_t> chosen;
        for (std::size_t i = 0; i < r.leaders.ranked.size() && i < 100; ++i)
            chosen.insert(r.leaders.ranked[i].firm);
        for (const std::uint32_t firm : named) {
            if (sel.is_local[firm]) chosen.insert(firm);
        }
        for (std::uint32_t s = 0; s < chain.segments.size(); ++s) {
            std::vector<std::pair<double, std::uint32_t>> by_size;
            for (const std::uint32_t f : sel.local_by_segment[s]) {
                by_size.emplace_back(
                    -(firms[f].output.value_or(0) + static_cast<double>(net.customers(f).size())),
                    f);
            }
            std::sort(by_size.begin(), by_size.end());
            for (std::size_t i = 0; i < by_size.size() && i < kDirectoryLargestPerSegment; ++i)
                chosen.insert(by_size[i].second);
        }
        listed.assign(chosen.begin(), chosen.end());
        note = fmt::format(
            fmt::runtime(
                t("本地企业 {} 家，超过 {} 家：名录只列出链主得分前 100 名、缺口与建议涉及的"
                  "企业和各环节最大的 {} 家，共 {} 家；全部企业见 report.xlsx。",
                  "{} local firms, more than {}: the directory lists the 100 best leader "
                  "scores, the firms the gaps and recommendations name and the {} largest "
                  "of each segment, {} in all; every firm is in report.xlsx.")),
            grouped(static_cast<double>(sel.local.size()), 0),
            grouped(static_cast<double>(all_up_to), 0), kDirectoryLargestPerSegment,
            grouped(static_cast<double>(listed.size()), 0));
    }

    FirmDirectory dir;
    std::vector<std::uint32_t> order = listed;  // firms with a page, listed ones first
    for (std::size_t k = 0; k < order.size(); ++k) dir.page_of[firms[order[k]].id] = k;
    // A listed firm's partners get a page; a page of a firm not listed refers only to pages that
    // exist (else the pages of a large cluster would reach most of the network).
    const auto page = [&](std::uint32_t f, bool add) -> std::optional<std::size_t> {
        if (!add) {
            const auto it = dir.page_of.find(firms[f].id);
            if (it == dir.page_of.end()) return std::nullopt;
            return it->second;
        }
        auto [it, added] = dir.page_of.emplace(firms[f].id, order.size());
        if (added) order.push_back(f);
        return it->second;
    };
    const auto partners = [&](std::span<const std::uint32_t> who, std::span<const double> values,
                              std::size_t& total) {
        std::map<std::uint32_t, double> summed;
        for (std::size_t k = 0; k < who.size(); ++k) summed[who[k]] += values[k];
        std::vector<std::pair<double, std::uint32_t>> by_value;
        for (const auto& [f, v] : summed) by_value.emplace_back(-v, f);
        std::sort(by_value.begin(), by_value.end());
        total = by_value.size();
        if (by_value.size() > kFirmPagePartners) by_value.resize(kFirmPagePartners);
        return by_value;
    };
    std::unordered_map<std::string, std::string> places;  // region as written -> its name
    const auto place = [&](const std::string& region) -> const std::string& {
        auto it = places.find(region);
        if (it == places.end()) it = places.emplace(region, place_name(in, region)).first;
        return it->second;
    };
    nlohmann::json list = nlohmann::json::array();
    const std::size_t listed_count = listed.size();
    for (std::size_t k = 0; k < order.size(); ++k) {  // `order` grows with partners
        const std::uint32_t f = order[k];
        const Firm& firm = firms[f];
        const bool full = k < listed_count;  // listed firms carry their links
        std::string segments;
        for (const std::uint32_t s : sel.segments[f]) {
            segments += (segments.empty() ? "" : t("、", ", ")) + segment_name(chain, s, in.lang);
        }
        std::vector<std::string> tags;
        for (const std::string& tag : firm.tags) tags.push_back(tag_text(tag, in.lang));
        nlohmann::json j = {{"id", firm.id},
                            {"n", firm.name},
                            {"seg", segments},
                            {"r", place(firm.region)},
                            {"z", size_word(firm.size, zh)},
                            {"tags", tags},
                            {"local", sel.is_local[f] ? 1 : 0},
                            {"dir", full ? 1 : 0}};
        if (firm.output) j["out"] = *firm.output;
        if (firm.leader) j["lead"] = t("认定链主", "designated leader");
        if (const auto it = rank.find(f); it != rank.end()) {
            const LeaderEntry& e = r.leaders.ranked[it->second];
            if (!e.designated && e.acts)
                j["lead"] = t("发挥链主作用（未认定）", "acting leader (not designated)");
            j["sc"] = {it->second + 1,
                       e.score,
                       e.components.local_suppliers,
                       e.components.local_purchase_value,
                       e.components.pagerank,
                       e.components.betweenness,
                       e.components.downstream_position};
        }
        if (const auto it = notes.find(f); it != notes.end()) j["notes"] = it->second;
        if (full || (!sel.is_local[f] && all_listed)) {
            // Suppliers and customers, largest value first; partners get a page of their own. An
            // external firm's page lists its local partners when every local firm is listed.
            std::size_t total_in = 0, total_out = 0;
            const auto in_list = partners(net.suppliers(f), net.in_values(f), total_in);
            const auto out_list = partners(net.customers(f), net.out_values(f), total_out);
            nlohmann::json su = nlohmann::json::array(), cu = nlohmann::json::array();
            for (const auto& [v, p] : in_list) {
                if (!full && !sel.is_local[p]) continue;  // an external firm: its local links
                if (const auto at = page(p, full)) su.push_back({*at, -v});
            }
            for (const auto& [v, p] : out_list) {
                if (!full && !sel.is_local[p]) continue;
                if (const auto at = page(p, full)) cu.push_back({*at, -v});
            }
            j["su"] = su;
            j["cu"] = cu;
            if (full) {
                j["su_total"] = total_in;
                j["cu_total"] = total_out;
            }
        }
        list.push_back(std::move(j));
    }
    dir.data = {{"labels", labels(zh)},
                {"note", note},
                {"unit", value_unit(ctx.dataset)},
                {"lang", in.lang},
                {"firms", std::move(list)}};
    return dir;
}

}  // namespace icn
