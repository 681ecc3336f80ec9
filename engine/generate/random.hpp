// SPDX-License-Identifier: MIT
// A seeded generator whose sequence is the same on every platform (std's distributions are
// implementation-defined, so the generator draws its own): xoshiro256** seeded by splitmix64.
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace icn {

class Random {
public:
    explicit Random(std::uint64_t seed) {
        for (auto& word : state_) {
            seed += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            word = z ^ (z >> 31);
        }
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }    // [0, n)
    bool chance(double p) { return uniform() < p; }
    double normal() {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    double lognormal(double mu, double sigma) { return std::exp(mu + sigma * normal()); }
    double pareto(double alpha) { return std::pow(1.0 - uniform(), -1.0 / alpha); }  // >= 1

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t state_[4];
};

// Walker's alias method: draws index i with probability weights[i] / sum in O(1).
class AliasTable {
public:
    AliasTable() = default;
    explicit AliasTable(const std::vector<double>& weights);
    bool empty() const { return probability_.empty(); }
    std::size_t draw(Random& random) const;

private:
    std::vector<double> probability_;
    std::vector<std::uint32_t> alias_;
};

}  // namespace icn
