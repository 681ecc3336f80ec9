// SPDX-License-Identifier: MIT
// Every file of the cluster report (SPEC 4) written into a staged output folder: report.json,
// .html, .md, .xlsx, .pdf (Chromium), .docx (pandoc), the diagrams as DOT, SVG and PNG, the CSV
// tables. The one writer the icn command and the Python module share; it returns what it could
// not do as asked, for the front end to say in the user's language.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/util/progress.hpp"
#include "engine/util/staged_output.hpp"
#include "viz/report_data.hpp"

namespace icn {

struct ReportTools {
    std::optional<std::filesystem::path> chromium;  // for report.pdf
    std::optional<std::filesystem::path> pandoc;    // for report.docx
};

struct ReportNote {
    enum class Kind {
        not_rendered,    // Graphviz could not draw `file`
        simpler_layout,  // `file` drawn with the simpler layout `detail`
        not_written,     // `file` not written: `detail` (English, from the tool)
    };
    Kind kind = Kind::not_written;
    std::string file;
    std::string detail;
};

// The formats known to write_report_files.
inline const std::set<std::string> kReportFormats = {"json", "html", "md",  "svg", "png",
                                                     "csv",  "xlsx", "pdf", "docx"};

// Writes the asked `formats` (pdf and docx only with their tool) into `output`, which the caller
// commits.
std::vector<ReportNote> write_report_files(const ReportInput& report,
                                           const std::set<std::string>& formats,
                                           const ReportTools& tools, StagedOutput& output,
                                           ProgressSink* progress = nullptr);

}  // namespace icn
