// SPDX-License-Identifier: MIT
// icn chain from-io TABLE --sectors S,... --out DIR [--threshold X]: a chain template (SPEC 1.2)
// derived from a national input-output table around the chosen sectors (docs/io.md):
// segments.csv, flows.csv, io_sectors.csv and a README naming the table, sectors and threshold.
#include <cstdio>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "engine/analysis/chain_from_io.hpp"
#include "engine/io/read_io_table.hpp"
#include "engine/util/staged_output.hpp"
#include "viz/network_diagram.hpp"
#include "viz/tables.hpp"

namespace icn::cli {
namespace {

struct FromIoCommand {
    std::string table;
    std::vector<std::string> sectors;
    std::string out;
    double threshold = kFromIoThreshold;
    double tolerance = 1e-6;
    std::optional<int> year;
};

const char* tier_name(int stage) {
    return stage == 1 ? "upstream" : stage == 2 ? "midstream" : "downstream";
}

int run_from_io(const FromIoCommand& command) {
    const bool zh = global_options().zh();
    if (!(command.threshold > 0 && command.threshold < 1)) {
        throw UsageError(fmt::format(
            fmt::runtime(zh ? "--threshold 须在 0 与 1 之间（不含），现为 {}"
                            : "--threshold must be between 0 and 1 (exclusive), got {}"),
            command.threshold));
    }
    Issues issues;
    IoReadOptions read;
    read.tolerance = command.tolerance;
    read.year = command.year;
    const auto table = read_io_table(command.table, command.table, issues, read);
    std::vector<std::size_t> chosen;
    if (table) chosen = resolve_sectors(*table, command.sectors, issues);
    print_issues(issues);
    try {
        check_output_folder(command.out, {command.table});
    } catch (const OutputRefused& refused) {
        std::fprintf(stderr, "icn chain from-io: %s\n", refusal_message(refused, false).c_str());
        return kExitBadInput;
    }
    if (!table || chosen.empty() || issues.has_errors()) return kExitBadInput;
    const IoLinkages links = io_linkages(*table);
    const DerivedChain chain = derive_chain(*table, links, chosen, command.threshold);

    const auto id = [&](std::size_t segment) {
        return "s" + safe_file_part(table->codes[chain.segments[segment].sector]);
    };
    DataTable segments{"", "segments.csv", {}, {}};
    for (const char* h : {"id", "name", "tier", "name_en", "description"})
        segments.columns.push_back({h, ColumnKind::text});
    DataTable io_sectors{"", "io_sectors.csv", {}, {}};
    for (const char* h : {"segment", "sector_code", "sector_name", "basis"})
        io_sectors.columns.push_back({h, ColumnKind::text});
    std::string chosen_names;
    for (std::size_t s = 0; s < chain.segments.size(); ++s) {
        const std::size_t k = chain.segments[s].sector;
        const SectorLinkage& link = links.sectors[k];
        segments.rows.push_back(
            {{id(s), {}},
             {table->names_zh[k], {}},
             {tier_name(chain.segments[s].stage), {}},
             {table->names_en[k], {}},
             {fmt::format("{} sector {}{}; upstreamness {:.2f}", table->display, table->codes[k],
                          chain.segments[s].chosen ? " (chosen)" : "", link.upstreamness),
              {}}});
        io_sectors.rows.push_back(
            {{id(s), {}},
             {table->codes[k], {}},
             {table->names_zh[k], {}},
             {chain.segments[s].chosen ? "chosen" : "direct input coefficient above the threshold",
              {}}});
        if (chain.segments[s].chosen)
            chosen_names += (chosen_names.empty() ? "" : "、") + table->names_zh[k];
    }
    DataTable flows{"", "flows.csv", {}, {}};
    flows.columns = {
        {"from", ColumnKind::text}, {"to", ColumnKind::text}, {"weight", ColumnKind::number}};
    for (const DerivedFlow& f : chain.flows) {
        flows.rows.push_back({{id(f.from), {}}, {id(f.to), {}}, {{}, f.coefficient}});
    }
    std::string readme = fmt::format(
        "# {}产业链（由投入产出表推导）\n\n"
        "Derived by `icn chain from-io` from the input-output table `{}` ({} sectors) around the "
        "sectors {}, with threshold {:g}: segments are those sectors and every sector whose direct "
        "input coefficient to or from one of them exceeds {:g} (yuan of input per yuan of "
        "output); flows are the coefficients above {:g} between segments (weight = "
        "coefficient); tiers are the terciles of upstreamness (Antras, Chor, Fally & Hillberry "
        "2012) among the segments. {} segments, {} flows. io_sectors.csv maps each segment to its "
        "sector. A sector-level template: firms are put on it by their industry, not by a "
        "chain study; review it before use.\n\n"
        "## Sources\n- {} (national input-output table; for NBS tables: "
        "国家统计局《中国投入产出表》, "
        "producers' prices, 万元).\n- docs/io.md of ICN: the formulas.\n",
        chosen_names, command.table, table->size(), chosen_names, command.threshold,
        command.threshold, command.threshold, chain.segments.size(), chain.flows.size(),
        command.table);
    StagedOutput output(command.out, {command.table}, "icn " ICN_VERSION " chain from-io");
    output.write("segments.csv", to_csv(segments));
    output.write("flows.csv", to_csv(flows));
    output.write("io_sectors.csv", to_csv(io_sectors));
    output.write("README.md", readme);
    output.commit();
    if (!global_options().quiet) {
        std::fprintf(stderr,
                     zh ? "icn chain from-io：%zu 个环节，%zu 条关系 -> %s\n"
                        : "icn chain from-io: %zu segments, %zu flows -> %s\n",
                     chain.segments.size(), chain.flows.size(), command.out.c_str());
    }
    return kExitOk;
}

}  // namespace

void setup_chain(CLI::App& app) {
    CLI::App* chain = app.add_subcommand("chain", "Make chain templates");
    chain->require_subcommand(1);
    auto command = std::make_shared<FromIoCommand>();
    CLI::App* cmd = chain->add_subcommand(
        "from-io", "A chain template from an input-output table around chosen sectors");
    cmd->add_option("table", command->table, "Input-output table (NBS or WIOD layout)")->required();
    cmd->add_option("--sectors", command->sectors,
                    "Sectors by code or Chinese name, comma-separated (e.g. 电池,汽车整车)")
        ->required()
        ->delimiter(',');
    cmd->add_option("--out", command->out, "Template folder to write")->required();
    cmd->add_option("--threshold", command->threshold,
                    "Direct input coefficient above which a sector joins and a flow is drawn")
        ->capture_default_str();
    cmd->add_option("--tolerance", command->tolerance,
                    "Relative imbalance allowed in the table's identities")
        ->capture_default_str();
    cmd->add_option("--year", command->year, "The year of a table holding several (WIOD)");
    cmd->callback([command] { exit_status() = run_from_io(*command); });
}

}  // namespace icn::cli
