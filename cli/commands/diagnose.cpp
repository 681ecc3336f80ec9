// SPDX-License-Identifier: MIT
// icn diagnose DATASET --chain C --region R [--criteria FILE] [--json]: only the diagnostics
// section (SPEC 3.6): each criterion, the cluster's value, the threshold, the status.
#include <cstdio>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "cli/terminal_progress.hpp"
#include "engine/analysis/analyze.hpp"
#include "engine/analysis/diagnostics.hpp"
#include "engine/io/read_criteria.hpp"
#include "engine/util/progress.hpp"
#include "viz/format.hpp"
#include "viz/messages.hpp"
#include "viz/report_json.hpp"

namespace icn::cli {
namespace {

struct DiagnoseCommand {
    std::string dataset;
    std::string chain;
    std::vector<std::string> regions;
    std::string criteria = "national-2022";
    std::optional<std::int32_t> year;
    bool json = false;
};

int run_diagnose(const DiagnoseCommand& command) {
    if (print_option_errors(check_regions(command.regions))) return kExitBadInput;
    LoadRequest request = cluster_request(command.dataset, command.chain, command.regions);
    request.criteria = command.criteria;
    const auto inputs = std::make_shared<const Inputs>(load(request, terminal_progress()));
    print_issues(inputs->issues);
    if (inputs->issues.has_errors()) return kExitBadInput;
    if (!check_year_option(inputs->dataset, command.year)) return kExitBadInput;
    const Results results = run(inputs, cli_run_options(command.year));
    const DiagnosticsReport& report = *results.diagnostics;
    if (command.json) {
        std::printf("%s\n", diagnostics_json(report, global_options().lang).dump(2).c_str());
        return kExitOk;
    }
    const bool zh = global_options().lang == "zh";
    std::string text = fmt::format("{}: {}\n", zh ? "评价标准" : "Standard", report.standard);
    for (const CriterionResult& r : report.criteria) {
        const Criterion& c = *r.criterion;
        const char* status = status_text(r.status, r.judgement, global_options().lang);
        text += fmt::format("[{}] {}: {}", status, zh ? c.name_zh : c.name_en,
                            criterion_value_text(r, global_options().lang));
        if (c.comparison != Comparison::judgement) {
            text += " (" + threshold_text(c, global_options().lang) + ")";
        }
        if (!r.evidence.text.empty())
            text += " | " + message_text(r.evidence, global_options().lang);
        if (!r.reason.text.empty() && !r.judgement)
            text += " | " + message_text(r.reason, global_options().lang);
        text += "\n";
    }
    std::printf("%s", text.c_str());
    return kExitOk;
}

}  // namespace

void setup_diagnose(CLI::App& app) {
    auto command = std::make_shared<DiagnoseCommand>();
    CLI::App* cmd = app.add_subcommand(
        "diagnose", "Evaluate the cluster against a programme's criteria (中小企业特色产业集群)");
    cmd->add_option("dataset", command->dataset, "Dataset folder")->required();
    add_cluster_options(cmd, command->chain, command->regions);
    cmd->add_option("--criteria", command->criteria, "Criteria CSV or shipped standard id")
        ->capture_default_str();
    cmd->add_option("--year", command->year, "Only the links of this year");
    cmd->add_flag("--json", command->json, "Print JSON (the report.json diagnostics section)");
    cmd->callback([command] { exit_status() = run_diagnose(*command); });
}

}  // namespace icn::cli
