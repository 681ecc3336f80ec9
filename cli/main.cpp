// SPDX-License-Identifier: MIT
// icn: industrial cluster network analysis. One file per subcommand under cli/commands/.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/common.hpp"
#include "engine/backends/igraph/igraph_graph.hpp"
#include "engine/util/parallel.hpp"
#include "engine/util/progress.hpp"
#include "engine/util/staged_output.hpp"
#include "viz/child_process.hpp"

namespace {

// SIGINT / SIGTERM: say so and leave with 130 / 143. Outputs in progress live in a staging
// folder, so --out keeps what it had; the staging folder is removed by the next run.
// Set once the language is known; read by the signal handler (no allocation there).
volatile std::sig_atomic_t g_chinese = 1;

extern "C" void on_signal(int signal) {
    if (const pid_t printer = icn::child_process_group(); printer > 0) ::kill(-printer, SIGKILL);
    const char* message =
        signal == SIGINT ? (g_chinese ? "icn：已中断（SIGINT），输出保持原样\n"
                                      : "icn: interrupted (SIGINT); outputs left as they were\n")
                         : (g_chinese ? "icn：已终止（SIGTERM），输出保持原样\n"
                                      : "icn: terminated (SIGTERM); outputs left as they were\n");
    const ssize_t ignored = ::write(STDERR_FILENO, message, std::strlen(message));
    (void)ignored;
    ::_exit(128 + signal);
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    // A file-size limit (RLIMIT_FSIZE) makes write() fail with EFBIG instead of killing us, so
    // the failure is reported and the staging folder removed.
    std::signal(SIGXFSZ, SIG_IGN);

    CLI::App app{"icn: industrial cluster network analysis (产业集群网络分析)", "icn"};
    app.set_version_flag("--version", std::string("icn ") + ICN_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    auto& global = icn::cli::global_options();
    app.add_flag("-q,--quiet", global.quiet, "No progress and no notes on stderr");
    app.add_option("--lang", global.lang, "Language of messages and reports: zh or en")
        ->capture_default_str()
        ->check(CLI::IsMember({"zh", "en"}));
    app.add_flag("--skip-bad-rows", global.skip_bad_rows,
                 "Leave out rows with a bad cell, an unknown firm, a ragged row or a repeated id "
                 "with other contents: warned, counted and listed in the report");
    app.add_option("--threads", global.threads, "Threads to use (default: every core)")
        ->check(CLI::Range(1u, 4096u));
    icn::cli::setup_validate(app);
    icn::cli::setup_generate(app);
    icn::cli::setup_chains(app);
    icn::cli::setup_chain(app);
    std::string command_line = "icn";
    for (int i = 1; i < argc; ++i) command_line += std::string(" ") + argv[i];
    icn::cli::setup_analyze(app, command_line);
    icn::cli::setup_whatif(app);
    icn::cli::setup_diagnose(app);
    icn::cli::setup_diff(app);
    icn::cli::setup_classify(app);
    icn::cli::setup_batch(app);
    icn::cli::setup_init(app);
    icn::cli::setup_io(app);

    try {
        // The language is known before any subcommand runs (CLI11 runs callbacks last).
        app.parse_complete_callback([&global] { g_chinese = global.zh() ? 1 : 0; });
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return icn::cli::kExitBadInput;
    } catch (const icn::cli::UsageError& e) {
        std::fprintf(stderr, "icn: %s\n", e.what());
        return icn::cli::kExitBadInput;
    } catch (const icn::OutputRefused& e) {
        std::fprintf(stderr, "icn: %s\n", icn::cli::refusal_message(e, false).c_str());
        return icn::cli::kExitBadInput;
    } catch (const icn::OutputError& e) {
        std::fprintf(stderr, "icn: %s\n", e.what());
        return icn::cli::kExitFault;
    } catch (const icn::OutOfMemory& e) {
        std::fprintf(stderr,
                     icn::cli::global_options().zh()
                         ? "icn: 读取 %s 时内存不足（本机或 ulimit -v 允许的内存不够这个数据集；"
                           "输出未改动）\n"
                         : "icn: out of memory while reading %s (the machine, or ulimit -v, "
                           "leaves too little memory for this dataset; outputs untouched)\n",
                     e.phase().c_str());
        return icn::cli::kExitFault;
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr,
                     icn::cli::global_options().zh()
                         ? "icn: 分析时内存不足（本机或 ulimit -v 允许的内存不够；输出未改动）\n"
                         : "icn: out of memory while analysing (the machine, or ulimit -v, "
                           "leaves too little memory; outputs untouched)\n");
        return icn::cli::kExitFault;
    } catch (const std::exception& e) {
        std::fprintf(
            stderr,
            icn::cli::global_options().zh() ? "icn：内部错误：%s\n" : "icn: internal error: %s\n",
            e.what());
        return icn::cli::kExitFault;
    }
    return icn::cli::exit_status();
}
