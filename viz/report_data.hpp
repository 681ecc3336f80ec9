// SPDX-License-Identifier: MIT
// Everything a report is made from: the inputs, the options, the results, and the stamp.
#pragma once

#include <string>
#include <vector>

#include "engine/analysis/analyze.hpp"
#include "engine/analysis/diagnostics.hpp"
#include "engine/api.hpp"
#include "engine/io/divisions.hpp"
#include "models/dataset.hpp"

namespace icn {

struct ReportStamp {
    std::string version;
    std::string generated_at;  // ISO 8601, UTC
    std::string command_line;
    std::vector<InputFile> inputs;  // dataset files and the template's files, with checksums
};

struct ReportInput {
    const AnalysisContext& context;
    const AnalysisResults& results;
    const AnalyzeOptions& options;
    std::vector<std::string> regions;
    std::string dataset;
    std::string lang = "zh";  // "zh" or "en"
    ReportStamp stamp;
    const DiagnosticsReport* diagnostics = nullptr;
    const DivisionTable* divisions = nullptr;   // place names; codes alone without it
    std::vector<Issue> skipped_rows{};          // rows left out by --skip-bad-rows, one per problem
    const ChainExtension* extension = nullptr;  // 延链 (with --io): the table and its linkages
    const IoTable* io_table = nullptr;
    const IoLinkages* io_linkages = nullptr;
};

// The report's inputs from an engine run (engine/api.hpp): its context, results, diagnostics and
// place names, the rows --skip-bad-rows left out, and the stamp's input files (the dataset's,
// then the template's). The caller sets stamp.version, generated_at and command_line. `results`
// and `options` must outlive the ReportInput.
ReportInput report_input(const Results& results, const AnalyzeOptions& options,
                         std::vector<std::string> regions, std::string dataset, std::string lang);

// A place as a reader wants it: "临清市 (371581)" (the code alone when it is not in the table).
std::string place_name(const ReportInput& input, std::string_view region);

// Display helpers shared by every format.
std::string firm_label(const AnalysisContext& context, std::uint32_t firm);  // "name (id)"
std::string segment_name(const ChainTemplate& chain, std::uint32_t segment, std::string_view lang);
// The unit of link values: cluster.json output_unit, default 万元; "" when links.csv has no value
// column (then every link counts 1 and sums are numbers of rows).
std::string value_unit(const Dataset& dataset);

// The link rows the analysis used: all of them, or those of --year.
std::size_t links_in_use(const AnalysisContext& context);
// The distinct years of the links, ascending (empty without a year column).
std::vector<std::int32_t> link_years(const Dataset& dataset);

}  // namespace icn
