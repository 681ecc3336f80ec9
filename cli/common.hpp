// SPDX-License-Identifier: MIT
// What the subcommands share: exit statuses (SPEC section 2), printing issues, loading inputs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "engine/analysis/cohesion.hpp"
#include "engine/analysis/options.hpp"
#include "engine/api.hpp"
#include "engine/io/check_inputs.hpp"
#include "engine/io/divisions.hpp"
#include "engine/util/staged_output.hpp"
#include "models/chain_template.hpp"
#include "models/dataset.hpp"
#include "models/issue.hpp"

namespace icn::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFault = 1;
inline constexpr int kExitBadInput = 2;

// Bad input or bad usage found after parsing: exit status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct GlobalOptions {
    bool quiet = false;
    std::string lang = "zh";     // messages and reports: zh or en
    unsigned threads = 0;        // 0: every core
    bool skip_bad_rows = false;  // --skip-bad-rows: row-level errors become warnings
    bool zh() const { return lang == "zh"; }
};
GlobalOptions& global_options();

// The message for an output folder ICN may not write, in the user's language; `default_out`
// when --out was not given.
std::string refusal_message(const OutputRefused& refused, bool default_out);

// Prints each option problem in the user's language ("--max-external must be in [0, 1], got
// -3"); true when there was any.
bool print_option_errors(const std::vector<OptionError>& errors);

// --year against the links (check_year): false, after printing why, when it cannot be used; a
// note counts the links without a year that it leaves out.
bool check_year_option(const Dataset& dataset, std::optional<std::int32_t> year);

// Prints every issue to stderr, errors and warnings in file and line order.
void print_issues(const Issues& issues);

// Input paths of a run (dataset, template folder, criteria file): --out may not touch them.
std::vector<std::filesystem::path> input_paths(const Inputs& inputs,
                                               const std::string& criteria = {});

// The request of an analysing subcommand: the dataset as the user wrote it, --chain, --region,
// and the global --skip-bad-rows and --threads.
LoadRequest cluster_request(const std::string& dataset, const std::string& chain,
                            const std::vector<std::string>& regions);

// What an analysing subcommand runs with: --threads, the terminal's progress, the year.
RunOptions cli_run_options(std::optional<std::int32_t> year = std::nullopt);

// icn::load with the terminal's progress, its problems moved into `issues`: reads the dataset,
// the template (if `chain` is non-empty) and applies the region.
// `classified` (optional): a firms.classified.csv whose accepted rows put firms on the chain.
Inputs load_inputs(const std::string& dataset, const std::string& chain,
                   const std::vector<std::string>& regions, Issues& issues,
                   const std::string& classified = {});

// --chain C and --region R (repeatable, one value each), both required: the options every
// analysing subcommand shares.
void add_cluster_options(CLI::App* command, std::string& chain, std::vector<std::string>& regions);

// Each subcommand registers itself: setup_x(app) adds the subcommand and its callback; the
// callback stores its exit status here.
int& exit_status();

void setup_validate(CLI::App& app);
void setup_generate(CLI::App& app);
void setup_chains(CLI::App& app);
void setup_chain(CLI::App& app);
void setup_analyze(CLI::App& app, const std::string& command_line);
void setup_whatif(CLI::App& app);
void setup_diagnose(CLI::App& app);
void setup_diff(CLI::App& app);
void setup_classify(CLI::App& app);
void setup_batch(CLI::App& app);
void setup_init(CLI::App& app);
void setup_io(CLI::App& app);

}  // namespace icn::cli
