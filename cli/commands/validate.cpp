// SPDX-License-Identifier: MIT
// icn validate DATASET [--chain CHAIN] [--region R]: check the inputs, print every problem
// (SPEC section 2), and on success a short summary.
#include <cstdio>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "engine/util/progress.hpp"

namespace icn::cli {
namespace {

struct ValidateOptions {
    std::string dataset;
    std::string chain;
    std::vector<std::string> regions;
};

int run_validate(const ValidateOptions& options) {
    if (print_option_errors(check_regions(options.regions))) return kExitBadInput;
    Issues issues;
    const Inputs inputs = load_inputs(options.dataset, options.chain, options.regions, issues);
    print_issues(issues);
    if (issues.has_errors()) {
        if (global_options().zh()) {
            std::fprintf(stderr, "icn validate：%zu 个错误\n", issues.error_count());
        } else {
            std::fprintf(stderr, "icn validate: %zu error%s\n", issues.error_count(),
                         issues.error_count() == 1 ? "" : "s");
        }
        return kExitBadInput;
    }
    const InputSummary& s = inputs.summary;
    std::string text = fmt::format("{}: {} firms", options.dataset, s.firms);
    if (s.local_firms) text += fmt::format(", {} local", *s.local_firms);
    text += fmt::format(", {} links, {} regions", s.links, s.regions);
    if (s.template_segments) {
        text += fmt::format(", {} of {} segments of '{}' covered", *s.segments_covered,
                            *s.template_segments, inputs.chain->id);
        if (s.segments_covered_locally) {
            text += fmt::format(" ({} locally)", *s.segments_covered_locally);
        }
    } else {
        text += fmt::format(", {} segment labels", s.segment_labels);
    }
    std::printf("%s\nOK\n", text.c_str());
    return kExitOk;
}

}  // namespace

void setup_validate(CLI::App& app) {
    auto options = std::make_shared<ValidateOptions>();
    CLI::App* cmd = app.add_subcommand(
        "validate", "Check a dataset (and a chain template, a region): every problem as FILE:LINE");
    cmd->add_option("dataset", options->dataset, "Dataset folder (firms.csv, links.csv, ...)")
        ->required();
    cmd->add_option("--chain", options->chain, "Chain template: a folder or a shipped id");
    cmd->add_option("--region", options->regions,
                    "Cluster region: GB/T 2260 code (prefix after dropping trailing 00 pairs) or "
                    "region name; repeatable")
        ->allow_extra_args(false);
    cmd->callback([options] { exit_status() = run_validate(*options); });
}

}  // namespace icn::cli
