// SPDX-License-Identifier: MIT
// The report as a small document model, built once and written as HTML (self-contained, SVG
// inline) and as Markdown, so that both carry the same content.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "viz/firm_directory.hpp"
#include "viz/report_data.hpp"

namespace icn {

struct DocTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> numeric;  // per column: right-aligned
};

struct DocBlock {
    // explorer: the firm directory and firm pages (HTML only; a pointer to it elsewhere)
    enum class Kind { heading, paragraph, bullets, table, figure, note, explorer };
    Kind kind = Kind::paragraph;
    int level = 2;                   // heading level
    std::string text;                // heading, paragraph, note, figure caption
    std::vector<std::string> items;  // bullets
    DocTable table;
    std::string file;  // figure: the SVG file beside the report (Markdown links it)
    std::string svg;   // figure: the SVG text (HTML inlines it)
    // heading of a section (level 2): what the section is, for documents that arrange the
    // sections otherwise (report.docx): summary, cohesion, leaders, gaps, recommendations,
    // resilience, diagrams, diagnostics, appendix.
    std::string section;
};

struct Document {
    std::string lang;
    std::string title;
    std::string subtitle;
    std::vector<DocBlock> blocks;
    std::shared_ptr<const FirmDirectory> directory;  // firm pages; names link to them in HTML
};

// A diagram beside the report: its file (network-03-ball.svg), SVG text and caption.
struct FigureFile {
    std::string file;
    std::string svg;
    std::string caption;
};

// segment_figures: the views of the segments with gaps (viz/network_diagram.hpp).
Document build_report_document(const ReportInput& input, const std::string& chain_svg,
                               const std::string& network_svg,
                               const std::vector<FigureFile>& segment_figures = {});

std::string to_html(const Document& document);
std::string to_markdown(const Document& document);

std::string html_escape(std::string_view text);
// Text made inert in Markdown: no raw HTML, link, image, emphasis, table cell or line break.
std::string markdown_escape(std::string_view text);

}  // namespace icn
