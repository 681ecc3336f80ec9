// SPDX-License-Identifier: MIT
// Reads a criteria file (models/criteria/*.csv). Every problem is a FILE:LINE issue: unknown
// column, unknown measure, bad comparison, threshold not a number, missing source, repeated id.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "engine/io/text_file.hpp"
#include "models/criteria.hpp"
#include "models/issue.hpp"

namespace icn {

// The measures ICN can compute; a criteria file may use only these.
const std::vector<std::string>& known_measures();

CriteriaStandard read_criteria(TextFile file, Issues& issues);

// --criteria: a file, or the id of a shipped standard (default national-2022).
std::optional<CriteriaStandard> load_criteria(const std::string& criteria, Issues& issues);

}  // namespace icn
