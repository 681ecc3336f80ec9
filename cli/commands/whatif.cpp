// SPDX-License-Identifier: MIT
// icn whatif DATASET --chain C --region R [--remove F,...] [--add F,...]: what the cluster loses
// when firms leave, and gains when external firms move in (SPEC 3.5).
#include "engine/analysis/whatif.hpp"

#include <cstdio>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "engine/util/progress.hpp"
#include "viz/changes.hpp"
#include "viz/report_data.hpp"
#include "viz/report_json.hpp"

namespace icn::cli {
namespace {

struct WhatIfCommand {
    std::string dataset;
    std::string chain;
    std::vector<std::string> regions;
    std::vector<std::string> remove;
    std::vector<std::string> add;
    std::optional<std::int32_t> year;
    GapOptions gaps;
    bool json = false;
};

int run_whatif(const WhatIfCommand& command) {
    if (command.remove.empty() && command.add.empty()) {
        throw UsageError("whatif needs --remove FIRM[,FIRM...] or --add FIRM[,FIRM...]");
    }
    const bool bad_options = print_option_errors(check_gap_options(command.gaps));
    if (print_option_errors(check_regions(command.regions)) || bad_options) return kExitBadInput;
    Issues issues;
    Inputs inputs = load_inputs(command.dataset, command.chain, command.regions, issues);
    const Dataset& data = inputs.dataset;
    std::vector<std::uint32_t> removed, added;
    const auto resolve = [&](const std::vector<std::string>& ids, const char* option,
                             std::vector<std::uint32_t>& out) {
        for (const std::string& id : ids) {
            const auto firm = data.find_firm(id);
            if (!firm) {
                issues.error(option, 0, fmt::format("no firm '{}' in firms.csv", id));
                continue;
            }
            out.push_back(*firm);
        }
    };
    if (!issues.has_errors()) {
        resolve(command.remove, "--remove", removed);
        resolve(command.add, "--add", added);
        const bool zh = global_options().zh();
        for (std::uint32_t f : added) {
            if (inputs.region->matches(data.firms[f].region)) {
                issues.error(
                    "--add", 0,
                    fmt::format(fmt::runtime(zh ? "{}（{}）已是本地企业；--add 用于把区外企业迁入"
                                                : "'{}' ({}) is already local; --add moves "
                                                  "an external firm in"),
                                data.firms[f].name, data.firms[f].id));
            }
        }
        for (std::uint32_t f : removed) {
            if (!inputs.region->matches(data.firms[f].region)) {
                issues.error(
                    "--remove", 0,
                    fmt::format(
                        fmt::runtime(zh ? "{}（{}）不是本地企业；--remove 只能移出集群内的企业"
                                        : "'{}' ({}) is not local; --remove takes "
                                          "firms of the cluster out"),
                        data.firms[f].name, data.firms[f].id));
            }
        }
    }
    print_issues(issues);
    if (issues.has_errors()) return kExitBadInput;
    if (!check_year_option(data, command.year)) return kExitBadInput;

    const WhatIfResult r =
        what_if(data, *inputs.chain, *inputs.region, command.year, removed, added, command.gaps);
    const ChainTemplate& chain = *inputs.chain;
    const std::string& lang = global_options().lang;
    const nlohmann::ordered_json out =
        whatif_json(r, data, chain, command.remove, command.add, command.gaps, lang);
    if (command.json) {
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    const bool zh = global_options().zh();
    const auto pick = [zh](const char* chinese, const char* english) {
        return fmt::runtime(zh ? chinese : english);
    };
    std::string text;
    if (!removed.empty()) {
        text += fmt::format(pick("移出：{}\n", "taken out: {}\n"), firm_names(data, removed, lang));
    }
    if (!added.empty()) {
        text += fmt::format(pick("迁入：{}\n", "moved in: {}\n"), firm_names(data, added, lang));
    }
    text += fmt::format(pick("本地企业：{} -> {} 家\n", "local firms: {} -> {}\n"),
                        r.before.local_firms, r.after.local_firms);
    if (r.cut_off.empty()) {
        text += zh ? "没有本地企业因此与最大连通块断开\n"
                   : "no local firm is cut off from the largest component\n";
    } else {
        text += fmt::format(pick("与最大连通块断开的本地企业{}家：{}\n",
                                 "local firms cut off from the largest component ({}): {}\n"),
                            r.cut_off.size(), firm_names(data, r.cut_off, lang));
    }
    if (data.links_have_value) {
        text += fmt::format(pick("本地供货关系变化：{:+}对，金额变化：{:+.1f}{}\n",
                                 "local links: {:+}, local value: {:+.1f} {}\n"),
                            r.local_links_change, r.local_value_change, value_unit(data));
    } else {  // without a value column there is no amount to speak of
        text += fmt::format(pick("本地供货关系变化：{:+}对\n", "local links: {:+}\n"),
                            r.local_links_change);
    }
    text += change_text(r.before, r.after, r.gap_changes, chain, command.gaps, lang);
    std::printf("%s", text.c_str());
    return kExitOk;
}

}  // namespace

void setup_whatif(CLI::App& app) {
    auto command = std::make_shared<WhatIfCommand>();
    CLI::App* cmd = app.add_subcommand(
        "whatif",
        "What the cluster loses if firms leave (--remove) or gains if firms move in (--add)");
    cmd->add_option("dataset", command->dataset, "Dataset folder")->required();
    add_cluster_options(cmd, command->chain, command->regions);
    cmd->add_option("--remove", command->remove,
                    "Local firms taken out: ids comma-separated (--remove A,B) or the option "
                    "repeated (--remove A --remove B)")
        ->delimiter(',')
        ->type_name("ID[,ID...]")
        ->allow_extra_args(false);
    cmd->add_option("--add", command->add,
                    "External firms moved into the cluster: ids comma-separated (--add A,B) or "
                    "the option repeated (--add A --add B)")
        ->delimiter(',')
        ->type_name("ID[,ID...]")
        ->allow_extra_args(false);
    cmd->add_option("--year", command->year, "Only the links of this year");
    cmd->add_option("--min-firms", command->gaps.min_firms, "Weak below this many local firms")
        ->capture_default_str();
    cmd->add_option("--max-external", command->gaps.max_external, "Dependent above this share")
        ->capture_default_str();
    cmd->add_flag("--json", command->json, "Print JSON instead of text");
    cmd->callback([command] { exit_status() = run_whatif(*command); });
}

}  // namespace icn::cli
