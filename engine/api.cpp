// SPDX-License-Identifier: MIT
#include "engine/api.hpp"

#include "engine/analysis/context.hpp"
#include "engine/classify/classify.hpp"
#include "engine/io/read_criteria.hpp"
#include "engine/io/read_dataset.hpp"
#include "engine/io/text_file.hpp"
#include "engine/util/message.hpp"

namespace icn {

std::vector<std::filesystem::path> Inputs::paths() const {
    std::vector<std::filesystem::path> out;
    if (!dataset.folder.empty()) out.emplace_back(dataset.folder);
    if (!chain_folder.empty()) out.push_back(chain_folder);
    std::error_code ec;
    if (criteria && !criteria->file.empty() && std::filesystem::exists(criteria->file, ec))
        out.emplace_back(criteria->file);
    if (io_table) out.emplace_back(io_table->display);
    return out;
}

Inputs load(const LoadRequest& request, ProgressSink* progress) {
    Inputs inputs;
    Issues& issues = inputs.issues;
    const std::string display =
        request.display.empty() ? request.dataset.string() : request.display;
    // Skipping bad rows applies to the dataset's rows, not to templates or criteria.
    issues.set_skip_bad_rows(request.skip_bad_rows);
    inputs.dataset = read_dataset(request.dataset, display, issues, request.threads, progress);
    issues.set_skip_bad_rows(false);
    if (!request.chain.empty()) {
        std::string chain_display;
        if (const auto folder = resolve_chain(request.chain, issues, &chain_display)) {
            inputs.chain = read_chain_template(*folder, chain_display, issues);
            inputs.chain_folder = *folder;
            for (const char* file : {"segments.csv", "flows.csv"}) {
                Issues ignored;  // already read and checked above
                const auto shown = std::filesystem::path(inputs.chain->folder) / file;
                if (auto text = read_text_file(*folder / file, shown.string(), ignored)) {
                    inputs.template_files.push_back({text->display, text->sha256, text->encoding});
                }
            }
        }
    }
    if (!request.classified.empty() && inputs.chain) {
        apply_classified(request.classified, request.classified.string(), inputs.dataset,
                         *inputs.chain, issues);
    }
    // Place names: the shipped division table turns names and addresses into codes.
    if (const auto folder = find_divisions_folder()) {
        inputs.divisions = DivisionTable::read(*folder, issues);
    }
    const std::string firms_file = (std::filesystem::path(display) / "firms.csv").string();
    resolve_firm_regions(inputs.dataset, inputs.divisions, firms_file, issues);
    if (!request.regions.empty()) {
        inputs.region =
            RegionSelector(resolve_region_options(request.regions, inputs.divisions, issues));
    }
    inputs.summary =
        check_inputs(inputs.dataset, inputs.chain ? &*inputs.chain : nullptr,
                     inputs.region ? &*inputs.region : nullptr, issues, &inputs.divisions);
    if (!request.criteria.empty()) inputs.criteria = load_criteria(request.criteria, issues);
    if (!request.io_table.empty()) {
        IoReadOptions options;
        options.year = request.io_year;
        inputs.io_table =
            read_io_table(request.io_table, request.io_table.string(), issues, options);
        if (inputs.chain && inputs.chain->io_sectors.empty()) {
            issues.error(
                (std::filesystem::path(inputs.chain->folder) / "io_sectors.csv").string(), 0,
                msg("template {} has no io_sectors.csv (segment -> sector codes), which the "
                    "input-output table needs",
                    inputs.chain->id));
        }
    }

    return inputs;
}

Results run(std::shared_ptr<const Inputs> inputs, const RunOptions& options) {
    if (!inputs) throw RunRefused("no inputs");
    if (!inputs->ok()) throw RunRefused("the inputs have errors (Inputs::issues lists them)");
    if (!inputs->chain || !inputs->region) {
        throw RunRefused("an analysis needs a chain template and a region");
    }
    if (auto errors = check_options(options.analysis); !errors.empty()) {
        throw RunRefused("an option is out of range", std::move(errors));
    }
    if (auto year = check_year(inputs->dataset, options.year); !year.errors.empty()) {
        throw RunRefused("the year cannot be used", std::move(year.errors));
    }
    Results results;
    results.inputs = inputs;
    results.context = std::make_unique<AnalysisContext>(make_context(
        inputs->dataset, *inputs->chain, *inputs->region, options.year, options.analysis.threads));
    results.analysis = analyze(*results.context, options.analysis);
    if (inputs->io_table) {
        results.io_linkages = io_linkages(*inputs->io_table);
        results.extension = extend_chain(*inputs->chain, *inputs->io_table, *results.io_linkages);
    }
    if (inputs->criteria) {
        results.diagnostics =
            diagnose(*results.context, &results.analysis.cohesion, *inputs->criteria);
    }
    return results;
}

}  // namespace icn
