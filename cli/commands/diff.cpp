// SPDX-License-Identifier: MIT
// icn diff OLD NEW --chain C --region R: two yearly datasets of one cluster compared, for the
// annual report a recognised cluster files: local firms and local links gained and lost,
// cohesion and gaps before and after, criteria whose status changed.
#include <cstdio>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "engine/analysis/analyze.hpp"
#include "engine/analysis/diagnostics.hpp"
#include "engine/io/read_criteria.hpp"
#include "engine/util/progress.hpp"
#include "viz/report_json.hpp"

namespace icn::cli {
namespace {

using Json = nlohmann::ordered_json;

struct DiffCommand {
    std::string old_dataset, new_dataset;
    std::string chain;
    std::vector<std::string> regions;
    std::string criteria = "national-2022";
    bool json = false;
};

struct Side {
    std::set<std::string> firms;
    std::set<std::pair<std::string, std::string>> links;
    CohesionMeasures cohesion;
    std::set<std::string> gaps;
    std::map<std::string, std::string> status;  // criterion id -> status
};

Side summarise(const AnalysisContext& ctx, const CriteriaStandard& criteria,
               std::string_view lang) {
    Side side;
    const auto& firms = ctx.dataset.firms;
    for (std::uint32_t f : ctx.selection.local) side.firms.insert(firms[f].id);
    for (std::size_t e = 0; e < ctx.local.edge_count(); ++e) {
        side.links.emplace(firms[ctx.firm_of_local(ctx.local.edge_source(e))].id,
                           firms[ctx.firm_of_local(ctx.local.edge_target(e))].id);
    }
    const LeaderReport leaders = rank_leaders(ctx);
    const CohesionReport cohesion = icn::cohesion(ctx, reach_leaders(ctx, leaders));
    side.cohesion = cohesion.cluster;
    for (const Gap& g : find_gaps(ctx).gaps) side.gaps.insert(explain(g, ctx.chain, {}, lang));
    for (const auto& r : diagnose(ctx, &cohesion, criteria, lang).criteria) {
        side.status[r.criterion->id] = std::string(to_string(r.status));
    }
    return side;
}

template <typename T>
std::vector<T> minus(const std::set<T>& a, const std::set<T>& b) {
    std::vector<T> out;
    for (const T& x : a) {
        if (!b.count(x)) out.push_back(x);
    }
    return out;
}

int run_diff(const DiffCommand& command) {
    Progress::configure(global_options().quiet);
    if (print_option_errors(check_regions(command.regions))) return kExitBadInput;
    Issues issues;
    Inputs old_inputs = load_inputs(command.old_dataset, command.chain, command.regions, issues);
    Inputs new_inputs = load_inputs(command.new_dataset, command.chain, command.regions, issues);
    const auto criteria = load_criteria(command.criteria, issues);
    print_issues(issues);
    if (issues.has_errors()) return kExitBadInput;
    const AnalysisContext old_ctx =
        make_context(old_inputs.dataset, *old_inputs.chain, *old_inputs.region, std::nullopt);
    const AnalysisContext new_ctx =
        make_context(new_inputs.dataset, *new_inputs.chain, *new_inputs.region, std::nullopt);
    const Side before = summarise(old_ctx, *criteria, global_options().lang);
    const Side after = summarise(new_ctx, *criteria, global_options().lang);

    Json out;
    out["old"] = command.old_dataset;
    out["new"] = command.new_dataset;
    out["firms_gained"] = minus(after.firms, before.firms);
    out["firms_lost"] = minus(before.firms, after.firms);
    Json gained = Json::array(), lost = Json::array();
    for (const auto& [s, c] : minus(after.links, before.links)) gained.push_back({s, c});
    for (const auto& [s, c] : minus(before.links, after.links)) lost.push_back({s, c});
    out["local_links_gained"] = gained;
    out["local_links_lost"] = lost;
    out["cohesion_before"] = cohesion_measures_json(before.cohesion);
    out["cohesion_after"] = cohesion_measures_json(after.cohesion);
    out["gaps_opened"] = minus(after.gaps, before.gaps);
    out["gaps_closed"] = minus(before.gaps, after.gaps);
    Json changed = Json::array();
    for (const auto& [id, status] : after.status) {
        const auto it = before.status.find(id);
        const std::string was = it == before.status.end() ? "" : it->second;
        if (was != status) changed.push_back({{"id", id}, {"before", was}, {"after", status}});
    }
    out["criteria_changed"] = changed;
    if (command.json) {
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    const bool zh = global_options().lang == "zh";
    const auto pick = [zh](const char* chinese, const char* english) {
        return fmt::runtime(zh ? chinese : english);
    };
    std::string text;
    text += fmt::format(pick("本地企业：新增{}家，退出{}家\n", "local firms: {} gained, {} lost\n"),
                        out["firms_gained"].size(), out["firms_lost"].size());
    text +=
        fmt::format(pick("本地供货关系：新增{}对，消失{}对\n", "local links: {} gained, {} lost\n"),
                    gained.size(), lost.size());
    text +=
        change_text(before.cohesion, after.cohesion, out["gaps_opened"], out["gaps_closed"], zh);
    for (const auto& c : changed) {
        text += fmt::format(pick("认定条件 {}：{} -> {}\n", "criterion {}: {} -> {}\n"),
                            c["id"].get<std::string>(), c["before"].get<std::string>(),
                            c["after"].get<std::string>());
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
    cmd->add_flag("--json", command->json, "Print JSON");
    cmd->callback([command] { exit_status() = run_diff(*command); });
}

}  // namespace icn::cli
