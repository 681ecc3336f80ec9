// SPDX-License-Identifier: MIT
// National input-output tables in the layout of the NBS tables (and WIOD's, below) (SPEC 3.7;
// docs/io.md): one row and one column per sector (Code, Description, DescriptionInChinese),
// intermediate flows Z (supplier row i, user column j), final-use columns (FU202 inventory change,
// EX exports, IM imports entered as a positive number), GO gross output, and the rows TII, TVA, TI.
// The 2017/2018/2020 42-sector tables come with an `Origin` column, Domestic rows then Imports rows
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
    std::string source = "NBS";      // NBS or WIOD
    std::optional<int> year;         // WIOD: the year read
    bool non_competitive = false;
    std::size_t size() const { return codes.size(); }
    double flow(std::size_t i, std::size_t j) const { return z[i * size() + j]; }
};

struct IoReadOptions {
    double tolerance = 1e-6;  // relative imbalance allowed in the identities (NBS tables: exact)
    std::optional<int> year;  // a file with several years (WIOD): which; default the latest
};

// The layout is recognised from the header: NBS (`Code,Description,DescriptionInChinese,...`),
// WIOD national tables (`Year;Code;Description;Origin;...`, `;`-separated, numbers rounded to
// whole millions with spaces as thousands separators: a sum of k such numbers may be off by k/2,
// which the identity checks allow besides `tolerance`). A BEA use table (commodity by industry,
// without its make table) is refused: it cannot give industry-by-industry coefficients.
std::optional<IoTable> read_io_table(const std::filesystem::path& path, const std::string& display,
                                     Issues& issues, const IoReadOptions& options = {});

}  // namespace icn
