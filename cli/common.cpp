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
