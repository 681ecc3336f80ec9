// SPDX-License-Identifier: MIT
// report.docx: the report arranged as the cluster section of an application (集群基本情况,
// 产业链图谱与缺口, 链主与协作网络, 认定条件对照), written by pandoc (Debian's pandoc, an optional
// run-time tool) from pandoc Markdown, with a reference document made at run time from pandoc's
// own: A4, CJK fonts (宋体 body, 黑体 headings, which Word and WPS on a planner's machine have),
// tables with borders. Diagrams are PNG images.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "viz/document.hpp"

namespace icn {

// $ICN_PANDOC, else pandoc on PATH.
std::optional<std::filesystem::path> find_pandoc();

// The report's sections rearranged into the chapters of an application's cluster section;
// sub-sections renumbered, diagrams moved beside the text they illustrate and pointed at their
// PNG files (chain.png, network.png).
Document filing_document(const Document& report);

// Pandoc Markdown of a document: every ASCII punctuation character of a text escaped (so no name
// becomes markup), pipe tables whose column widths follow their content, figures as images no
// wider than the text and no taller than a page. `image_sizes`: a figure's file -> its PNG's
// width and height in pixels.
std::string to_pandoc_markdown(const Document& document,
                               const std::map<std::string, std::pair<int, int>>& image_sizes);

// Width and height of PNG bytes, nullopt when they are not a PNG.
std::optional<std::pair<int, int>> png_size(const std::string& png);

// Writes `docx` from the filing document and its images (file name -> PNG bytes). Returns "" on
// success, else what went wrong (English, for the user).
std::string write_docx(const std::filesystem::path& pandoc, const Document& filing,
                       const std::map<std::string, std::string>& images,
                       const std::filesystem::path& docx, double seconds = 120);

}  // namespace icn
