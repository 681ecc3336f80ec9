// SPDX-License-Identifier: MIT
// National input-output tables in the layout of the NBS tables (SPEC 3.7; docs/io.md): one row
// and one column per sector (Code, Description, DescriptionInChinese), intermediate flows Z
// (supplier row i, user column j), final-use columns (FU202 inventory change, EX exports, IM
// imports entered as a positive number), GO gross output, and the rows TII, TVA, TI. The
// 2017/2018/2020 42-sector tables come with an `Origin` column, Domestic rows then Imports rows
// (non-competitive imports): their blocks are added into one competitive-equivalent Z. Every
// accounting identity is checked: column sums of Z = TII, TII + TVA = TI.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "models/issue.hpp"

namespace icn {

struct IoTable {
    std::string display;
    std::vector<std::string> codes, names_en, names_zh;
    std::vector<double> z;            // n x n, row-major: z[i * n + j] = flow from i to j
    std::vector<double> total_input;  // TI per column
    std::vector<double> gross_output, exports, imports, inventory;  // per row (0 when absent)
    std::vector<double> domestic_z;  // non-competitive tables: the domestic block (else empty)
    bool non_competitive = false;
    std::size_t size() const { return codes.size(); }
    double flow(std::size_t i, std::size_t j) const { return z[i * size() + j]; }
};

// `tolerance`: the relative imbalance allowed in the identities (1e-6 for NBS tables).
std::optional<IoTable> read_io_table(const std::filesystem::path& path, const std::string& display,
                                     Issues& issues, double tolerance = 1e-6);

}  // namespace icn
