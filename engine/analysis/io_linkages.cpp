// SPDX-License-Identifier: MIT
#include "engine/analysis/io_linkages.hpp"

#include <Eigen/Dense>
#include <Eigen/IterativeLinearSolvers>
#include <Eigen/Sparse>
#include <Eigen/SparseLU>

namespace icn {
namespace {

// SPEC 3.7's indices from L's row sums, column sums and total, and the upstreamness.
std::vector<SectorLinkage> sector_indices(const Eigen::VectorXd& row_sums,
                                          const Eigen::VectorXd& column_sums,
                                          const Eigen::VectorXd& upstream, double total) {
    const Eigen::Index n = row_sums.size();
    std::vector<SectorLinkage> sectors(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        SectorLinkage& s = sectors[static_cast<std::size_t>(i)];
        s.backward = static_cast<double>(n) * column_sums(i) / total;
        s.forward = static_cast<double>(n) * row_sums(i) / total;
        s.key = s.backward > 1 && s.forward > 1;
        s.upstreamness = upstream(i);
        s.downstreamness = column_sums(i);
    }
    return sectors;
}

}  // namespace

IoLinkages io_linkages(const IoTable& t) {
    const auto n = static_cast<Eigen::Index>(t.size());
    IoLinkages out;
    if (n == 0) return out;
    Eigen::MatrixXd a(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) {
            const double x = t.total_input[static_cast<std::size_t>(j)];
            a(i, j) =
                x > 0 ? t.flow(static_cast<std::size_t>(i), static_cast<std::size_t>(j)) / x : 0.0;
        }
    }
    const Eigen::MatrixXd leontief_matrix = Eigen::MatrixXd::Identity(n, n) - a;
    const Eigen::PartialPivLU<Eigen::MatrixXd> lu(leontief_matrix);
    const Eigen::MatrixXd l = lu.inverse();
    out.condition = leontief_matrix.cwiseAbs().colwise().sum().maxCoeff() *
                    l.cwiseAbs().colwise().sum().maxCoeff();
    const double total = l.sum();
    const Eigen::VectorXd column_sums = l.colwise().sum().transpose();
    const Eigen::VectorXd row_sums = l.rowwise().sum();

    // Upstreamness: Delta_ij = Z_ij / (GO_i - EX_i + IM_i - INV_i); a sector whose corrected
    // output is not positive sells nothing to be measured: its row is left at zero (U = 1).
    const std::vector<double>& z = t.non_competitive ? t.domestic_z : t.z;
    Eigen::MatrixXd delta = Eigen::MatrixXd::Zero(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const double corrected = t.gross_output[k] - t.exports[k] + t.imports[k] - t.inventory[k];
        if (!(corrected > 0)) continue;
        for (Eigen::Index j = 0; j < n; ++j) {
            delta(i, j) = z[k * t.size() + static_cast<std::size_t>(j)] / corrected;
        }
    }
    const Eigen::VectorXd upstream =
        (Eigen::MatrixXd::Identity(n, n) - delta).partialPivLu().solve(Eigen::VectorXd::Ones(n));

    out.a.resize(static_cast<std::size_t>(n * n));
    out.leontief.resize(static_cast<std::size_t>(n * n));
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) {
            out.a[static_cast<std::size_t>(i * n + j)] = a(i, j);
            out.leontief[static_cast<std::size_t>(i * n + j)] = l(i, j);
        }
    }
    out.sectors = sector_indices(row_sums, column_sums, upstream, total);
    return out;
}

IoLinkages io_linkages_sparse(const IoTable& t) {
    using Sparse = Eigen::SparseMatrix<double>;
    const auto n = static_cast<Eigen::Index>(t.size());
    IoLinkages out;
    if (n == 0) return out;
    std::vector<Eigen::Triplet<double>> m, m_t, d;
    const std::vector<double>& z = t.non_competitive ? t.domestic_z : t.z;
    for (Eigen::Index i = 0; i < n; ++i) {
        m.emplace_back(i, i, 1.0);
        m_t.emplace_back(i, i, 1.0);
        d.emplace_back(i, i, 1.0);
        const auto k = static_cast<std::size_t>(i);
        const double corrected = t.gross_output[k] - t.exports[k] + t.imports[k] - t.inventory[k];
        for (Eigen::Index j = 0; j < n; ++j) {
            const auto l = static_cast<std::size_t>(j);
            const double flow = t.flow(k, l);
            const double x = t.total_input[l];
            if (flow != 0 && x > 0) {
                m.emplace_back(i, j, -flow / x);
                m_t.emplace_back(j, i, -flow / x);
            }
            if (corrected > 0 && z[k * t.size() + l] != 0)
                d.emplace_back(i, j, -z[k * t.size() + l] / corrected);
        }
    }
    // BiCGSTAB (Krylov, diagonal preconditioner): for a productive economy the spectral radius
    // of A is below 1 and it converges in a few dozen products with the sparse matrix, where a
    // sparse LU of a table with scattered suppliers fills in.
    const auto solve = [n](std::vector<Eigen::Triplet<double>>& entries) {
        Sparse matrix(n, n);
        matrix.setFromTriplets(entries.begin(), entries.end());
        matrix.makeCompressed();
        Eigen::BiCGSTAB<Sparse> solver;
        solver.setTolerance(1e-15);
        solver.setMaxIterations(10000);
        solver.compute(matrix);
        Eigen::VectorXd x = solver.solve(Eigen::VectorXd::Ones(n));
        if (solver.info() != Eigen::Success) {  // fall back on the direct solver
            Eigen::SparseLU<Sparse, Eigen::COLAMDOrdering<int>> lu;
            lu.compute(matrix);
            x = lu.solve(Eigen::VectorXd::Ones(n));
        }
        return x;
    };
    const Eigen::VectorXd row_sums = solve(m);       // L 1
    const Eigen::VectorXd column_sums = solve(m_t);  // L^T 1
    const Eigen::VectorXd upstream = solve(d);
    const double total = row_sums.sum();
    out.sectors = sector_indices(row_sums, column_sums, upstream, total);
    return out;
}

}  // namespace icn
