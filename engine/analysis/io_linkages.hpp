// SPDX-License-Identifier: MIT
// Sector linkages from an input-output table (SPEC 3.7; docs/io.md): direct input coefficients
// A = Z diag(x)^-1, the Leontief inverse L = (I - A)^-1 (Eigen, dense LU with partial pivoting;
// the 1-norm condition number reported), Rasmussen-Hirschman backward and forward linkage
// indices (key sectors: both above 1), and upstreamness (Antras, Chor, Fally & Hillberry 2012),
// U = (I - Delta)^-1 1 with Delta_ij = Z_ij / (GO_i - EX_i + IM_i - INV_i), the open-economy and
// inventory correction; downstreamness, the column sums of L (Fally 2012's number of production
// stages embodied in a unit of j's output; Antras & Chor 2018). Time O(n^3) for n sectors; 153
// sectors take milliseconds.
#pragma once

#include <vector>

#include "engine/io/read_io_table.hpp"

namespace icn {

struct SectorLinkage {
    double backward = 0;  // n x column sum of L / sum of L
    double forward = 0;   // n x row sum of L / sum of L
    bool key = false;     // both above 1
    double upstreamness = 1;
    double downstreamness = 1;  // column sum j of L: production stages embodied (Fally 2012)
};

struct IoLinkages {
    std::vector<double> a;         // n x n, row-major
    std::vector<double> leontief;  // n x n, row-major
    double condition = 0;          // 1-norm condition number of I - A
    std::vector<SectorLinkage> sectors;
};

IoLinkages io_linkages(const IoTable& table);

// The same indices for large tables (regional or multi-regional, thousands of sectors) without
// forming the dense inverse: three sparse solves against a vector of ones, on I - A, on its
// transpose and on I - Delta (Eigen's BiCGSTAB to 1e-15, SparseLU where it does not converge),
// give L's row sums, column sums and upstreamness. `a`
// and `leontief` stay empty and `condition` is 0 (not estimated). bench/io_solve.cpp compares
// it with the dense path.
IoLinkages io_linkages_sparse(const IoTable& table);

}  // namespace icn
