// SPDX-License-Identifier: MIT
#include "engine/analysis/diagnostics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "engine/util/message.hpp"

namespace icn {

std::string_view to_string(CriterionStatus status) {
    switch (status) {
        case CriterionStatus::pass:
            return "pass";
        case CriterionStatus::fail:
            return "fail";
        case CriterionStatus::unknown:
            return "unknown";
    }
    return "";
}

std::string threshold_display(const Criterion& c) {
    if (c.comparison == Comparison::judgement) return "—";
    const char* op = c.comparison == Comparison::at_least    ? "≥"
                     : c.comparison == Comparison::more_than ? ">"
                     : c.comparison == Comparison::at_most   ? "≤"
                                                             : "<";
    if (c.unit == "比例" || c.unit == "ratio") {
        return fmt::format("{} {:g}%", op, c.thresholds.at(0) * 100);
    }
    std::string numbers;
    for (double t : c.thresholds) numbers += fmt::format("{}{:g}", numbers.empty() ? "" : " | ", t);
    return fmt::format("{} {} {}", op, numbers, c.unit);
}

namespace {

struct Facts {
    double unit = 1.0;              // 1 dataset output unit in 万元
    std::map<int, double> yearly;   // cluster output by year, 万元
    std::string yearly_source;      // "cluster.json" or "firm_years.csv"
    std::vector<double> latest;     // per local firm (index into selection.local): output, 万元
    std::vector<double> latest_rd;  // R&D expense, same unit
    std::vector<bool> has_output;
    std::set<std::uint32_t> main_segments;
    bool any_tags = false;
};

Facts gather(const AnalysisContext& ctx) {
    Facts f;
    const Dataset& data = ctx.dataset;
    if (data.cluster) f.unit = data.cluster->unit_in_wan_yuan;
    // --year Y ends the criteria's window at Y: later years do not count.
    const int until = ctx.year ? *ctx.year : std::numeric_limits<int>::max();
    if (data.cluster && !data.cluster->total_output_by_year.empty()) {
        for (const auto& [year, value] : data.cluster->total_output_by_year) {
            if (year <= until) f.yearly[year] = value * f.unit;
        }
        f.yearly_source = "cluster.json";
    }
    const std::size_t n = ctx.selection.local.size();
    f.latest.assign(n, 0);
    f.latest_rd.assign(n, 0);
    f.has_output.assign(n, false);
    std::vector<int> latest_year(n, -1);
    std::map<int, double> from_firms;
    for (const FirmYear& row : data.firm_years) {
        const std::uint32_t local = ctx.selection.local_of[row.firm];
        if (local == ClusterSelection::kNotLocal || !row.output || row.year > until) continue;
        from_firms[row.year] += *row.output * f.unit;
        if (row.year > latest_year[local]) {
            latest_year[local] = row.year;
            f.latest[local] = *row.output * f.unit;
            f.latest_rd[local] = row.rd_expense.value_or(0) * f.unit;
            f.has_output[local] = true;
        }
    }
    if (f.yearly.empty() && !from_firms.empty() && f.yearly_source.empty()) {
        f.yearly = from_firms;
        f.yearly_source = "firm_years.csv";
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (f.has_output[i]) continue;
        const Firm& firm = data.firms[ctx.selection.local[i]];
        if (firm.output) {
            f.latest[i] = *firm.output * f.unit;
            f.latest_rd[i] = firm.rd_expense.value_or(0) * f.unit;
            f.has_output[i] = true;
        }
    }
    if (data.cluster) {
        for (const auto& id : data.cluster->main_industry) {
            if (const auto s = ctx.chain.find_label(id)) f.main_segments.insert(*s);
        }
    }
    if (f.main_segments.empty()) {
        for (std::uint32_t s = 0; s < ctx.chain.segments.size(); ++s) f.main_segments.insert(s);
    }
    for (const Firm& firm : data.firms) f.any_tags = f.any_tags || !firm.tags.empty();
    return f;
}

bool in_main(const AnalysisContext& ctx, const Facts& f, std::uint32_t firm) {
    for (std::uint32_t s : ctx.selection.segments[firm]) {
        if (f.main_segments.count(s)) return true;
    }
    return false;
}

bool has_tag(const Firm& firm, std::initializer_list<std::string_view> tags) {
    for (const auto& t : firm.tags) {
        for (std::string_view want : tags) {
            if (t == want) return true;
        }
    }
    return false;
}

bool compare(double value, const Criterion& c, std::size_t k = 0) {
    const double t = c.thresholds.at(k);
    switch (c.comparison) {
        case Comparison::at_least:
            return value >= t;
        case Comparison::more_than:
            return value > t;
        case Comparison::at_most:
            return value <= t;
        case Comparison::less_than:
            return value < t;
        case Comparison::judgement:
            return false;
    }
    return false;
}

std::string pct(double v) { return fmt::format("{:.1f}%", v * 100); }

}  // namespace

DiagnosticsReport diagnose(const AnalysisContext& ctx, const CohesionReport* cohesion,
                           const CriteriaStandard& standard) {
    DiagnosticsReport report;
    report.standard = standard.id;
    report.file = standard.file;
    const Facts f = gather(ctx);
    const auto& firms = ctx.dataset.firms;
    const std::size_t n = ctx.selection.local.size();
    double total = 0;
    std::size_t with_output = 0;
    for (std::size_t i = 0; i < n; ++i) {
        total += f.latest[i];
        with_output += f.has_output[i] ? 1 : 0;
    }

    for (const Criterion& c : standard.criteria) {
        CriterionResult r;
        r.criterion = &c;
        const auto unknown = [&](Message reason) {
            r.status = CriterionStatus::unknown;
            r.reason = std::move(reason);
        };
        const auto judge = [&](double value, Message text) {
            if (!std::isfinite(value)) {  // never a verdict on a number that is not one
                unknown(msg("the value cannot be computed (out of range)"));
                return;
            }
            r.value = value;
            r.value_text = std::move(text);
            r.status = compare(value, c) ? CriterionStatus::pass : CriterionStatus::fail;
        };
        const std::string& m = c.measure;
        if (c.comparison == Comparison::judgement) {
            r.judgement = true;
            r.status = CriterionStatus::unknown;
            r.reason = msg("needs a planner's judgement");
            if (m == "collaboration_network" && cohesion != nullptr) {
                const auto show = [](const std::optional<double>& v) {
                    return v ? pct(*v) : std::string("—");
                };
                r.evidence = msg(
                    "local sourcing {}, leader reach {}, largest component {}, {} local links",
                    show(cohesion->cluster.local_sourcing_ratio), show(cohesion->leader_reach),
                    show(cohesion->cluster.largest_component_share), cohesion->cluster.local_links);
            } else if (m == "innovation") {
                double rd = 0;
                for (double v : f.latest_rd) rd += v;
                r.evidence = total > 0 && rd > 0
                                 ? msg("R&D intensity of local firms {}", pct(rd / total))
                                 : msg("no R&D expense in the dataset");
            } else if (m == "openness" && cohesion != nullptr) {
                double sold_out = 0, sold = 0;
                for (std::uint32_t firm : ctx.selection.local) {
                    const auto customers = ctx.network.customers(firm);
                    const auto values = ctx.network.out_values(firm);
                    for (std::size_t k = 0; k < customers.size(); ++k) {
                        sold += values[k];
                        if (!ctx.selection.is_local[customers[k]]) sold_out += values[k];
                    }
                }
                const auto& lsr = cohesion->cluster.local_sourcing_ratio;
                r.evidence = msg("bought outside {}, sold outside {}",
                                 lsr ? pct(1 - *lsr) : std::string("—"),
                                 sold > 0 ? pct(sold_out / sold) : std::string("—"));
            } else {
                r.evidence = msg("the network data says nothing of this");
            }
        } else if (m == "area_km2") {
            if (ctx.dataset.cluster && ctx.dataset.cluster->area_km2) {
                judge(*ctx.dataset.cluster->area_km2,
                      msg("{:g} km²", *ctx.dataset.cluster->area_km2));
            } else {
                unknown(msg("cluster.json gives no area_km2"));
            }
        } else if (m == "output_each_year") {
            if (f.yearly.size() < 3) {
                unknown(
                    msg("needs yearly output for three years (firm_years.csv or cluster.json "
                        "total_output); {} given",
                        f.yearly.size()));
            } else {
                auto it = f.yearly.end();
                std::advance(it, -3);
                double lowest = it->second;
                std::string text;
                for (; it != f.yearly.end(); ++it) {
                    lowest = std::min(lowest, it->second);
                    r.series.emplace_back(it->first, it->second);
                    text += fmt::format("{}{}: {:.0f}", text.empty() ? "" : "; ", it->first,
                                        it->second);
                }
                r.series_source = f.yearly_source;
                judge(lowest, msg("{} (万元, from {})", text, f.yearly_source));
            }
        } else if (m == "output_growth") {
            if (f.yearly.size() < 2) {
                unknown(msg("needs output for at least two years"));
            } else {
                const auto& [y0, v0] = *f.yearly.begin();
                const auto& [y1, v1] = *f.yearly.rbegin();
                if (v0 <= 0) {
                    unknown(msg("first year's output is 0"));
                } else {
                    // Rounded to 12 decimals, so that exactly 10% a year is not "above 10%".
                    const double g =
                        std::round((std::pow(v1 / v0, 1.0 / (y1 - y0)) - 1) * 1e12) / 1e12;
                    judge(g, msg("{} (geometric mean {}-{})", pct(g), y0, y1));
                }
            }
        } else if (m == "sme_output_share" || m == "main_industry_share") {
            if (with_output == 0 || total <= 0) {
                unknown(msg("no output for local firms (firms.csv output or firm_years.csv)"));
            } else if (m == "sme_output_share") {
                double sme = 0, unsized = 0;
                for (std::size_t i = 0; i < n; ++i) {
                    const FirmSize size = firms[ctx.selection.local[i]].size;
                    if (size == FirmSize::unknown)
                        unsized += f.latest[i];
                    else if (is_sme(size))
                        sme += f.latest[i];
                }
                if (unsized > 0.05 * total) {
                    unknown(
                        msg("{} of output comes from firms without a size", pct(unsized / total)));
                } else {
                    judge(sme / total, msg("{}", pct(sme / total)));
                }
            } else {
                double main = 0;
                for (std::size_t i = 0; i < n; ++i) {
                    if (in_main(ctx, f, ctx.selection.local[i])) main += f.latest[i];
                }
                judge(main / total, msg("{}", pct(main / total)));
            }
        } else if (m == "leading_firms") {
            if (!f.any_tags) {
                unknown(
                    msg("the dataset has no firm tags (champion, little_giant, srdi, "
                        "innovative, hnte)"));
            } else {
                double top = 0, specialised = 0;
                for (std::uint32_t firm : ctx.selection.local) {
                    if (!in_main(ctx, f, firm)) continue;
                    if (has_tag(firms[firm], {"champion", "little_giant"})) ++top;
                    if (is_sme(firms[firm].size) &&
                        has_tag(firms[firm], {"srdi", "innovative", "hnte"}))
                        ++specialised;
                }
                r.value = top;
                r.value_text =
                    msg("{} champions / little giants; {} specialised SMEs", top, specialised);
                r.status = compare(top, c, 0) || compare(specialised, c, 1) ? CriterionStatus::pass
                                                                            : CriterionStatus::fail;
            }
        }
        report.criteria.push_back(std::move(r));
    }
    return report;
}

}  // namespace icn
