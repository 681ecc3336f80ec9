// SPDX-License-Identifier: MIT
// 延链: where a chain can grow, from a national input-output table (docs/io.md). The template's
// sectors T come from its io_sectors.csv. For every goods-producing sector k outside T (the
// sectors before electricity in the table's order: agriculture, mining, manufacturing),
// - upstream strength: the mean over t in T of L[k][t], k's output needed, directly and
//   indirectly, per unit of final demand for t's products: a supplier the chain could add;
// - downstream strength: the mean over t in T of L[t][k], the chain's output needed per unit of
//   final demand for k's products: a user the chain could serve.
// The strongest of each, with the template sector each leans on most. Sector-level evidence,
// not firm-level: which firms to approach is the attract list's work.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/analysis/io_linkages.hpp"
#include "engine/io/read_io_table.hpp"
#include "models/chain_template.hpp"

namespace icn {

inline constexpr std::size_t kExtensionTop = 10;  // candidates per direction

struct ExtensionCandidate {
    std::size_t sector = 0;   // table index
    double strength = 0;      // mean total requirement (see above)
    std::size_t via = 0;      // the template sector (table index) it is most linked with
    double via_strength = 0;  // L[k][via] upstream, L[via][k] downstream
};

struct ChainExtension {
    std::vector<std::size_t> template_sectors;  // T, table indices, in io_sectors.csv order
    std::vector<std::string> unknown_codes;     // io_sectors.csv codes the table does not have
    std::size_t goods_sectors = 0;              // sectors considered (before electricity)
    std::vector<ExtensionCandidate> upstream, downstream;  // strongest first
};

ChainExtension extend_chain(const ChainTemplate& chain, const IoTable& table,
                            const IoLinkages& linkages, std::size_t top = kExtensionTop);

}  // namespace icn
