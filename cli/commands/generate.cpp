// SPDX-License-Identifier: MIT
// icn generate: a deterministic, realistic cluster dataset from a chain template (see
// engine/generate/generate.hpp), written through a staging folder.
#include "engine/generate/generate.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "cli/terminal_progress.hpp"
#include "engine/io/read_dataset.hpp"
#include "engine/util/progress.hpp"
#include "engine/util/staged_output.hpp"

namespace icn::cli {
namespace {

struct GenerateCommand {
    std::string chain;
    std::string out;
    std::vector<std::string> broken;
    GenerateOptions options;
};

int run_generate(GenerateCommand& command) {
    Issues issues;
    const auto folder = resolve_chain(command.chain, issues);
    ChainTemplate chain;
    if (folder) chain = read_chain_template(*folder, folder->string(), issues);
    if (issues.has_errors()) {
        print_issues(issues);
        return kExitBadInput;
    }
    for (const std::string& flow : command.broken) {
        const auto sep = flow.find('>');
        if (sep == std::string::npos) {
            throw UsageError(fmt::format("--broken '{}': expected FROM>TO", flow));
        }
        command.options.broken.emplace_back(flow.substr(0, sep), flow.substr(sep + 1));
    }
    const auto problems = check_generate_options(chain, command.options);
    if (!problems.empty()) {
        for (const auto& problem : problems)
            std::fprintf(stderr, "icn generate: %s\n", problem.c_str());
        return kExitBadInput;
    }
    std::vector<std::filesystem::path> inputs;
    if (folder) inputs.push_back(*folder);
    StagedOutput output(command.out, inputs, "icn " ICN_VERSION " generate");
    GenerateOptions options = command.options;
    options.progress = terminal_progress();
    const GenerateSummary summary = generate_dataset(chain, options, output.staging());
    output.commit();
    if (!global_options().quiet) {
        std::fprintf(stderr, "icn generate: %u firms (%u local in %s), %llu links -> %s\n",
                     summary.firms, summary.local_firms, command.options.region.c_str(),
                     static_cast<unsigned long long>(summary.links), command.out.c_str());
    }
    return kExitOk;
}

}  // namespace

void setup_generate(CLI::App& app) {
    auto command = std::make_shared<GenerateCommand>();
    GenerateOptions& o = command->options;
    CLI::App* cmd = app.add_subcommand(
        "generate", "Generate a realistic synthetic cluster dataset (deterministic per seed)");
    cmd->add_option("--chain", command->chain, "Chain template: a folder or a shipped id")
        ->required();
    cmd->add_option("--out", command->out, "Dataset folder to write")->required();
    cmd->add_option("--seed", o.seed, "Random seed")->capture_default_str();
    cmd->add_option("--firms", o.firms, "Number of firms, local and external")
        ->capture_default_str();
    cmd->add_option("--links", o.links, "Number of link rows")->capture_default_str();
    cmd->add_option("--region", o.region, "Cluster region, a 6-digit GB/T 2260 code")
        ->capture_default_str()
        ->allow_extra_args(false);
    cmd->add_option("--region-name", o.region_name, "Place name used in local firm names")
        ->capture_default_str();
    cmd->add_option("--cluster-name", o.cluster_name, "Cluster name in cluster.json");
    cmd->add_option("--local-share", o.local_share, "Share of firms in the cluster region")
        ->capture_default_str();
    cmd->add_option("--local-sourcing", o.local_sourcing,
                    "Chance that a local customer buys from a local supplier")
        ->capture_default_str();
    cmd->add_option("--leaders", o.leaders, "Designated chain leaders")->capture_default_str();
    cmd->add_option("--year", o.year, "Year of the links")->capture_default_str();
    cmd->add_option("--years", o.years, "Years of firm_years.csv (0: none)")->capture_default_str();
    cmd->add_flag("!--no-products", o.products, "Leave the product column out of links.csv");
    cmd->add_option("--missing", o.missing, "Plant a missing segment (no local firm); repeatable")
        ->allow_extra_args(false);
    cmd->add_option("--weak", o.weak, "Plant a weak segment (one local firm); repeatable")
        ->allow_extra_args(false);
    cmd->add_option("--broken", command->broken,
                    "Plant a broken flow FROM>TO (no local link); repeatable")
        ->allow_extra_args(false);
    cmd->add_option("--dependent", o.dependent,
                    "Plant a dependent segment (local customers buy mostly outside); repeatable")
        ->allow_extra_args(false);
    cmd->callback([command] { exit_status() = run_generate(*command); });
}

}  // namespace icn::cli
