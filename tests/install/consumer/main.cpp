// SPDX-License-Identifier: MIT
// consumer DATASET CHAIN_FOLDER REGION: loads and analyses a cluster through the installed
// engine API and prints "local_firms gaps leader_id", or the problems with exit status 2.
#include <cstdio>
#include <memory>

#include "engine/api.hpp"

int main(int argc, char** argv) {
    if (argc != 4) return 64;
    icn::LoadRequest request;
    request.dataset = argv[1];
    request.chain = argv[2];
    request.regions = {argv[3]};
    auto inputs = std::make_shared<const icn::Inputs>(icn::load(request));
    if (!inputs->ok()) {
        for (const icn::Issue& issue : inputs->issues.sorted()) {
            std::printf("%s\n", icn::format_issue(issue).c_str());
        }
        return 2;
    }
    const icn::Results results = icn::run(inputs, {});
    const auto& leaders = results.analysis.leaders.ranked;
    std::printf("%zu %zu %s\n", results.context->selection.local.size(),
                results.analysis.gaps.gaps.size(),
                leaders.empty() ? "-" : inputs->dataset.firms[leaders.front().firm].id.c_str());
    return 0;
}
