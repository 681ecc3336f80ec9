// SPDX-License-Identifier: MIT
// icn diff OLD NEW --chain C --region R: two yearly datasets of one cluster compared, for the
// annual report a recognised cluster files: local firms that entered and left (by name), local
// links gained and lost, cohesion and gaps before and after (gaps matched by identity, SPEC
// 3.5), criteria whose status changed. Each side is the same analysis `icn analyze` runs.
#include <cstdio>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "cli/terminal_progress.hpp"
#include "engine/analysis/analyze.hpp"
#include "engine/analysis/diagnostics.hpp"
#include "engine/analysis/gap_changes.hpp"
#include "engine/io/read_criteria.hpp"
#include "engine/util/progress.hpp"
#include "engine/util/staged_output.hpp"
#include "viz/changes.hpp"
#include "viz/diff_report.hpp"
#include "viz/document.hpp"
#include "viz/format.hpp"
#include "viz/report_json.hpp"

namespace icn::cli {
namespace {

using Json = nlohmann::ordered_json;

struct DiffCommand {
    std::string old_dataset, new_dataset;
    std::string chain;
    std::vector<std::string> regions;
    std::string criteria = "national-2022";
    std::string out = "icn-diff";
    bool out_given = false;
    bool json = false;
};

// One state of the cluster: its analysis, and what diff compares of it.
struct Side {
    std::shared_ptr<const Inputs> inputs;
    Results run;
    std::set<std::string> firms;  // local firm ids
    std::set<std::pair<std::string, std::string>> links;
    std::map<std::string, CriterionStatus> status;    // criterion id -> status
    std::map<std::string, CriterionResult> criteria;  // criterion id -> result
};

void analyse(Side& side) {
    side.run = run(side.inputs, cli_run_options());
    const Dataset& data = side.inputs->dataset;
    const AnalysisContext& ctx = *side.run.context;
    for (std::uint32_t f : ctx.selection.local) side.firms.insert(data.firms[f].id);
    for (std::size_t e = 0; e < ctx.local.edge_count(); ++e) {
        side.links.emplace(data.firms[ctx.firm_of_local(ctx.local.edge_source(e))].id,
                           data.firms[ctx.firm_of_local(ctx.local.edge_target(e))].id);
    }
    for (const auto& r : side.run.diagnostics->criteria) {
        side.status[r.criterion->id] = r.status;
        side.criteria[r.criterion->id] = r;
    }
}

// The firms of `side` whose ids are in `a` and not in `b`, as firm indices of that side.
std::vector<std::uint32_t> only_in(const Side& side, const std::set<std::string>& a,
                                   const std::set<std::string>& b) {
    std::vector<std::uint32_t> out;
    for (const std::string& id : a) {
        if (b.count(id) == 0) out.push_back(*side.inputs->dataset.find_firm(id));
    }
    return out;
}

int run_diff(const DiffCommand& command) {
    if (print_option_errors(check_regions(command.regions))) return kExitBadInput;
    Side before, after;
    for (auto [side, dataset] :
         {std::pair{&before, &command.old_dataset}, std::pair{&after, &command.new_dataset}}) {
        LoadRequest request = cluster_request(*dataset, command.chain, command.regions);
        request.criteria = command.criteria;
        side->inputs = std::make_shared<const Inputs>(load(request, terminal_progress()));
    }
    Issues issues = before.inputs->issues;
    issues.append(after.inputs->issues);
    print_issues(issues);
    std::vector<std::filesystem::path> inputs = input_paths(*before.inputs, command.criteria);
    inputs.emplace_back(command.new_dataset);
    try {
        check_output_folder(command.out, inputs);
    } catch (const OutputRefused& refused) {
        std::fprintf(stderr, "icn diff: %s\n",
                     refusal_message(refused, !command.out_given).c_str());
        return kExitBadInput;
    }
    if (issues.has_errors()) return kExitBadInput;
    analyse(before);
    analyse(after);
    const ChainTemplate& chain = *after.inputs->chain;
    const CriteriaStandard* criteria = &*after.inputs->criteria;
    const std::string& lang = global_options().lang;
    const bool zh = global_options().zh();

    const std::vector<std::uint32_t> entered = only_in(after, after.firms, before.firms);
    const std::vector<std::uint32_t> left = only_in(before, before.firms, after.firms);
    const std::vector<GapChange> changes =
        compare_gaps(before.run.analysis.gaps.gaps, after.run.analysis.gaps.gaps);

    Json out;
    out["old"] = command.old_dataset;
    out["new"] = command.new_dataset;
    const auto ids = [](const Side& side, const std::vector<std::uint32_t>& firms) {
        Json list = Json::array();
        for (std::uint32_t f : firms) {
            list.push_back({{"id", side.inputs->dataset.firms[f].id},
                            {"name", side.inputs->dataset.firms[f].name}});
        }
        return list;
    };
    out["firms_entered"] = ids(after, entered);
    out["firms_left"] = ids(before, left);
    Json gained = Json::array(), lost = Json::array();
    for (const auto& link : after.links) {
        if (before.links.count(link) == 0) gained.push_back({link.first, link.second});
    }
    for (const auto& link : before.links) {
        if (after.links.count(link) == 0) lost.push_back({link.first, link.second});
    }
    out["local_links_gained"] = gained;
    out["local_links_lost"] = lost;
    out["cohesion_before"] = cohesion_measures_json(before.run.analysis.cohesion.cluster);
    out["cohesion_after"] = cohesion_measures_json(after.run.analysis.cohesion.cluster);
    out["gap_changes"] = gap_changes_json(changes, chain, {}, lang);
    Json changed = Json::array();
    for (const auto& [id, status] : after.status) {
        const auto it = before.status.find(id);
        if (it != before.status.end() && it->second == status) continue;
        changed.push_back(
            {{"id", id},
             {"before", it == before.status.end() ? Json(nullptr) : Json(to_string(it->second))},
             {"after", to_string(status)}});
    }
    out["criteria_changed"] = changed;

    // diff.json, diff.html and diff.md in --out (SPEC section 4), staged and swapped in.
    DiffReport report;
    report.lang = lang;
    report.old_dataset = command.old_dataset;
    report.new_dataset = command.new_dataset;
    const Dataset& latest = after.inputs->dataset;
    report.cluster_name = latest.cluster && !latest.cluster->name.empty() ? latest.cluster->name
                                                                          : command.new_dataset;
    const auto labels = [&](const Side& side, const std::vector<std::uint32_t>& firms) {
        std::vector<std::string> names;
        for (std::uint32_t f : firms) names.push_back(firm_names(side.inputs->dataset, {f}, lang));
        return names;
    };
    report.entered = labels(after, entered);
    report.left = labels(before, left);
    report.links_gained = gained.size();
    report.links_lost = lost.size();
    report.before = before.run.analysis.cohesion.cluster;
    report.after = after.run.analysis.cohesion.cluster;
    report.gap_changes = changes;
    report.chain = &chain;
    for (const Criterion& c : criteria->criteria) {
        CriterionChange change;
        change.name = zh ? c.name_zh : (c.name_en.empty() ? c.name_zh : c.name_en);
        change.judgement = c.comparison == Comparison::judgement;
        if (const auto it = before.criteria.find(c.id); it != before.criteria.end()) {
            change.before = it->second.status;
            change.value_before = criterion_value_text(it->second, lang);
        }
        if (const auto it = after.criteria.find(c.id); it != after.criteria.end()) {
            change.after = it->second.status;
            change.value_after = criterion_value_text(it->second, lang);
        }
        report.criteria.push_back(std::move(change));
    }
    // Output by year for the chart: the earlier dataset's series, then the later one's.
    std::map<int, double> yearly;
    for (const Side* side : {&before, &after}) {
        for (const auto& [id, result] : side->criteria) {
            if (result.criterion == nullptr || result.criterion->measure != "output_each_year")
                continue;
            for (const auto& [year, value] : result.series) yearly[year] = value;
            if (!result.criterion->thresholds.empty())
                report.output_threshold = result.criterion->thresholds.front();
        }
    }
    report.output_by_year.assign(yearly.begin(), yearly.end());
    const Document document = build_diff_document(report);
    StagedOutput output(command.out, inputs, "icn " ICN_VERSION " diff");
    output.write("diff.json", out.dump(2) + "\n");
    output.write("diff.html", to_html(document));
    output.write("diff.md", to_markdown(document));
    for (const auto& [file, svg] : diff_charts(report)) output.write(file, svg);
    output.commit();

    if (command.json) {
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    const auto pick = [zh](const char* chinese, const char* english) {
        return fmt::runtime(zh ? chinese : english);
    };
    std::string text;
    text +=
        fmt::format(pick("本地企业：新增{}家，退出{}家\n", "local firms: {} entered, {} left\n"),
                    entered.size(), left.size());
    if (!entered.empty()) {
        text += fmt::format(pick("  新增：{}\n", "  entered: {}\n"),
                            firm_names(after.inputs->dataset, entered, lang));
    }
    if (!left.empty()) {
        text += fmt::format(pick("  退出：{}\n", "  left: {}\n"),
                            firm_names(before.inputs->dataset, left, lang));
    }
    text +=
        fmt::format(pick("本地供货关系：新增{}对，消失{}对\n", "local links: {} gained, {} lost\n"),
                    gained.size(), lost.size());
    text += change_text(before.run.analysis.cohesion.cluster, after.run.analysis.cohesion.cluster,
                        changes, chain, {}, lang);
    std::map<std::string, const Criterion*> by_id;
    for (const Criterion& c : criteria->criteria) by_id[c.id] = &c;
    for (const auto& [id, status] : after.status) {
        const auto it = before.status.find(id);
        if (it != before.status.end() && it->second == status) continue;
        const Criterion* c = by_id[id];
        text += fmt::format(
            pick("认定条件“{}”：{} -> {}\n", "criterion '{}': {} -> {}\n"),
            c == nullptr ? id : (zh ? c->name_zh : c->name_en),
            status_text(it == before.status.end() ? std::nullopt
                                                  : std::optional<CriterionStatus>(it->second),
                        c == nullptr ? false : c->comparison == Comparison::judgement, lang),
            status_text(status, c == nullptr ? false : c->comparison == Comparison::judgement,
                        lang));
    }
    std::printf("%s", text.c_str());
    return kExitOk;
}

}  // namespace

void setup_diff(CLI::App& app) {
    auto command = std::make_shared<DiffCommand>();
    CLI::App* cmd = app.add_subcommand(
        "diff", "Compare two yearly datasets of one cluster (for the annual report)");
    cmd->add_option("old", command->old_dataset, "The earlier dataset folder")->required();
    cmd->add_option("new", command->new_dataset, "The later dataset folder")->required();
    add_cluster_options(cmd, command->chain, command->regions);
    cmd->add_option("--criteria", command->criteria, "Criteria CSV or shipped standard id")
        ->capture_default_str();
    cmd->add_option("--out", command->out,
                    "Output folder for diff.json, diff.html, diff.md (new, empty, or one ICN "
                    "wrote)")
        ->capture_default_str()
        ->each([command](const std::string&) { command->out_given = true; });
    cmd->add_flag("--json", command->json, "Print JSON");
    cmd->callback([command] { exit_status() = run_diff(*command); });
}

}  // namespace icn::cli
