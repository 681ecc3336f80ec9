// SPDX-License-Identifier: MIT
// Times the phases of loading a dataset: read + decode + checksum, firms, links, network.
// Usage: icn_bench_load DATASET [--region R]. Prints one line per phase (seconds).
#include <chrono>
#include <cstdio>
#include <string>
#include <sys/resource.h>

#include <fmt/format.h>

#include "engine/graph/network.hpp"
#include "engine/io/read_dataset.hpp"
#include "engine/io/text_file.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: icn_bench_load DATASET\n");
        return 2;
    }
    using clock = std::chrono::steady_clock;
    const std::filesystem::path folder = argv[1];
    auto t0 = clock::now();
    const auto lap = [&](const char* phase) {
        const auto t1 = clock::now();
        std::printf("%-22s %.3f s\n", phase, std::chrono::duration<double>(t1 - t0).count());
        t0 = t1;
    };
    icn::Issues issues;
    if (argc > 2 && std::string(argv[2]) == "--phases") {
        icn::Dataset dataset;
        auto firms = icn::read_text_file(folder / "firms.csv", "firms.csv", issues);
        lap("firms.csv bytes");
        icn::read_firms(std::move(*firms), dataset, issues);
        lap("firms parse");
        auto links = icn::read_text_file(folder / "links.csv", "links.csv", issues);
        lap("links.csv bytes");
        icn::read_links(std::move(*links), dataset, issues);
        lap("links parse");
        return 0;
    }
    const auto start = clock::now();
    icn::Dataset dataset = icn::read_dataset(folder, folder.string(), issues);
    lap("read_dataset");
    const auto network =
        icn::Network::from_links(static_cast<std::uint32_t>(dataset.firms.size()), dataset.links);
    lap("network (CSR)");
    std::printf("%-22s %.3f s\n", "load total",
                std::chrono::duration<double>(clock::now() - start).count());
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%-22s %.0f MB\n", "peak RSS", usage.ru_maxrss / 1024.0);
    std::printf("firms %zu links %zu edges %zu errors %zu\n", dataset.firms.size(),
                dataset.links.size(), network.edge_count(), issues.error_count());
    return issues.has_errors() ? 2 : 0;
}
