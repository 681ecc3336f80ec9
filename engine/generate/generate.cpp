// SPDX-License-Identifier: MIT
#include "engine/generate/generate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/generate/random.hpp"
#include "engine/util/progress.hpp"
#include "engine/util/staged_output.hpp"
#include "models/firm.hpp"
#include "models/region.hpp"

namespace icn {
namespace {

struct Place {
    const char* code;
    const char* name;
};

// Real GB/T 2260 county-level codes of places with machinery industry, for external firms.
constexpr Place kPlaces[] = {
    {"370102", "济南"},   {"371502", "聊城"}, {"371521", "阳谷"}, {"371525", "冠县"},
    {"371526", "高唐"},   {"330624", "新昌"}, {"320214", "无锡"}, {"410311", "洛阳"},
    {"210283", "瓦房店"}, {"320412", "常州"}, {"330281", "余姚"}, {"420606", "襄阳"},
    {"310115", "上海"},   {"120116", "天津"}, {"440306", "深圳"}, {"320505", "苏州"},
    {"370211", "青岛"},   {"130181", "辛集"}, {"610113", "西安"}, {"510116", "成都"},
    {"371581", "临清"},   {"330782", "义乌"}, {"350582", "晋江"}, {"441900", "东莞"},
};

constexpr const char* kBrand[] = {
    "恒", "华", "瑞", "鑫", "达", "通", "泰", "盛", "宏", "兴", "昌", "隆", "永", "信",
    "德", "丰", "源", "金", "联", "海", "天", "辰", "峰", "力", "精", "宇", "新", "博",
    "创", "嘉", "汇", "远", "正", "和", "安", "康", "富", "凯", "迅", "捷", "锐", "诚",
    "众", "冠", "东", "方", "宝", "顺", "晟", "弘", "钧", "铭", "卓", "润", "启", "航"};

constexpr const char* kSuffix[] = {"有限公司", "科技有限公司", "制造有限公司", "股份有限公司",
                                   "实业有限公司"};
constexpr const char* kOutside[] = {"物流", "贸易", "包装", "机电", "五金"};
constexpr const char* kDistricts[] = {"02", "03", "04", "05", "11", "21", "22", "23", "24", "25"};

// Buffered CSV writer; throws OutputError when the disk refuses.
class Writer {
public:
    explicit Writer(const std::filesystem::path& path) : path_(path) {
        file_ = std::fopen(path.c_str(), "wb");
        if (file_ == nullptr) {
            throw OutputError(fmt::format("{}: cannot create", path.string()));
        }
    }
    ~Writer() {
        if (file_ != nullptr) std::fclose(file_);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    fmt::memory_buffer& buffer() { return buffer_; }
    void maybe_flush() {
        if (buffer_.size() > (1u << 20)) flush();
    }
    void close() {
        flush();
        const bool failed = std::ferror(file_) != 0;
        const bool close_failed = std::fclose(file_) != 0;
        file_ = nullptr;
        if (failed || close_failed) {
            throw OutputError(fmt::format("{}: cannot write (disk full?)", path_.string()));
        }
    }

private:
    void flush() {
        if (!buffer_.size()) return;
        if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
            throw OutputError(fmt::format("{}: cannot write (disk full?)", path_.string()));
        }
        buffer_.clear();
    }
    std::filesystem::path path_;
    std::FILE* file_ = nullptr;
    fmt::memory_buffer buffer_;
};

struct GenFirm {
    std::vector<std::uint32_t> segments;  // template segment indices; empty = outside the chain
    bool local = false;
    bool leader = false;
    FirmSize size = FirmSize::small;
    double pull = 1;  // attractiveness: heavy-tailed, drives degrees
    std::string region;
    std::string place;
};

double size_factor(FirmSize size) {
    switch (size) {
        case FirmSize::large:
            return 20;
        case FirmSize::medium:
            return 5;
        case FirmSize::small:
            return 1.5;
        default:
            return 1;
    }
}

double base_output(FirmSize size) {  // 万元 per year
    switch (size) {
        case FirmSize::large:
            return 150000;
        case FirmSize::medium:
            return 20000;
        case FirmSize::small:
            return 3000;
        default:
            return 400;
    }
}

// Splits `total` into parts proportional to `weights`, largest remainders first.
std::vector<std::uint32_t> apportion(std::uint32_t total, const std::vector<double>& weights) {
    double sum = 0;
    for (double w : weights) sum += w;
    std::vector<std::uint32_t> parts(weights.size(), 0);
    if (weights.empty() || !(sum > 0)) return parts;
    std::vector<std::pair<double, std::size_t>> rest;
    std::uint32_t used = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = total * weights[i] / sum;
        parts[i] = static_cast<std::uint32_t>(std::floor(exact));
        used += parts[i];
        rest.emplace_back(-(exact - parts[i]), i);
    }
    std::sort(rest.begin(), rest.end());
    for (std::size_t k = 0; used < total; ++k, ++used) ++parts[rest[k % rest.size()].second];
    return parts;
}

}  // namespace

std::vector<std::string> check_generate_options(const ChainTemplate& chain,
                                                const GenerateOptions& options) {
    std::vector<std::string> problems;
    if (chain.segments.empty()) problems.push_back("the chain template has no segments");
    const auto known = [&](const std::string& id, std::string_view what) {
        if (!chain.find(id)) {
            problems.push_back(
                fmt::format("{} segment '{}' is not in template '{}'", what, id, chain.id));
        }
    };
    for (const auto& id : options.missing) known(id, "--missing");
    for (const auto& id : options.weak) known(id, "--weak");
    for (const auto& id : options.dependent) known(id, "--dependent");
    for (const auto& [from, to] : options.broken) {
        const auto f = chain.find(from);
        const auto t = chain.find(to);
        if (!f || !t) {
            problems.push_back(
                fmt::format("--broken {}>{}: not segments of template '{}'", from, to, chain.id));
            continue;
        }
        const bool is_flow =
            std::any_of(chain.flows.begin(), chain.flows.end(),
                        [&](const Flow& fl) { return fl.from == *f && fl.to == *t; });
        if (!is_flow || *f == *t) {
            problems.push_back(
                fmt::format("--broken {}>{}: not a flow of template '{}'", from, to, chain.id));
        }
    }
    const std::size_t minimum = 4 * chain.segments.size() + options.leaders + 4;
    if (options.firms < minimum) {
        problems.push_back(fmt::format("--firms {} is too few for template '{}': at least {}",
                                       options.firms, chain.id, minimum));
    }
    if (!(options.local_share > 0 && options.local_share < 1)) {
        problems.push_back(
            fmt::format("--local-share must be in (0, 1), got {}", options.local_share));
    }
    if (!(options.local_sourcing >= 0 && options.local_sourcing <= 1)) {
        problems.push_back(
            fmt::format("--local-sourcing must be in [0, 1], got {}", options.local_sourcing));
    }
    if (!is_region_code(options.region) || options.region.size() != 6) {
        problems.push_back(
            fmt::format("--region must be a 6-digit GB/T 2260 code, got '{}'", options.region));
    }
    if (options.links > 4'000'000'000ULL) problems.push_back("--links must be below 4e9");
    return problems;
}

GenerateSummary generate_dataset(const ChainTemplate& chain, const GenerateOptions& options,
                                 const std::filesystem::path& folder) {
    Random random(options.seed);
    const std::size_t segment_count = chain.segments.size();
    std::set<std::uint32_t> missing, weak, dependent;
    std::set<std::pair<std::uint32_t, std::uint32_t>> broken;
    for (const auto& id : options.missing) missing.insert(*chain.find(id));
    for (const auto& id : options.weak) weak.insert(*chain.find(id));
    for (const auto& id : options.dependent) dependent.insert(*chain.find(id));
    for (const auto& [f, t] : options.broken) broken.emplace(*chain.find(f), *chain.find(t));

    // --- How many firms each segment has, locally and outside.
    const std::uint32_t total = options.firms;
    const std::uint32_t outside_chain = total / 30;
    const std::uint32_t in_chain = total - outside_chain;
    std::vector<double> weights;
    for (const Segment& s : chain.segments) weights.push_back(s.weight > 0 ? s.weight : 0.1);
    const auto local_target =
        static_cast<std::uint32_t>(std::lround(in_chain * options.local_share));
    std::vector<std::uint32_t> local_count = apportion(local_target, weights);
    std::vector<std::uint32_t> external_count = apportion(in_chain - local_target, weights);
    // Planted gaps fix local counts; every other segment keeps at least 3 local firms, and every
    // segment at least 3 external ones (candidates to attract). Balance comes from the largest.
    std::uint32_t moved = 0;
    for (std::size_t s = 0; s < segment_count; ++s) {
        const std::uint32_t want = missing.count(static_cast<std::uint32_t>(s)) ? 0
                                   : weak.count(static_cast<std::uint32_t>(s))
                                       ? 1
                                       : std::max<std::uint32_t>(local_count[s], 3);
        moved += local_count[s];
        moved -= want;
        local_count[s] = want;
        if (external_count[s] < 3) {
            moved -= 3 - external_count[s];
            external_count[s] = 3;
        }
    }
    // `moved` (mod 2^32) is what the others must give or take; settle on the biggest segments.
    auto settle = [&](std::vector<std::uint32_t>& counts, std::int64_t delta) {
        while (delta != 0) {
            std::size_t best = segment_count;
            for (std::size_t s = 0; s < segment_count; ++s) {
                const auto id = static_cast<std::uint32_t>(s);
                if (&counts == &local_count && (missing.count(id) || weak.count(id))) continue;
                if (delta < 0 && counts[s] <= 3) continue;
                if (best == segment_count || counts[s] > counts[best]) best = s;
            }
            if (best == segment_count) break;
            if (delta > 0) {
                ++counts[best];
                --delta;
            } else {
                --counts[best];
                ++delta;
            }
        }
    };
    settle(local_count, static_cast<std::int32_t>(moved));
    {
        std::int64_t sum = 0;
        for (std::size_t s = 0; s < segment_count; ++s) sum += local_count[s] + external_count[s];
        settle(external_count, static_cast<std::int64_t>(in_chain) - sum);
    }

    // --- The firms.
    RegionSelector cluster({options.region});
    std::vector<const Place*> elsewhere;
    for (const Place& place : kPlaces) {
        if (!cluster.matches(place.code)) elsewhere.push_back(&place);
    }
    const bool county = options.region.substr(4) != "00";
    std::vector<GenFirm> firms;
    firms.reserve(total);
    const auto add_firm = [&](std::vector<std::uint32_t> segments, bool local) {
        GenFirm firm;
        firm.segments = std::move(segments);
        firm.local = local;
        const double u = random.uniform();
        firm.size = u < 0.02   ? FirmSize::large
                    : u < 0.17 ? FirmSize::medium
                    : u < 0.62 ? FirmSize::small
                               : FirmSize::micro;
        firm.pull = std::min(random.pareto(1.3), 1e4);
        if (local) {
            firm.region = county ? options.region
                                 : options.region.substr(0, 4) +
                                       kDistricts[random.below(std::size(kDistricts))];
            firm.place = options.region_name;
        } else {
            const Place* place = elsewhere[random.below(elsewhere.size())];
            firm.region = place->code;
            firm.place = place->name;
        }
        firms.push_back(std::move(firm));
    };
    for (std::size_t s = 0; s < segment_count; ++s) {
        for (std::uint32_t k = 0; k < local_count[s]; ++k)
            add_firm({static_cast<std::uint32_t>(s)}, true);
        for (std::uint32_t k = 0; k < external_count[s]; ++k)
            add_firm({static_cast<std::uint32_t>(s)}, false);
    }
    for (std::uint32_t k = 0; k < outside_chain; ++k)
        add_firm({}, random.chance(options.local_share));

    // Chain leaders: local firms of the most downstream segments that are not planted gaps.
    {
        int top_stage = 0;
        for (const Segment& s : chain.segments) top_stage = std::max(top_stage, s.stage);
        std::vector<std::uint32_t> candidates;
        for (int stage = top_stage; stage >= 0 && candidates.size() < options.leaders; --stage) {
            for (std::size_t i = 0; i < firms.size(); ++i) {
                const auto& f = firms[i];
                if (!f.local || f.segments.empty()) continue;
                const std::uint32_t s = f.segments[0];
                if (chain.segments[s].stage != stage || missing.count(s) || weak.count(s)) continue;
                candidates.push_back(static_cast<std::uint32_t>(i));
            }
        }
        for (std::uint32_t k = 0; k < options.leaders && !candidates.empty(); ++k) {
            const std::size_t pick = random.below(candidates.size());
            GenFirm& leader = firms[candidates[pick]];
            leader.leader = true;
            leader.size = FirmSize::large;
            leader.pull = 30 * std::max(leader.pull, 5.0);
            candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(pick));
        }
    }
    // Integrated firms: about 3% also work in a neighbouring segment of the template.
    if (!chain.flows.empty()) {
        for (GenFirm& firm : firms) {
            if (firm.segments.empty() || !random.chance(0.03)) continue;
            const Flow& flow = chain.flows[random.below(chain.flows.size())];
            const std::uint32_t own = firm.segments[0];
            std::uint32_t other;
            if (flow.from == own)
                other = flow.to;
            else if (flow.to == own)
                other = flow.from;
            else
                continue;
            if (other == own) continue;
            if (firm.local) {
                if (missing.count(other) || weak.count(other)) continue;
                if (broken.count({own, other}) || broken.count({other, own})) continue;
            }
            firm.segments.push_back(other);
        }
    }
    for (GenFirm& firm : firms) firm.pull *= size_factor(firm.size);

    // Shuffle so that the file does not list firms segment by segment.
    std::vector<std::uint32_t> order(firms.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
    std::vector<GenFirm> shuffled;
    shuffled.reserve(firms.size());
    for (std::uint32_t i : order) shuffled.push_back(std::move(firms[i]));
    firms = std::move(shuffled);

    // --- firms.csv
    std::vector<double> outputs(firms.size());
    GenerateSummary summary;
    summary.firms = static_cast<std::uint32_t>(firms.size());
    {
        Writer out(folder / "firms.csv");
        auto& buf = out.buffer();
        fmt::format_to(std::back_inserter(buf),
                       "id,name,region,segment,size,leader,tags,output,employees,lat,lon\n");
        Progress progress(options.progress, "writing firms.csv", firms.size());
        for (std::size_t i = 0; i < firms.size(); ++i) {
            progress.update(i);
            const GenFirm& f = firms[i];
            summary.local_firms += f.local ? 1 : 0;
            std::string segments;
            for (std::uint32_t s : f.segments) {
                if (!segments.empty()) segments += ';';
                segments += chain.segments[s].id;
            }
            std::string core = f.segments.empty() ? kOutside[random.below(std::size(kOutside))]
                                                  : chain.segments[f.segments[0]].name;
            std::string name =
                f.place + kBrand[random.below(std::size(kBrand))] +
                kBrand[random.below(std::size(kBrand))] + core +
                (f.leader ? "集团股份有限公司" : kSuffix[random.below(std::size(kSuffix))]);
            std::string tags;
            const auto tag = [&](const char* t, double p) {
                if (random.chance(p)) tags += (tags.empty() ? "" : ";") + std::string(t);
            };
            if (f.size != FirmSize::large) {
                tag("srdi", 0.06);
                tag("innovative", 0.05);
                tag("little_giant", 0.012);
            } else {
                tag("champion", 0.08);
            }
            tag("hnte", 0.1);
            const double output = std::round(base_output(f.size) * random.lognormal(0, 0.6));
            outputs[i] = output;
            const double employees =
                std::max(3.0, std::round(output / 60 * random.lognormal(0, 0.3)));
            const double lat =
                f.local ? 36.84 + 0.08 * random.normal() : 22 + 18 * random.uniform();
            const double lon =
                f.local ? 115.71 + 0.08 * random.normal() : 104 + 17 * random.uniform();
            // A few names carry a comma, as real ones do ("临清市恒瑞轴承有限公司,二分厂").
            const bool quoted = random.chance(0.01);
            fmt::format_to(
                std::back_inserter(buf), "F{:07d},{}{}{},{},{},{},{},{},{},{},{:.5f},{:.5f}\n",
                i + 1, quoted ? "\"" : "", name, quoted ? ",二分厂\"" : "", f.region, segments,
                to_string(f.size), f.leader ? "1" : "0", tags, output, employees, lat, lon);
            out.maybe_flush();
        }
        out.close();
    }

    // --- links.csv
    // Firms of each (segment, local) pair, drawn in proportion to their pull.
    std::vector<std::vector<std::uint32_t>> members(segment_count * 2);
    std::vector<AliasTable> tables(segment_count * 2);
    {
        std::vector<std::vector<double>> pulls(segment_count * 2);
        for (std::uint32_t i = 0; i < firms.size(); ++i) {
            for (std::uint32_t s : firms[i].segments) {
                const std::size_t key = s * 2 + (firms[i].local ? 1 : 0);
                members[key].push_back(i);
                pulls[key].push_back(firms[i].pull);
            }
        }
        for (std::size_t k = 0; k < tables.size(); ++k) tables[k] = AliasTable(pulls[k]);
    }
    const auto has = [&](std::uint32_t segment, bool local) {
        return !members[segment * 2 + (local ? 1 : 0)].empty();
    };
    const auto draw = [&](std::uint32_t segment, bool local) {
        const std::size_t key = segment * 2 + (local ? 1 : 0);
        return members[key][tables[key].draw(random)];
    };
    // A local -> local link that would cover a planted broken flow (also through an integrated
    // firm's other segment) is not allowed.
    const auto covers_broken = [&](std::uint32_t supplier, std::uint32_t customer) {
        if (broken.empty() || !firms[supplier].local || !firms[customer].local) return false;
        for (std::uint32_t a : firms[supplier].segments) {
            for (std::uint32_t b : firms[customer].segments) {
                if (broken.count({a, b})) return true;
            }
        }
        return false;
    };
    std::vector<double> flow_weights;
    for (const Flow& flow : chain.flows)
        flow_weights.push_back(flow.weight > 0 ? flow.weight : 0.1);
    const AliasTable flow_table(flow_weights);

    Writer out(folder / "links.csv");
    auto& buf = out.buffer();
    fmt::format_to(std::back_inserter(buf), "supplier,customer,value{},year\n",
                   options.products ? ",product" : "");
    const auto emit = [&](std::uint32_t supplier, std::uint32_t customer, std::uint32_t segment) {
        const double scale = base_output(firms[customer].size) / 100.0;
        const double value =
            std::max(0.01, std::round(scale * random.lognormal(0, 1.1) * 100) / 100);
        if (options.products) {
            fmt::format_to(std::back_inserter(buf), "F{:07d},F{:07d},{},{},{}\n", supplier + 1,
                           customer + 1, value, chain.segments[segment].name, options.year);
        } else {
            fmt::format_to(std::back_inserter(buf), "F{:07d},F{:07d},{},{}\n", supplier + 1,
                           customer + 1, value, options.year);
        }
        out.maybe_flush();
        ++summary.links;
    };

    // A backbone first: every template flow that is not planted broken, with local firms on
    // both sides, gets one local link, so that only planted flows are broken.
    for (const Flow& flow : chain.flows) {
        if (summary.links >= options.links) break;
        if (flow.from == flow.to || broken.count({flow.from, flow.to})) continue;
        if (!has(flow.from, true) || !has(flow.to, true)) continue;
        for (int attempt = 0; attempt < 20; ++attempt) {
            const std::uint32_t supplier = draw(flow.from, true);
            const std::uint32_t customer = draw(flow.to, true);
            if (supplier == customer || covers_broken(supplier, customer)) continue;
            emit(supplier, customer, flow.from);
            break;
        }
    }

    Progress progress(options.progress, "writing links.csv", options.links);
    std::uint64_t failures = 0;
    while (summary.links < options.links && failures < options.links * 4 + 1000) {
        progress.update(summary.links);
        std::uint32_t from, to;
        if (flow_table.empty() || random.chance(0.05)) {
            from = static_cast<std::uint32_t>(random.below(segment_count));
            to = static_cast<std::uint32_t>(random.below(segment_count));
        } else {
            const Flow& flow = chain.flows[flow_table.draw(random)];
            from = flow.from;
            to = flow.to;
        }
        bool customer_local = has(to, true) && random.chance(0.8);
        if (!has(to, customer_local)) customer_local = !customer_local;
        double p_local = customer_local ? options.local_sourcing : 0.2;
        if (customer_local && dependent.count(from)) p_local = 0.1;
        bool supplier_local = random.chance(p_local);
        if (!has(from, supplier_local)) supplier_local = !supplier_local;
        if (!has(from, supplier_local) || !has(to, customer_local)) {
            ++failures;
            continue;
        }
        const std::uint32_t customer = draw(to, customer_local);
        std::uint32_t supplier = draw(from, supplier_local);
        if (supplier_local && covers_broken(supplier, customer)) {
            if (!has(from, false)) {
                ++failures;
                continue;
            }
            supplier = draw(from, false);
        }
        if (supplier == customer) {
            ++failures;
            continue;
        }
        emit(supplier, customer, from);
    }
    out.close();

    // --- firm_years.csv: the last `years` years of output for local firms.
    if (options.years > 0) {
        Writer years(folder / "firm_years.csv");
        auto& ybuf = years.buffer();
        fmt::format_to(std::back_inserter(ybuf), "firm,year,output,rd_expense,employees\n");
        for (std::uint32_t i = 0; i < firms.size(); ++i) {
            if (!firms[i].local) continue;
            const double growth = 0.12 + 0.06 * random.normal();
            const double rd_share = 0.01 + 0.04 * random.uniform();
            for (std::uint32_t k = options.years; k-- > 0;) {
                const double output = std::round(outputs[i] / std::pow(1 + growth, k));
                fmt::format_to(std::back_inserter(ybuf), "F{:07d},{},{},{},{}\n", i + 1,
                               options.year - static_cast<std::int32_t>(k), output,
                               std::round(output * rd_share),
                               std::max(3.0, std::round(output / 60)));
            }
            years.maybe_flush();
        }
        years.close();
    }

    // --- cluster.json
    nlohmann::ordered_json cluster_json;
    cluster_json["name"] =
        (options.cluster_name.empty() ? options.region_name + "产业集群" : options.cluster_name) +
        "（合成样例）";
    cluster_json["county"] = options.region_name;
    cluster_json["region"] = options.region;
    cluster_json["area_km2"] = 86.5;
    cluster_json["output_unit"] = "万元";
    cluster_json["description"] =
        fmt::format("synthetic: icn generate --chain {} --seed {} --firms {} --links {}", chain.id,
                    options.seed, options.firms, options.links);
    write_file(folder / "cluster.json", cluster_json.dump(2) + "\n");
    return summary;
}

}  // namespace icn
