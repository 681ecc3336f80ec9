// SPDX-License-Identifier: MIT
// icn chains: the chain templates shipped in models/chains/.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "engine/io/read_dataset.hpp"

namespace icn::cli {
namespace {

int run_chains() {
    std::set<std::string> seen;
    for (const auto& dir : chain_search_path()) {
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) continue;
        std::vector<std::filesystem::path> folders;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            if (entry.is_directory()) folders.push_back(entry.path());
        }
        std::sort(folders.begin(), folders.end());
        for (const auto& folder : folders) {
            const std::string id = folder.filename().string();
            if (!seen.insert(id).second) continue;
            Issues issues;
            const ChainTemplate chain = read_chain_template(folder, folder.string(), issues);
            if (issues.has_errors()) {
                std::printf("%-20s (unreadable: %zu errors)\n", id.c_str(), issues.error_count());
                continue;
            }
            std::string title;
            std::ifstream readme(folder / "README.md");
            std::getline(readme, title);
            if (title.rfind("# ", 0) == 0) title = title.substr(2);
            std::printf("%-20s %2zu segments %2zu flows  %s\n", id.c_str(), chain.segments.size(),
                        chain.flows.size(), title.c_str());
        }
    }
    if (seen.empty()) {
        std::fprintf(stderr, "icn chains: no shipped templates found\n");
        return kExitFault;
    }
    return kExitOk;
}

}  // namespace

void setup_chains(CLI::App& app) {
    CLI::App* cmd = app.add_subcommand("chains", "List the chain templates shipped with icn");
    cmd->callback([] { exit_status() = run_chains(); });
}

}  // namespace icn::cli
