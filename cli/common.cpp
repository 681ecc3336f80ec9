// SPDX-License-Identifier: MIT
#include "cli/common.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "cli/terminal_progress.hpp"
#include "engine/classify/classify.hpp"
#include "engine/io/divisions.hpp"
#include "engine/io/read_dataset.hpp"
#include "viz/messages.hpp"

namespace icn::cli {

GlobalOptions& global_options() {
    static GlobalOptions options;
    return options;
}

int& exit_status() {
    static int status = kExitOk;
    return status;
}

bool print_option_errors(const std::vector<OptionError>& errors) {
    const bool zh = global_options().zh();
    for (const OptionError& e : errors) {
        std::string text;
        switch (e.problem) {
            case OptionProblem::out_of_range: {
                const bool interval = !e.allowed.empty() && e.allowed[0] == '[';
                text = zh ? fmt::format(fmt::runtime(interval ? "{} 须在 {} 范围内，实际为 {}"
                                                              : "{} 须 {}，实际为 {}"),
                                        e.option, e.allowed, e.value)
                          : fmt::format(fmt::runtime(interval ? "{} must be in {}, got {}"
                                                              : "{} must be {}, got {}"),
                                        e.option, e.allowed, e.value);
                break;
            }
            case OptionProblem::year_not_in_data:
                text = zh ? fmt::format("{} {}：没有该年份的供货关系；数据中的年份：{}", e.option,
                                        e.value, e.allowed.empty() ? "无" : e.allowed)
                          : fmt::format("{} {}: no link of that year; the years present: {}",
                                        e.option, e.value, e.allowed.empty() ? "none" : e.allowed);
                break;
            case OptionProblem::no_year_column:
                text =
                    zh ? fmt::format("{} {}：links.csv 没有年份（year / 年份）列，无法按年份筛选",
                                     e.option, e.value)
                       : fmt::format("{} {}: links.csv has no year column to filter by", e.option,
                                     e.value);
                break;
            case OptionProblem::bad_region_code:
                text = zh ? fmt::format("{} {}：行政区划代码应为 {} 位数字", e.option, e.value,
                                        e.allowed)
                          : fmt::format("{} {}: a division code has {} digits", e.option, e.value,
                                        e.allowed);
                break;
            case OptionProblem::region_matches_all:
                text = zh ? fmt::format("{} {}：不是任何行政区划（会把所有企业算作本地）", e.option,
                                        e.value)
                          : fmt::format("{} {}: not a division (it would make every firm local)",
                                        e.option, e.value);
                break;
        }
        std::fprintf(stderr, "icn: %s\n", text.c_str());
    }
    return !errors.empty();
}

bool check_year_option(const Dataset& dataset, std::optional<std::int32_t> year) {
    const YearCheck check = check_year(dataset, year);
    if (print_option_errors(check.errors)) return false;
    if (year && check.undated > 0 && !global_options().quiet) {
        std::fprintf(stderr,
                     global_options().zh()
                         ? "icn: 注意：--year %d 不含 %zu 条没有年份的供货关系\n"
                         : "icn: note: --year %d leaves out %zu links without a year\n",
                     *year, check.undated);
    }
    return true;
}

void print_issues(const Issues& issues) {
    for (const Issue& issue : issues.sorted()) {
        if (issue.severity == Severity::note && global_options().quiet) continue;
        std::fprintf(stderr, "%s\n", format_issue(issue, global_options().lang).c_str());
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

std::vector<std::filesystem::path> input_paths(const Inputs& inputs, const std::string& criteria) {
    std::vector<std::filesystem::path> paths;
    if (!inputs.dataset.folder.empty()) paths.emplace_back(inputs.dataset.folder);
    if (!inputs.chain_folder.empty()) paths.push_back(inputs.chain_folder);
    std::error_code ec;
    if (!criteria.empty() && std::filesystem::exists(criteria, ec)) paths.emplace_back(criteria);
    return paths;
}

std::string refusal_message(const OutputRefused& refused, bool default_out) {
    const bool zh = global_options().zh();
    const std::string out = refused.target.string();
    const std::string& d = refused.detail;
    const auto pick = [zh](const char* chinese, const char* english) {
        return fmt::runtime(zh ? chinese : english);
    };
    switch (refused.reason) {
        case OutputRefusal::root:
            return fmt::format(pick("--out {}：不会写入根目录；请用 --out 指定一个新文件夹",
                                    "--out {}: refusing to write into the root folder; give --out "
                                    "a new folder"),
                               out);
        case OutputRefusal::home:
            return fmt::format(pick("--out {}：这是主目录，ICN 不会在其中替换文件；请用 --out "
                                    "指定一个新文件夹，例如 --out ~/icn-out",
                                    "--out {}: this is the home folder, where ICN replaces "
                                    "nothing; give --out a new folder, e.g. --out ~/icn-out"),
                               out);
        case OutputRefusal::current:
            return fmt::format(pick("--out {}：这是当前文件夹，ICN 不会在其中替换文件；请用 --out "
                                    "指定一个新的子文件夹，例如 --out icn-out",
                                    "--out {}: this is the current folder, where ICN replaces "
                                    "nothing; give --out a new subfolder, e.g. --out icn-out"),
                               out);
        case OutputRefusal::is_input:
            return fmt::format(pick("--out {}：这是输入 {} 本身，写入会毁掉输入数据；请用 --out "
                                    "指定输入之外的新文件夹",
                                    "--out {}: this is the input {} itself, which the report "
                                    "would destroy; give --out a new folder outside the inputs"),
                               out, d);
        case OutputRefusal::contains_input:
            return fmt::format(pick("--out {}：输入 {} 位于其中，ICN 不会在输入旁写报告；请用 "
                                    "--out 指定输入之外的新文件夹",
                                    "--out {}: the input {} lies inside it; give --out a new "
                                    "folder outside the inputs"),
                               out, d);
        case OutputRefusal::inside_input:
            if (default_out) {
                return fmt::format(
                    pick("默认输出文件夹 {} 位于输入 {} 之内（在数据集文件夹里运行了 icn？）；"
                         "ICN 不在输入里写文件：请用 --out 指定数据集之外的文件夹，例如 --out "
                         "../icn-out",
                         "the default output folder {} lies inside the input {} (icn run from "
                         "inside the dataset folder?); ICN writes nothing into its inputs: give "
                         "--out a folder outside the dataset, e.g. --out ../icn-out"),
                    out, d);
            }
            return fmt::format(pick("--out {}：位于输入 {} 之内，ICN 不在输入里写文件；请用 --out "
                                    "指定输入之外的新文件夹",
                                    "--out {}: lies inside the input {}, and ICN writes nothing "
                                    "into its inputs; give --out a new folder outside the inputs"),
                               out, d);
        case OutputRefusal::symlink:
            return fmt::format(pick("--out {}：是一个符号链接；请给出真实的文件夹路径",
                                    "--out {}: is a symbolic link; give the real folder"),
                               out);
        case OutputRefusal::not_a_folder:
            return fmt::format(pick("--out {}：已存在且不是文件夹；请用 --out 指定一个新文件夹",
                                    "--out {}: exists and is not a folder; give --out a new "
                                    "folder"),
                               out);
        case OutputRefusal::foreign_files:
            return fmt::format(pick("--out {}：文件夹里已有不是 ICN 写的文件（{}），ICN "
                                    "不会删除或覆盖它们；请用 --out 指定一个新的或空的文件夹",
                                    "--out {}: the folder holds files ICN did not write ({}), "
                                    "which it will not delete or overwrite; give --out a new or "
                                    "empty folder"),
                               out, d);
        case OutputRefusal::would_overwrite:
            return fmt::format(pick("--out {}：其中的 {} 不是 ICN 写的，但本次要写同名文件；"
                                    "请移走或改名后再运行",
                                    "--out {}: {} there was not written by ICN, but this run "
                                    "writes a file of that name; move or rename it first"),
                               out, d);
    }
    return refused.what();
}

LoadRequest cluster_request(const std::string& dataset, const std::string& chain,
                            const std::vector<std::string>& regions) {
    LoadRequest request;
    request.dataset = dataset;
    request.display = dataset;
    request.chain = chain;
    request.regions = regions;
    request.skip_bad_rows = global_options().skip_bad_rows;
    request.threads = global_options().threads;
    return request;
}

RunOptions cli_run_options(std::optional<std::int32_t> year) {
    RunOptions options;
    options.analysis.threads = global_options().threads;
    options.analysis.progress = terminal_progress();
    options.year = year;
    return options;
}

Inputs load_inputs(const std::string& dataset, const std::string& chain,
                   const std::vector<std::string>& regions, Issues& issues,
                   const std::string& classified) {
    LoadRequest request = cluster_request(dataset, chain, regions);
    request.classified = classified;
    Inputs inputs = load(request, terminal_progress());
    issues.append(inputs.issues);
    inputs.issues = Issues();
    return inputs;
}

}  // namespace icn::cli
