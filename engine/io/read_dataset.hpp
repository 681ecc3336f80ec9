// SPDX-License-Identifier: MIT
// Reads a dataset folder (SPEC 1.1) and chain templates (SPEC 1.2). Every file is read to its
// end and every problem lands in `issues`, so that one run reports them all (SPEC section 2).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "engine/io/text_file.hpp"
#include "engine/util/progress.hpp"
#include "models/chain_template.hpp"
#include "models/dataset.hpp"
#include "models/issue.hpp"

namespace icn {

// `display` is the folder as the user gave it; file names are appended for messages. Uses up to
// `threads` threads (0: every core). Memory running out is OutOfMemory naming the file.
// Progress of reading the two large tables goes to `progress` (none when null).
Dataset read_dataset(const std::filesystem::path& folder, const std::string& display,
                     Issues& issues, unsigned threads = 0, ProgressSink* progress = nullptr);

// Table readers, one per file; each appends to `dataset` and `issues`.
void read_firms(TextFile file, Dataset& dataset, Issues& issues, ProgressSink* progress = nullptr);
void read_links(TextFile file, Dataset& dataset, Issues& issues, unsigned threads = 0,
                ProgressSink* progress = nullptr);
void read_firm_years(TextFile file, Dataset& dataset, Issues& issues);
void read_cluster_json(const TextFile& file, Dataset& dataset, Issues& issues);
// The 集群概况 sheet of a workbook (two columns, 项目 and 内容: 集群名称, 所在县（区）,
// 面积（平方公里）, 主导产业（环节）, 产值单位, and one row per year "2023年总产值"): what
// cluster.json holds, for planners who keep it in the workbook.
void read_cluster_sheet(const TextFile& file, Dataset& dataset, Issues& issues);

// A template folder with segments.csv and flows.csv.
ChainTemplate read_chain_template(const std::filesystem::path& folder, const std::string& display,
                                  Issues& issues);
void read_segments(TextFile file, ChainTemplate& chain, Issues& issues);
void read_flows(TextFile file, ChainTemplate& chain, Issues& issues);

// --chain: a folder, or the id of a template shipped in models/chains/.
// nullopt (and an error) when neither exists.
// `display` (optional) receives the name to use in messages.
std::optional<std::filesystem::path> resolve_chain(const std::string& chain, Issues& issues,
                                                   std::string* display = nullptr);

// Folders searched for shipped templates: $ICN_CHAINS_DIR, <exe>/../share/icn/chains, the
// source tree's models/chains.
std::vector<std::filesystem::path> chain_search_path();

}  // namespace icn
