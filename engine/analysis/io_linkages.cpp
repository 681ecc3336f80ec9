// SPDX-License-Identifier: MIT
#include "engine/analysis/io_linkages.hpp"

#include <Eigen/Dense>

namespace icn {

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
    out.sectors.resize(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        SectorLinkage& s = out.sectors[static_cast<std::size_t>(i)];
        s.backward = static_cast<double>(n) * column_sums(i) / total;
        s.forward = static_cast<double>(n) * row_sums(i) / total;
        s.key = s.backward > 1 && s.forward > 1;
        s.upstreamness = upstream(i);
        s.downstreamness = column_sums(i);
    }
    return out;
}

}  // namespace icn
