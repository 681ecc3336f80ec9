// SPDX-License-Identifier: MIT
// The engine's entry point, the one every front end uses (the icn command, the Python module,
// a C++ program linking icn::engine):
//
//   icn::LoadRequest request{.dataset = "datasets/sample/linqing-bearing", .chain = "bearing",
//                            .regions = {"371581"}};
//   auto inputs = std::make_shared<const icn::Inputs>(icn::load(request));
//   if (!inputs->ok()) { /* inputs->issues: every problem, FILE:LINE, as codes and arguments */ }
//   icn::Results results = icn::run(inputs, {});
//
// load() collects every problem instead of stopping at the first; run() owns what it returns
// (the inputs it read from are kept alive by the Results), keeps no global state (random
// generators belong to the run, progress goes to the caller's sink, igraph is called behind its
// lock) and returns numbers and codes: turning them into Chinese or English text is viz/'s work.
// docs/engine-api.md says more.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/analysis/analyze.hpp"
#include "engine/analysis/chain_extension.hpp"
#include "engine/analysis/diagnostics.hpp"
#include "engine/analysis/options.hpp"
#include "engine/io/check_inputs.hpp"
#include "engine/io/divisions.hpp"
#include "engine/util/progress.hpp"
#include "models/chain_template.hpp"
#include "models/criteria.hpp"
#include "models/dataset.hpp"
#include "models/issue.hpp"

namespace icn {

struct LoadRequest {
    std::filesystem::path dataset;     // the dataset folder
    std::string chain;                 // a shipped template id or a template folder; "" for none
    std::vector<std::string> regions;  // codes or place names (OR-ed); empty for none
    std::string criteria;              // a criteria CSV or a shipped standard id; "" for none
    std::filesystem::path classified;  // firms.classified.csv from icn classify; "" for none
    std::filesystem::path io_table;    // a national input-output table for 延链; "" for none
    std::optional<int> io_year;        // its year, for a table holding several (WIOD)
    bool skip_bad_rows = false;        // row-level errors become warnings and the rows are left out
    unsigned threads = 0;              // 0: every core
    std::string display;               // the dataset as the user wrote it; "" for `dataset`
};

struct Inputs {
    Dataset dataset;
    std::optional<ChainTemplate> chain;
    std::filesystem::path chain_folder;    // where the template's files are
    std::optional<RegionSelector> region;  // the regions, names resolved to codes
    std::optional<CriteriaStandard> criteria;
    std::optional<IoTable> io_table;  // with LoadRequest::io_table (the template has io_sectors)
    DivisionTable divisions;          // the shipped table of place names
    InputSummary summary;
    // The template's files with their checksums, for the report's stamp.
    std::vector<InputFile> template_files;
    Issues issues;  // every problem found while loading

    bool ok() const { return !issues.has_errors(); }
    // What an output folder may not touch: the dataset, the template folder, the criteria file.
    std::vector<std::filesystem::path> paths() const;
};

Inputs load(const LoadRequest& request, ProgressSink* progress = nullptr);

struct RunOptions {
    AnalyzeOptions analysis;           // gaps, recommendations, leaders, seed, threads, progress
    std::optional<std::int32_t> year;  // only the links of this year
};

// Why run() refused: the inputs have errors, an option is out of range, or --year cannot be used.
class RunRefused : public std::invalid_argument {
public:
    RunRefused(std::string what, std::vector<OptionError> options = {})
        : std::invalid_argument(std::move(what)), option_errors(std::move(options)) {}
    std::vector<OptionError> option_errors;
};

struct Results {
    std::shared_ptr<const Inputs> inputs;      // kept alive: the context refers into it
    std::unique_ptr<AnalysisContext> context;  // the cluster, its network and G_L
    AnalysisResults analysis;
    std::optional<DiagnosticsReport> diagnostics;  // when the inputs hold criteria
    std::optional<IoLinkages> io_linkages;         // when the inputs hold an I-O table
    std::optional<ChainExtension> extension;       // 延链, from that table
};

// Needs a template and a region in the inputs. Throws RunRefused as said above.
Results run(std::shared_ptr<const Inputs> inputs, const RunOptions& options);

}  // namespace icn
