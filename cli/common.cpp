// SPDX-License-Identifier: MIT
#include "cli/common.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "engine/io/read_dataset.hpp"

namespace icn::cli {

GlobalOptions& global_options() {
    static GlobalOptions options;
    return options;
}

int& exit_status() {
    static int status = kExitOk;
    return status;
}

void print_issues(const Issues& issues) {
    for (const Issue& issue : issues.sorted()) {
        if (issue.severity == Severity::note && global_options().quiet) continue;
        std::fprintf(stderr, "%s\n", format_issue(issue).c_str());
    }
}

void add_cluster_options(CLI::App* command, std::string& chain, std::vector<std::string>& regions) {
    command->add_option("--chain", chain, "Chain template: a folder or a shipped id")->required();
    command
        ->add_option("--region", regions,
                     "Cluster region: GB/T 2260 code (prefix after dropping trailing 00 pairs) "
                     "or region name; repeatable")
        ->required()
        ->allow_extra_args(false);
}

std::string change_text(const CohesionMeasures& before, const CohesionMeasures& after,
                        const std::vector<std::string>& gaps_opened,
                        const std::vector<std::string>& gaps_closed, bool zh) {
    const auto pick = [zh](const char* chinese, const char* english) {
        return fmt::runtime(zh ? chinese : english);
    };
    const auto show = [](const std::optional<double>& v) {
        return v ? fmt::format("{:.4f}", *v) : std::string("null");
    };
    std::string text;
    text += fmt::format(pick("本地配套率：{} -> {}\n", "local sourcing ratio: {} -> {}\n"),
                        show(before.local_sourcing_ratio), show(after.local_sourcing_ratio));
    text += fmt::format(pick("最大连通块占比：{} -> {}\n", "largest component share: {} -> {}\n"),
                        show(before.largest_component_share), show(after.largest_component_share));
    text += fmt::format(pick("平均聚类系数：{} -> {}\n", "average clustering: {} -> {}\n"),
                        show(before.avg_clustering), show(after.avg_clustering));
    for (const auto& g : gaps_opened) text += (zh ? "新增缺口：" : "gap opened: ") + g + "\n";
    for (const auto& g : gaps_closed) text += (zh ? "补上缺口：" : "gap closed: ") + g + "\n";
    return text;
}

Inputs load_inputs(const std::string& dataset, const std::string& chain,
                   const std::vector<std::string>& regions, Issues& issues) {
    Inputs inputs;
    inputs.dataset = read_dataset(dataset, dataset, issues);
    if (!chain.empty()) {
        std::string display;
        if (const auto folder = resolve_chain(chain, issues, &display)) {
            inputs.chain = read_chain_template(*folder, display, issues);
            inputs.chain_folder = *folder;
        }
    }
    if (!regions.empty()) inputs.region = RegionSelector(regions);
    inputs.summary = check_inputs(inputs.dataset, inputs.chain ? &*inputs.chain : nullptr,
                                  inputs.region ? &*inputs.region : nullptr, issues);
    return inputs;
}

}  // namespace icn::cli
