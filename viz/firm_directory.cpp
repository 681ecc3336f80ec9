// SPDX-License-Identifier: MIT
#include "viz/firm_directory.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "viz/format.hpp"
#include "viz/html_explorer.hpp"

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

// A JSON string: quotes, backslashes and control characters escaped, '<' as \u003c so that the
// text may stand inside a <script> element; bytes that are not UTF-8 become U+FFFD.
void put_string(std::string& out, std::string_view text) {
    out += '"';
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
            bool valid = length > 0 && c < 0xF5 && i + length <= text.size();
            for (std::size_t k = 1; valid && k < length; ++k)
                valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
            if (valid && length == 3) {  // no overlong forms, no surrogates
                const auto c1 = static_cast<unsigned char>(text[i + 1]);
                valid = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
            }
            if (valid && length == 4) {
                const auto c1 = static_cast<unsigned char>(text[i + 1]);
                valid = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
            }
            if (valid) {
                out.append(text.substr(i, length));
                i += length;
            } else {
                out += "\xEF\xBF\xBD";
                ++i;
            }
            continue;
        }
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            case '<':
                out += "\\u003c";
                break;
            default:
                if (c < 0x20) {
                    fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
                } else {
                    out += static_cast<char>(c);
                }
        }
        ++i;
    }
    out += '"';
}

// A JSON number, as short as reads back the same; null for what JSON cannot hold.
void put_number(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    fmt::format_to(std::back_inserter(out), "{}", value);
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
    constexpr std::size_t kUnranked = SIZE_MAX;
    std::vector<std::size_t> rank(firms.size(), kUnranked);
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
    // Single sources and weak or dependent segments can name most firms of a large cluster:
    // their notes are worded only for the firms that get a page (notes_of).
    struct SourceNote {
        std::uint32_t firm;
        std::uint32_t index;  // into r.resilience.single_sources
        bool as_supplier;
    };
    std::vector<SourceNote> source_notes;
    for (std::size_t i = 0; i < r.resilience.single_sources.size(); ++i) {
        const SingleSource& s = r.resilience.single_sources[i];
        source_notes.push_back({s.supplier, static_cast<std::uint32_t>(i), true});
        source_notes.push_back({s.customer, static_cast<std::uint32_t>(i), false});
    }
    std::stable_sort(source_notes.begin(), source_notes.end(),
                     [](const SourceNote& a, const SourceNote& b) { return a.firm < b.firm; });
    const auto notes_of = [&](std::uint32_t f) {
        std::vector<std::string> list;
        if (const auto it = notes.find(f); it != notes.end()) list = it->second;
        const auto [first, last] = std::equal_range(
            source_notes.begin(), source_notes.end(), SourceNote{f, 0, false},
            [](const SourceNote& a, const SourceNote& b) { return a.firm < b.firm; });
        for (auto it = first; it != last; ++it) {
            const SingleSource& s = r.resilience.single_sources[it->index];
            if (it->as_supplier) {
                list.push_back(fmt::format(
                    fmt::runtime(t("{} 的唯一{}供应商", "The only {1} supplier of {0}")),
                    firms[s.customer].name, segment_name(chain, s.segment, in.lang)));
            } else {
                list.push_back(
                    fmt::format(fmt::runtime(t("{}只有一家供应商：{}", "One {} supplier only: {}")),
                                segment_name(chain, s.segment, in.lang), firms[s.supplier].name));
            }
        }
        if (sel.is_local[f]) {
            for (const Gap& g : r.gaps.gaps) {
                if (g.kind != GapKind::weak && g.kind != GapKind::dependent) continue;
                const auto& mine = sel.segments[f];
                if (std::find(mine.begin(), mine.end(), g.segment) == mine.end()) continue;
                list.push_back(fmt::format(
                    fmt::runtime(t("所在环节 {} 为{}", "Its segment {} is {}")),
                    segment_name(chain, g.segment, in.lang), gap_kind_text(g.kind, in.lang)));
            }
        }
        return list;
    };

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
    dir.labels = labels(zh);
    dir.note = note;
    std::vector<std::uint32_t> order = listed;  // firms with a page, listed ones first
    constexpr std::uint32_t kNoPage = UINT32_MAX;
    std::vector<std::uint32_t> page_index(firms.size(), kNoPage);  // firm -> its page
    for (std::size_t k = 0; k < order.size(); ++k)
        page_index[order[k]] = static_cast<std::uint32_t>(k);
    // A listed firm's partners get a page; a page of a firm not listed refers only to pages that
    // exist (else the pages of a large cluster would reach most of the network).
    const auto page = [&](std::uint32_t f, bool add) -> std::optional<std::size_t> {
        if (page_index[f] == kNoPage) {
            if (!add) return std::nullopt;
            page_index[f] = static_cast<std::uint32_t>(order.size());
            order.push_back(f);
        }
        return page_index[f];
    };
    const auto partners = [&](std::span<const std::uint32_t> who, std::span<const double> values,
                              std::size_t& total) {
        // Each partner once, its values summed (a network has one edge per pair; the sum keeps
        // this right for any graph), then largest first.
        std::vector<std::pair<std::uint32_t, double>> each;
        for (std::size_t k = 0; k < who.size(); ++k) each.emplace_back(who[k], values[k]);
        std::sort(each.begin(), each.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::pair<double, std::uint32_t>> by_value;
        for (std::size_t k = 0; k < each.size(); ++k) {
            if (k > 0 && each[k].first == each[k - 1].first) {
                by_value.back().first -= each[k].second;
            } else {
                by_value.emplace_back(-each[k].second, each[k].first);
            }
        }
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
    // The pages, written as JSON text directly: tens of thousands of firms with their partners
    // would take a JSON tree of hundreds of megabytes.
    std::string& out = dir.json;
    out = "{\"labels\":" + script_safe_json(dir.labels) + ",\"note\":";
    put_string(out, note);
    out += ",\"unit\":";
    put_string(out, value_unit(ctx.dataset));
    out += ",\"lang\":";
    put_string(out, in.lang);
    out += ",\"firms\":[";
    const std::size_t listed_count = listed.size();
    for (std::size_t k = 0; k < order.size(); ++k) {  // `order` grows with partners
        const std::uint32_t f = order[k];
        const Firm& firm = firms[f];
        const bool full = k < listed_count;  // listed firms carry their links
        std::string segments;
        for (const std::uint32_t s : sel.segments[f]) {
            segments += (segments.empty() ? "" : t("、", ", ")) + segment_name(chain, s, in.lang);
        }
        dir.names.push_back(firm.name);
        out += k == 0 ? "{" : ",{";
        const auto key = [&](const char* name) {
            fmt::format_to(std::back_inserter(out), "\"{}\":", name);
        };
        key("id");
        put_string(out, firm.id);
        out += ',';
        key("n");
        put_string(out, firm.name);
        out += ',';
        key("seg");
        put_string(out, segments);
        out += ',';
        key("r");
        put_string(out, place(firm.region));
        out += ',';
        key("z");
        put_string(out, size_word(firm.size, zh));
        out += ',';
        key("tags");
        out += '[';
        for (std::size_t i = 0; i < firm.tags.size(); ++i) {
            if (i > 0) out += ',';
            put_string(out, tag_text(firm.tags[i], in.lang));
        }
        out += "],";
        key("local");
        out += sel.is_local[f] ? '1' : '0';
        out += ',';
        key("dir");
        out += full ? '1' : '0';
        if (firm.output) {
            out += ',';
            key("out");
            put_number(out, *firm.output);
        }
        const char* lead = firm.leader ? t("认定链主", "designated leader") : nullptr;
        if (const std::size_t at = rank[f]; at != kUnranked) {
            const LeaderEntry& e = r.leaders.ranked[at];
            if (!e.designated && e.acts)
                lead = t("发挥链主作用（未认定）", "acting leader (not designated)");
            out += ',';
            key("sc");
            fmt::format_to(std::back_inserter(out), "[{},", at + 1);
            for (const double v : {e.score, static_cast<double>(e.components.local_suppliers),
                                   e.components.local_purchase_value, e.components.pagerank,
                                   e.components.betweenness, e.components.downstream_position}) {
                put_number(out, v);
                out += ',';
            }
            out.back() = ']';
        }
        if (lead != nullptr) {
            out += ',';
            key("lead");
            put_string(out, lead);
        }
        if (const std::vector<std::string> said = notes_of(f); !said.empty()) {
            out += ',';
            key("notes");
            out += '[';
            for (std::size_t i = 0; i < said.size(); ++i) {
                if (i > 0) out += ',';
                put_string(out, said[i]);
            }
            out += ']';
        }
        if (full || (!sel.is_local[f] && all_listed)) {
            // Suppliers and customers, largest value first; partners get a page of their own. An
            // external firm's page lists its local partners when every local firm is listed.
            std::size_t total_in = 0, total_out = 0;
            const auto in_list = partners(net.suppliers(f), net.in_values(f), total_in);
            const auto out_list = partners(net.customers(f), net.out_values(f), total_out);
            const auto side = [&](const char* name, const auto& list) {
                out += ',';
                key(name);
                out += '[';
                bool first = true;
                for (const auto& [v, p] : list) {
                    if (!full && !sel.is_local[p]) continue;  // an external firm: its local links
                    const auto at = page(p, full);
                    if (!at) continue;
                    out += first ? "[" : ",[";
                    first = false;
                    fmt::format_to(std::back_inserter(out), "{},", *at);
                    put_number(out, -v);
                    out += ']';
                }
                out += ']';
            };
            side("su", in_list);
            side("cu", out_list);
            if (full) {
                fmt::format_to(std::back_inserter(out), ",\"su_total\":{},\"cu_total\":{}",
                               total_in, total_out);
            }
        }
        out += '}';
    }
    out += "]}";
    dir.page_of.reserve(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) dir.page_of.emplace(firms[order[k]].id, k);
    return dir;
}

}  // namespace icn
