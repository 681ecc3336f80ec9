// SPDX-License-Identifier: MIT
// The CLI's progress sink: "reading links.csv  42%" on stderr, only when stderr is a terminal
// and --quiet was not given.
#pragma once

#include "engine/util/progress.hpp"

namespace icn::cli {

// The sink of this run (reads --quiet from the global options when first asked); nullptr when
// progress is not shown.
ProgressSink* terminal_progress();

}  // namespace icn::cli
