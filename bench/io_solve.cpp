// SPDX-License-Identifier: MIT
// Dense LU against SparseLU for the Leontief indices (docs/io.md): a synthetic table of N
// sectors (default 5,000), each buying from 30 random suppliers with input coefficients summing
// to at most 0.6, the rest final use. Prints the time of each and the largest relative difference
// of their indices.
//   build/release/bench/icn_bench_io [N]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "engine/analysis/io_linkages.hpp"

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? static_cast<std::size_t>(std::atol(argv[1])) : 5000;
    icn::IoTable t;
    t.display = "synthetic";
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    t.z.assign(n * n, 0.0);
    t.total_input.assign(n, 0.0);
    for (std::size_t j = 0; j < n; ++j) t.total_input[j] = 1000.0 + 9000.0 * unit(rng);
    for (std::size_t j = 0; j < n; ++j) {
        const double share = 0.6 * unit(rng);
        for (int s = 0; s < 30; ++s) t.z[pick(rng) * n + j] += share / 30 * t.total_input[j];
    }
    for (std::size_t i = 0; i < n; ++i) {
        t.codes.push_back(std::to_string(i));
        t.names_en.push_back("sector " + std::to_string(i));
    }
    t.names_zh = t.names_en;
    t.gross_output = t.total_input;
    t.exports.assign(n, 0.0);
    t.imports.assign(n, 0.0);
    t.inventory.assign(n, 0.0);
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const icn::IoLinkages sparse = icn::io_linkages_sparse(t);
    const auto t1 = Clock::now();
    const icn::IoLinkages dense = icn::io_linkages(t);
    const auto t2 = Clock::now();
    double worst = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto rel = [](double a, double b) {
            return std::abs(a - b) / std::max(1.0, std::abs(b));
        };
        worst = std::max({worst, rel(sparse.sectors[i].backward, dense.sectors[i].backward),
                          rel(sparse.sectors[i].forward, dense.sectors[i].forward),
                          rel(sparse.sectors[i].upstreamness, dense.sectors[i].upstreamness)});
    }
    std::printf(
        "sectors %zu: sparse (BiCGSTAB) %.3f s, dense LU (with the full inverse) %.3f s, "
        "largest relative difference %.2e\n",
        n, std::chrono::duration<double>(t1 - t0).count(),
        std::chrono::duration<double>(t2 - t1).count(), worst);
    return worst < 1e-8 ? 0 : 1;
}
