// SPDX-License-Identifier: MIT
#include "viz/report_json.hpp"

#include <set>

#include <fmt/format.h>

#include "viz/messages.hpp"
#include "viz/reasons.hpp"

namespace icn {

using Json = nlohmann::ordered_json;

std::string firm_label(const AnalysisContext& context, std::uint32_t firm) {
    const Firm& f = context.dataset.firms[firm];
    return fmt::format("{} ({})", f.name, f.id);
}

ReportInput report_input(const Results& results, const AnalyzeOptions& options,
                         std::vector<std::string> regions, std::string dataset, std::string lang) {
    ReportInput report{*results.context,   results.analysis, options, std::move(regions),
                       std::move(dataset), std::move(lang),  {}};
    const Inputs& inputs = *results.inputs;
    if (results.diagnostics) report.diagnostics = &*results.diagnostics;
    report.divisions = &inputs.divisions;
    for (const Issue& issue : inputs.issues.items()) {
        if (issue.row_skipped) report.skipped_rows.push_back(issue);
    }
    if (results.extension && inputs.io_table && results.io_linkages) {
        report.extension = &*results.extension;
        report.io_table = &*inputs.io_table;
        report.io_linkages = &*results.io_linkages;
    }
    report.stamp.inputs = inputs.dataset.files;
    report.stamp.inputs.insert(report.stamp.inputs.end(), inputs.template_files.begin(),
                               inputs.template_files.end());
    return report;
}

std::string value_unit(const Dataset& dataset) {
    if (!dataset.links_have_value) return "";
    return dataset.cluster ? dataset.cluster->output_unit : std::string("万元");
}

std::string place_name(const ReportInput& input, std::string_view region) {
    if (input.divisions == nullptr) return std::string(region);
    const RegionMatch match = input.divisions->resolve(region);
    return match.code ? input.divisions->display(*match.code) : std::string(region);
}

std::size_t links_in_use(const AnalysisContext& context) {
    if (!context.year) return context.dataset.links.size();
    std::size_t n = 0;
    for (const SupplyLink& link : context.dataset.links) n += link.year == *context.year ? 1 : 0;
    return n;
}

std::vector<std::int32_t> link_years(const Dataset& dataset) {
    // A handful of years among millions of rows: the last year seen answers most rows.
    std::set<std::int32_t> years;
    std::int32_t last = kNoYear;
    for (const SupplyLink& link : dataset.links) {
        if (link.year == last || link.year == kNoYear) continue;
        years.insert(link.year);
        last = link.year;
    }
    return {years.begin(), years.end()};
}

std::string segment_name(const ChainTemplate& chain, std::uint32_t segment, std::string_view lang) {
    const Segment& s = chain.segments[segment];
    if (lang == "en") return s.name_en.empty() ? s.id : s.name_en;
    return s.name;
}

namespace {

Json optional_number(const std::optional<double>& value) {
    if (!value) return nullptr;
    return *value;
}

}  // namespace

Json cohesion_measures_json(const CohesionMeasures& m) {
    Json j;
    j["local_firms"] = m.local_firms;
    j["local_links"] = m.local_links;
    j["density"] = optional_number(m.density);
    j["local_sourcing_ratio"] = optional_number(m.local_sourcing_ratio);
    j["largest_component_share"] = optional_number(m.largest_component_share);
    j["avg_clustering"] = optional_number(m.avg_clustering);
    return j;
}

Json gap_json(const Gap& gap, const ChainTemplate& chain, const GapOptions& options,
              std::string_view lang) {
    Json j;
    j["kind"] = std::string(to_string(gap.kind));
    if (gap.kind == GapKind::broken) {
        j["from"] = chain.segments[gap.segment].id;
        j["to"] = chain.segments[gap.to].id;
    } else {
        j["segment"] = chain.segments[gap.segment].id;
    }
    if (gap.kind == GapKind::weak) j["local_firms"] = gap.local_firms;
    if (gap.kind == GapKind::dependent) j["external_share"] = gap.external_share;
    j["severity"] = gap.severity;
    j["explanation"] = explain(gap, chain, options, lang);
    return j;
}

Json diagnostics_json(const DiagnosticsReport& report, std::string_view lang) {
    Json criteria = Json::array();
    for (const CriterionResult& r : report.criteria) {
        const Criterion& c = *r.criterion;
        Json j;
        j["id"] = c.id;
        j["name"] = lang == "zh" ? c.name_zh : (c.name_en.empty() ? c.name_zh : c.name_en);
        j["measure"] = c.measure;
        j["value"] = r.value ? Json(*r.value) : Json(nullptr);
        j["value_text"] = message_text(r.value_text, lang);
        j["threshold"] = c.threshold_text;
        j["comparison"] = c.comparison_text;
        j["unit"] = c.unit;
        j["status"] = std::string(to_string(r.status));
        j["source"] = c.source;
        j["advice"] = r.status == CriterionStatus::pass
                          ? std::string()
                          : (lang == "zh" ? c.advice_zh : c.advice_en);
        if (!r.reason.text.empty()) j["reason"] = message_text(r.reason, lang);
        if (r.judgement) {
            j["judgement"] = true;
            j["evidence"] = message_text(r.evidence, lang);
        }
        criteria.push_back(j);
    }
    return {{"standard", report.standard}, {"file", report.file}, {"criteria", criteria}};
}

// 延链 (SPEC 3.7, docs/io.md): the sectors linked to the template's that it lacks.
static Json extension_json(const ReportInput& in) {
    const ChainExtension& e = *in.extension;
    const IoTable& t = *in.io_table;
    const bool zh = in.lang == "zh";
    Json j;
    j["table"] = t.display;
    j["source"] = t.source;
    if (t.year) j["year"] = *t.year;
    j["note"] =
        zh ? "行业层面的证据（投入产出表），不是企业层面：说明本产业链在全国经济中与哪些行业"
             "联系最紧，可作为延链、强链的方向；具体招引对象见招商补链名单。"
           : "Sector-level evidence from an input-output table, not firm-level: the "
             "industries the chain is most tied to in the national economy, as directions "
             "to extend or strengthen it; whom to approach is the attract list's work.";
    Json sectors = Json::array();
    for (const std::size_t k : e.template_sectors) {
        sectors.push_back(
            {{"code", t.codes[k]}, {"name_zh", t.names_zh[k]}, {"name_en", t.names_en[k]}});
    }
    j["template_sectors"] = sectors;
    j["unknown_codes"] = e.unknown_codes;
    const auto list = [&](const std::vector<ExtensionCandidate>& candidates) {
        Json out = Json::array();
        for (const ExtensionCandidate& c : candidates) {
            const SectorLinkage& s = in.io_linkages->sectors[c.sector];
            out.push_back({{"code", t.codes[c.sector]},
                           {"name_zh", t.names_zh[c.sector]},
                           {"name_en", t.names_en[c.sector]},
                           {"strength", c.strength},
                           {"via_code", t.codes[c.via]},
                           {"via_name_zh", t.names_zh[c.via]},
                           {"via_strength", c.via_strength},
                           {"backward_linkage", s.backward},
                           {"forward_linkage", s.forward},
                           {"key_sector", s.key}});
        }
        return out;
    };
    j["upstream"] = list(e.upstream);
    j["downstream"] = list(e.downstream);
    return j;
}

Json report_json(const ReportInput& in) {
    const AnalysisContext& ctx = in.context;
    const AnalysisResults& r = in.results;
    const ChainTemplate& chain = ctx.chain;
    const auto& firms = ctx.dataset.firms;
    const auto id = [&](std::uint32_t firm) { return firms[firm].id; };
    Json report;

    Json stamp;
    stamp["icn_version"] = in.stamp.version;
    stamp["generated_at"] = in.stamp.generated_at;
    stamp["command_line"] = in.stamp.command_line;
    Json options;
    options["dataset"] = in.dataset;
    options["chain"] = chain.id;
    options["region"] = in.regions;
    Json places = Json::array();
    for (const auto& region : in.regions) places.push_back(place_name(in, region));
    options["region_names"] = places;
    options["year"] = ctx.year ? Json(*ctx.year) : Json(nullptr);
    options["lang"] = in.lang;
    options["min_firms"] = in.options.gaps.min_firms;
    options["max_external"] = in.options.gaps.max_external;
    options["top"] = in.options.recommendations.top;
    options["seed"] = in.options.seed;
    stamp["options"] = options;
    Json inputs = Json::array();
    for (const InputFile& f : in.stamp.inputs) {
        inputs.push_back({{"file", f.display}, {"sha256", f.sha256}, {"encoding", f.encoding}});
    }
    stamp["inputs"] = inputs;
    report["stamp"] = stamp;

    // Rows --skip-bad-rows left out: never silently (SPEC section 2).
    Json skipped;
    std::set<std::pair<std::string, std::uint32_t>> rows;
    Json listed = Json::array();
    for (const Issue& issue : in.skipped_rows) {
        rows.emplace(issue.file, issue.line);
        if (listed.size() < kSkippedRowsListed) {
            listed.push_back(
                {{"file", issue.file}, {"line", issue.line}, {"problem", issue.message}});
        }
    }
    skipped["count"] = rows.size();
    skipped["problems"] = in.skipped_rows.size();
    skipped["rows"] = listed;
    report["skipped_rows"] = skipped;

    Json cluster;
    cluster["firms"] = firms.size();
    cluster["local_firms"] = ctx.selection.local.size();
    cluster["links"] = links_in_use(ctx);
    // Without --year, links of several years are summed: the report says which.
    cluster["link_years"] = link_years(ctx.dataset);
    cluster["template"] = {
        {"id", chain.id}, {"segments", chain.segments.size()}, {"flows", chain.flows.size()}};
    if (ctx.dataset.cluster) {
        cluster["name"] = ctx.dataset.cluster->name;
        cluster["county"] = ctx.dataset.cluster->county;
    }
    report["cluster"] = cluster;

    // Cohesion: SPEC 3.1's five keys first, then the further measures.
    const CohesionReport& c = r.cohesion;
    Json cohesion = cohesion_measures_json(c.cluster);
    cohesion["segment_modularity"] = optional_number(c.segment_modularity);
    cohesion["max_core"] = c.max_core;
    cohesion["top_core_share"] = optional_number(c.top_core_share);
    cohesion["leader_reach"] = optional_number(c.leader_reach);
    Json reach = Json::array();
    for (std::uint32_t f : c.reach_leaders) reach.push_back(id(f));
    cohesion["leader_reach_from"] = reach;
    cohesion["supplier_hhi_median"] = optional_number(c.supplier_hhi_median);
    cohesion["reciprocity"] = optional_number(c.reciprocity);
    cohesion["communities"] = {
        {"method", "leiden_modularity"},
        {"count", c.communities.count},
        {"modularity", optional_number(c.communities.modularity)},
        {"nmi_with_segments", optional_number(c.communities.nmi_with_segments)}};
    Json segments = Json::array();
    for (const SegmentCohesion& s : c.segments) {
        Json j;
        j["segment"] = chain.segments[s.segment].id;
        j["name"] = segment_name(chain, s.segment, in.lang);
        const Json measures = cohesion_measures_json(s.measures);
        for (auto it = measures.begin(); it != measures.end(); ++it) j[it.key()] = it.value();
        segments.push_back(j);
    }
    cohesion["segments"] = segments;
    report["cohesion"] = cohesion;

    // Leaders: the ranked list (SPEC 3.3 shape) and what the ranking points out.
    Json leaders = Json::array();
    for (std::size_t i = 0; i < r.leaders.ranked.size() && i < kReportLeaders; ++i) {
        const LeaderEntry& e = r.leaders.ranked[i];
        leaders.push_back({{"firm", id(e.firm)},
                           {"name", firms[e.firm].name},
                           {"score", e.score},
                           {"components",
                            {{"local_suppliers", e.components.local_suppliers},
                             {"local_purchase_value", e.components.local_purchase_value},
                             {"pagerank", e.components.pagerank},
                             {"betweenness", e.components.betweenness},
                             {"downstream_position", e.components.downstream_position}}},
                           {"designated", e.designated},
                           {"acts_as_leader", e.acts}});
    }
    report["leaders"] = leaders;
    Json notes;
    Json inactive = Json::array(), acting = Json::array();
    for (std::uint32_t f : r.leaders.designated_inactive) inactive.push_back(id(f));
    for (std::uint32_t f : r.leaders.undesignated_acting) acting.push_back(id(f));
    notes["acting_count"] = r.leaders.acting_count;
    notes["designated_not_acting"] = inactive;
    notes["acting_not_designated"] = acting;
    notes["local_firms_ranked"] = r.leaders.ranked.size();
    notes["betweenness"] = {{"exact", r.leaders.betweenness_exact},
                            {"sources", r.leaders.betweenness_sources}};
    report["leader_notes"] = notes;

    // Gaps (SPEC 3.2 shapes) with severity and explanation.
    Json gaps = Json::array();
    for (const Gap& g : r.gaps.gaps) gaps.push_back(gap_json(g, chain, in.options.gaps, in.lang));
    report["gaps"] = gaps;
    report["gaps_assessment"] = {
        {"links_assessed", r.gaps.links_assessed},
        {"note",
         r.gaps.links_assessed
             ? ""
             : (in.lang == "zh"
                    ? "没有任何供货关系涉及本地企业：断链与外部依赖未评估。"
                    : "No link touches a local firm: broken and dependent were not assessed.")}};

    Json attract = Json::array();
    for (const AttractCandidate& a : r.recommendations.attract) {
        attract.push_back({{"segment", chain.segments[a.segment].id},
                           {"firm", id(a.firm)},
                           {"name", firms[a.firm].name},
                           {"score", a.score},
                           {"local_customers", a.local_customers},
                           {"local_value", a.local_value},
                           {"fit", a.fit},
                           {"reason", attract_reason(a, in.context.dataset, in.lang)}});
    }
    Json match = Json::array();
    for (const MatchCandidate& m : r.recommendations.match) {
        match.push_back({{"from", chain.segments[m.from].id},
                         {"to", chain.segments[m.to].id},
                         {"supplier", id(m.supplier)},
                         {"customer", id(m.customer)},
                         {"supplier_name", firms[m.supplier].name},
                         {"customer_name", firms[m.customer].name},
                         {"score", m.score},
                         {"shared_partners", m.shared_partners},
                         {"reason", match_reason(ctx, m, in.lang)}});
    }
    report["recommendations"] = {{"attract", attract}, {"match", match}};
    if (in.extension != nullptr) report["extension"] = extension_json(in);

    const ResilienceReport& res = r.resilience;
    Json points = Json::array();
    for (std::size_t i = 0; i < res.articulation_points.size() && i < kReportListLimit; ++i) {
        const CutFirm& p = res.articulation_points[i];
        points.push_back(
            {{"firm", id(p.firm)}, {"name", firms[p.firm].name}, {"cut_off", p.cut_off}});
    }
    Json bridges = Json::array();
    for (std::size_t i = 0; i < res.bridges.size() && i < kReportListLimit; ++i) {
        const CutLink& b = res.bridges[i];
        bridges.push_back(
            {{"firms", {id(b.a), id(b.b)}}, {"value", b.value}, {"cut_off", b.cut_off}});
    }
    Json singles = Json::array();
    for (std::size_t i = 0; i < res.single_sources.size() && i < kReportListLimit; ++i) {
        const SingleSource& s = res.single_sources[i];
        singles.push_back({{"customer", id(s.customer)},
                           {"segment", chain.segments[s.segment].id},
                           {"supplier", id(s.supplier)},
                           {"supplier_local", s.supplier_local},
                           {"value", s.value}});
    }
    report["resilience"] = {{"articulation_point_count", res.articulation_points.size()},
                            {"articulation_points", points},
                            {"bridge_count", res.bridges.size()},
                            {"bridges", bridges},
                            {"single_source_count", res.single_sources.size()},
                            {"single_sources", singles}};
    if (in.diagnostics != nullptr)
        report["diagnostics"] = diagnostics_json(*in.diagnostics, in.lang);
    return report;
}

}  // namespace icn
