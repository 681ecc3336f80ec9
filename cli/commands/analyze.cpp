// SPDX-License-Identifier: MIT
// icn analyze DATASET --chain C --region R [--out DIR] [--lang zh|en] [--year Y]: the cluster
// report (SPEC section 4), written into a staging folder and swapped in whole.
#include "engine/analysis/analyze.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "cli/terminal_progress.hpp"
#include "engine/util/progress.hpp"
#include "engine/util/staged_output.hpp"
#include "viz/docx.hpp"
#include "viz/format.hpp"
#include "viz/print_pdf.hpp"
#include "viz/report_files.hpp"

namespace icn::cli {
namespace {

struct AnalyzeCommand {
    std::string dataset;
    std::string chain;
    std::vector<std::string> regions;
    std::string out = "icn-out";
    bool out_given = false;
    std::string classified;  // --use-classified FILE
    std::optional<std::int32_t> year;
    AnalyzeOptions options;
    std::string command_line;
    bool png = false;
    std::vector<std::string> formats;
    std::string criteria = "national-2022";
    std::string io_table;  // --io TABLE: 延链 from an input-output table
    std::optional<int> io_year;
};

// --formats: the report files to write (SPEC 4). png is also asked for by --png. The default is
// every format whose tool is here: pdf needs Debian's chromium; without it the default leaves
// pdf out with a note, and asking for pdf is bad usage naming the package.
struct Formats {
    std::set<std::string> wanted;
    std::optional<std::filesystem::path> chromium;
    std::optional<std::filesystem::path> pandoc;
};

Formats report_formats(const AnalyzeCommand& command) {
    const std::set<std::string>& known = kReportFormats;
    const bool zh = global_options().zh();
    Formats f;
    f.chromium = find_chromium();
    f.pandoc = find_pandoc();
    for (const std::string& format : command.formats) {
        if (known.count(format) == 0) {
            throw UsageError(fmt::format(
                fmt::runtime(zh ? "--formats：不认识的格式 '{}'（可选：json, html, md, svg, "
                                  "png, csv, xlsx, pdf, docx）"
                                : "--formats: unknown format '{}' (known: json, html, md, "
                                  "svg, png, csv, xlsx, pdf, docx)"),
                format));
        }
        if (format == "docx" && !f.pandoc) {
            throw UsageError(
                zh ? "--formats docx：需要 Debian 的 pandoc 来生成 Word 文档，本机没有；"
                     "请安装（apt-get install pandoc）"
                   : "--formats docx: writing the Word document needs Debian's "
                     "pandoc, which is not installed (apt-get install pandoc)");
        }
        if (format == "pdf" && !f.chromium) {
            throw UsageError(zh ? "--formats pdf：需要 Debian 的 chromium 来打印 PDF，本机没有；"
                                  "请安装（apt-get install chromium）"
                                : "--formats pdf: printing the PDF needs Debian's chromium, "
                                  "which is not installed (apt-get install chromium)");
        }
        f.wanted.insert(format);
    }
    if (f.wanted.empty()) {
        f.wanted = {"json", "html", "md", "svg", "csv", "xlsx"};
        if (f.chromium) {
            f.wanted.insert("pdf");
        } else if (!global_options().quiet) {
            std::fprintf(stderr, zh ? "icn analyze：提示：未生成 report.pdf：本机没有 Debian 的 "
                                      "chromium（apt-get install chromium）\n"
                                    : "icn analyze: note: no report.pdf: Debian's chromium is "
                                      "not installed (apt-get install chromium)\n");
        }
        if (f.pandoc) {
            f.wanted.insert("docx");
        } else if (!global_options().quiet) {
            std::fprintf(stderr, zh ? "icn analyze：提示：未生成 report.docx：本机没有 Debian 的 "
                                      "pandoc（apt-get install pandoc）\n"
                                    : "icn analyze: note: no report.docx: Debian's pandoc is "
                                      "not installed (apt-get install pandoc)\n");
        }
    }
    if (command.png) f.wanted.insert("png");
    return f;
}

// What the report writer says of a file it could not write as asked, in the user's language.
void print_report_note(const ReportNote& note) {
    const bool zh = global_options().zh();
    switch (note.kind) {
        case ReportNote::Kind::not_rendered:
            std::fprintf(stderr,
                         zh ? "icn analyze：警告：Graphviz 未能绘制 %s\n"
                            : "icn analyze: warning: Graphviz could not render %s\n",
                         note.file.c_str());
            break;
        case ReportNote::Kind::simpler_layout:
            if (global_options().quiet) break;
            std::fprintf(stderr,
                         zh ? "icn analyze：提示：%s 改用较简单的“%s”布局绘制\n"
                            : "icn analyze: note: %s drawn with the simpler '%s' layout\n",
                         note.file.c_str(), note.detail.c_str());
            break;
        case ReportNote::Kind::not_written:
            std::fprintf(
                stderr,
                zh ? "icn analyze：警告：未能生成 %s：%s\n" : "icn analyze: warning: no %s: %s\n",
                note.file.c_str(), note.detail.c_str());
            break;
    }
}

int run_analyze(const AnalyzeCommand& command) {
    const Formats chosen = report_formats(command);
    const std::set<std::string>& formats = chosen.wanted;
    const bool bad_options = print_option_errors(check_options(command.options));
    if (print_option_errors(check_regions(command.regions)) || bad_options) return kExitBadInput;
    LoadRequest request = cluster_request(command.dataset, command.chain, command.regions);
    request.classified = command.classified;
    request.criteria = command.criteria;
    request.io_table = command.io_table;
    request.io_year = command.io_year;
    const auto inputs = std::make_shared<const Inputs>(load(request, terminal_progress()));
    const Issues& issues = inputs->issues;
    print_issues(issues);
    std::vector<std::filesystem::path> input_folders = input_paths(*inputs, command.criteria);
    if (!command.io_table.empty()) input_folders.emplace_back(command.io_table);
    if (!command.classified.empty()) input_folders.emplace_back(command.classified);
    try {
        check_output_folder(command.out, input_folders);
    } catch (const OutputRefused& refused) {
        std::fprintf(stderr, "icn analyze: %s\n",
                     refusal_message(refused, !command.out_given).c_str());
        return kExitBadInput;
    }
    if (issues.has_errors()) {
        if (global_options().zh()) {
            std::fprintf(stderr, "icn analyze：%zu 个错误；未写入任何文件\n", issues.error_count());
        } else {
            std::fprintf(stderr, "icn analyze: %zu error%s; nothing written\n",
                         issues.error_count(), issues.error_count() == 1 ? "" : "s");
        }
        return kExitBadInput;
    }
    if (!check_year_option(inputs->dataset, command.year)) return kExitBadInput;
    RunOptions run_options = cli_run_options(command.year);
    AnalyzeOptions analysis = command.options;
    analysis.threads = run_options.analysis.threads;
    analysis.progress = run_options.analysis.progress;
    run_options.analysis = analysis;
    const Results results = run(inputs, run_options);
    const AnalysisContext& context = *results.context;

    ReportInput report = report_input(results, command.options, command.regions, command.dataset,
                                      global_options().lang);
    report.stamp.version = ICN_VERSION;
    report.stamp.generated_at = utc_now();
    report.stamp.command_line = command.command_line;

    StagedOutput output(command.out, input_folders, "icn " ICN_VERSION " analyze");
    const std::vector<ReportNote> notes = write_report_files(
        report, formats, {chosen.chromium, chosen.pandoc}, output, terminal_progress());
    for (const ReportNote& note : notes) print_report_note(note);
    output.commit();
    if (!global_options().quiet) {
        std::fprintf(
            stderr,
            global_options().zh() ? "icn analyze：本地企业 %zu 家，缺口 %zu 处 -> %s/report.html\n"
                                  : "icn analyze: %zu local firms, %zu gaps -> %s/report.html\n",
            context.selection.local.size(), results.analysis.gaps.gaps.size(), command.out.c_str());
    }
    return kExitOk;
}

}  // namespace

void setup_analyze(CLI::App& app, const std::string& command_line) {
    auto command = std::make_shared<AnalyzeCommand>();
    command->command_line = command_line;
    CLI::App* cmd = app.add_subcommand(
        "analyze", "Analyse a cluster: cohesion, leaders, gaps, recommendations, resilience");
    cmd->add_option("dataset", command->dataset, "Dataset folder")->required();
    add_cluster_options(cmd, command->chain, command->regions);
    cmd->add_option("--out", command->out,
                    "Output folder: new, empty, or one ICN wrote before (only its files are "
                    "replaced)")
        ->capture_default_str()
        ->each([command](const std::string&) { command->out_given = true; });
    cmd->add_option("--year", command->year, "Only the links of this year");
    cmd->add_option("--min-firms", command->options.gaps.min_firms,
                    "A segment with fewer local firms is weak")
        ->capture_default_str();
    cmd->add_option("--max-external", command->options.gaps.max_external,
                    "A segment whose local customers buy more than this share outside is dependent")
        ->capture_default_str();
    cmd->add_option("--top", command->options.recommendations.top,
                    "Candidates per segment (attract) and per flow (match)")
        ->capture_default_str();
    cmd->add_flag("--png", command->png, "Also write chain.png and network.png");
    cmd->add_option("--use-classified", command->classified,
                    "firms.classified.csv from icn classify: its accepted rows put firms on the "
                    "chain");
    cmd->add_option("--formats", command->formats,
                    "Report files, comma-separated: json, html, md, svg, png, csv, xlsx, pdf, docx "
                    "(default: all but png, pdf and docx only where Chromium and pandoc are "
                    "installed)")
        ->delimiter(',')
        ->allow_extra_args(false);
    cmd->add_option("--criteria", command->criteria,
                    "Programme criteria: a CSV file or a shipped standard id")
        ->capture_default_str();
    cmd->add_option("--io", command->io_table,
                    "A national input-output table: adds where the chain can grow (延链; the "
                    "template needs io_sectors.csv)");
    cmd->add_option("--io-year", command->io_year, "The year of an --io table holding several");
    cmd->add_option("--seed", command->options.seed, "Seed of community detection and sampling")
        ->capture_default_str();
    cmd->callback([command] { exit_status() = run_analyze(*command); });
}

}  // namespace icn::cli
