// SPDX-License-Identifier: MIT
// icn io TABLE [--out DIR]: a national input-output table's linkages (SPEC 3.7): io.json (one
// object per sector: code, names, backward and forward linkage, key sector, upstreamness, plus
// the Leontief inverse's condition number) and io.csv, into DIR (default ./icn-io).
#include <cstdio>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "engine/analysis/io_linkages.hpp"
#include "engine/io/read_io_table.hpp"
#include "engine/util/staged_output.hpp"
#include "viz/tables.hpp"

namespace icn::cli {
namespace {

struct IoCommand {
    std::string table;
    std::string out = "icn-io";
    bool out_given = false;
    double tolerance = 1e-6;
    std::optional<int> year;
    std::string solver = "auto";  // dense, sparse, or auto (sparse above 2,000 sectors)
};

int run_io(const IoCommand& command) {
    const bool zh = global_options().zh();
    Issues issues;
    IoReadOptions read;
    read.tolerance = command.tolerance;
    read.year = command.year;
    const auto table = read_io_table(command.table, command.table, issues, read);
    print_issues(issues);
    try {
        check_output_folder(command.out, {command.table});
    } catch (const OutputRefused& refused) {
        std::fprintf(stderr, "icn io: %s\n", refusal_message(refused, !command.out_given).c_str());
        return kExitBadInput;
    }
    if (!table || issues.has_errors()) return kExitBadInput;
    const bool sparse =
        command.solver == "sparse" || (command.solver == "auto" && table->size() > 2000);
    const IoLinkages links = sparse ? io_linkages_sparse(*table) : io_linkages(*table);
    nlohmann::ordered_json json;
    json["table"] = command.table;
    json["source"] = table->source;
    if (table->year) json["year"] = *table->year;
    json["sectors_count"] = table->size();
    json["non_competitive"] = table->non_competitive;
    json["solver"] = sparse ? "sparse" : "dense";
    if (!sparse) json["leontief_condition_1norm"] = links.condition;
    nlohmann::ordered_json sectors = nlohmann::ordered_json::array();
    DataTable csv{"", "io.csv", {}, {}};
    for (const char* h : {"code", "name_zh", "name_en"})
        csv.columns.push_back({h, ColumnKind::text});
    for (const char* h : {"backward_linkage", "forward_linkage"}) {
        csv.columns.push_back({h, ColumnKind::number});
    }
    csv.columns.push_back({"key_sector", ColumnKind::text});
    csv.columns.push_back({"upstreamness", ColumnKind::number});
    csv.columns.push_back({"downstreamness", ColumnKind::number});
    for (std::size_t i = 0; i < table->size(); ++i) {
        const SectorLinkage& s = links.sectors[i];
        sectors.push_back({{"code", table->codes[i]},
                           {"name_zh", table->names_zh[i]},
                           {"name_en", table->names_en[i]},
                           {"backward_linkage", s.backward},
                           {"forward_linkage", s.forward},
                           {"key_sector", s.key},
                           {"upstreamness", s.upstreamness},
                           {"downstreamness", s.downstreamness}});
        csv.rows.push_back({{table->codes[i], {}},
                            {table->names_zh[i], {}},
                            {table->names_en[i], {}},
                            {{}, s.backward},
                            {{}, s.forward},
                            {s.key ? "yes" : "no", {}},
                            {{}, s.upstreamness},
                            {{}, s.downstreamness}});
    }
    json["sectors"] = sectors;
    StagedOutput output(command.out, {command.table}, "icn " ICN_VERSION " io");
    output.write("io.json", json.dump(2) + "\n");
    output.write("io.csv", to_csv(csv));
    output.commit();
    if (!global_options().quiet) {
        std::size_t keys = 0;
        for (const auto& s : links.sectors) keys += s.key ? 1 : 0;
        std::fprintf(stderr,
                     zh ? "icn io：%zu 个部门，关键部门 %zu 个，(I-A) 条件数 %.1f -> %s/io.json\n"
                        : "icn io: %zu sectors, %zu key sectors, condition of I-A %.1f -> "
                          "%s/io.json\n",
                     table->size(), keys, links.condition, command.out.c_str());
    }
    return kExitOk;
}

}  // namespace

void setup_io(CLI::App& app) {
    auto command = std::make_shared<IoCommand>();
    CLI::App* cmd = app.add_subcommand(
        "io", "Linkages, key sectors and upstreamness of a national input-output table");
    cmd->add_option("table", command->table, "Input-output table (NBS layout CSV)")->required();
    cmd->add_option("--out", command->out, "Output folder (new, empty, or one ICN wrote)")
        ->capture_default_str()
        ->each([command](const std::string&) { command->out_given = true; });
    cmd->add_option("--tolerance", command->tolerance,
                    "Relative imbalance allowed in the table's identities")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 0.1));
    cmd->add_option("--year", command->year, "The year of a table holding several (WIOD)");
    cmd->add_option("--solver", command->solver,
                    "dense (LU, the full inverse), sparse (iterative, for thousands of sectors) or "
                    "auto (sparse above 2,000 sectors)")
        ->check(CLI::IsMember({"dense", "sparse", "auto"}))
        ->capture_default_str();
    cmd->callback([command] { exit_status() = run_io(*command); });
}

}  // namespace icn::cli
