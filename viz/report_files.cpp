// SPDX-License-Identifier: MIT
#include "viz/report_files.hpp"

#include <map>

#include "viz/document.hpp"
#include "viz/docx.hpp"
#include "viz/dot_writer.hpp"
#include "viz/firm_directory.hpp"
#include "viz/network_diagram.hpp"
#include "viz/print_pdf.hpp"
#include "viz/render.hpp"
#include "viz/report_json.hpp"
#include "viz/tables.hpp"
#include "viz/workbook.hpp"

namespace icn {

std::vector<ReportNote> write_report_files(const ReportInput& report,
                                           const std::set<std::string>& formats,
                                           const ReportTools& tools, StagedOutput& output,
                                           ProgressSink* progress) {
    std::vector<ReportNote> notes;
    const auto wants = [&](const char* format) { return formats.count(format) != 0; };
    // Diagrams: DOT text, rendered by Graphviz in a child process with a time limit.
    const auto render = [&](const std::string& dot, const std::string& name,
                            const std::string& format) {
        const std::string file = name + "." + format;
        const auto rendered = render_dot(dot, format);
        if (!rendered) {
            notes.push_back({ReportNote::Kind::not_rendered, file, {}});
            return std::string();
        }
        if (rendered->fell_back) {
            notes.push_back({ReportNote::Kind::simpler_layout, file, rendered->layout});
        }
        return rendered->data;
    };
    const bool pdf = wants("pdf") && tools.chromium;
    const bool docx = wants("docx") && tools.pandoc;
    const bool html = wants("html") || pdf;
    const bool text = html || wants("md") || docx;
    const bool diagrams = text || wants("svg") || wants("png");
    const std::string chain_text = diagrams ? chain_dot(report) : std::string();
    const std::string network_text = diagrams ? network_dot(report) : std::string();
    const std::vector<SegmentView> views =
        diagrams ? segment_views(report) : std::vector<SegmentView>();
    std::vector<std::string> view_texts;
    for (const SegmentView& view : views)
        view_texts.push_back(segment_network_dot(report, view.segment));
    std::string chain_svg, network_svg;
    std::vector<FigureFile> view_figures;
    for (const SegmentView& view : views) {
        view_figures.push_back(
            {view.file_stem + ".svg", {}, segment_view_caption(report, view.segment)});
    }
    if (wants("svg") || wants("html") || wants("pdf") || wants("md")) {
        Progress drawing(progress, "drawing", 2 + views.size());
        chain_svg = render(chain_text, "chain", "svg");
        drawing.update(1);
        network_svg = render(network_text, "network", "svg");
        drawing.update(2);
        for (std::size_t i = 0; i < views.size(); ++i) {
            view_figures[i].svg = render(view_texts[i], views[i].file_stem, "svg");
            drawing.update(3 + i);
        }
    }
    Document document;
    if (text) document = build_report_document(report, chain_svg, network_svg, view_figures);
    if (html)
        document.directory = std::make_shared<const FirmDirectory>(build_firm_directory(report));

    if (wants("json")) output.write("report.json", report_json(report).dump(2) + "\n");
    if (html) output.write("report.html", to_html(document));
    if (pdf) {
        Progress printing(progress, "printing report.pdf", 1);
        const std::string failed =
            print_pdf(*tools.chromium, output.path("report.html"), output.path("report.pdf"));
        if (!failed.empty()) {
            notes.push_back({ReportNote::Kind::not_written, "report.pdf", failed});
            std::error_code ec;
            std::filesystem::remove(output.path("report.pdf"), ec);
        }
        if (!wants("html")) std::filesystem::remove(output.path("report.html"));
    }
    if (wants("md")) output.write("report.md", to_markdown(document));
    if (wants("svg")) {
        output.write("chain.dot", chain_text);
        output.write("network.dot", network_text);
        if (!chain_svg.empty()) output.write("chain.svg", chain_svg);
        if (!network_svg.empty()) output.write("network.svg", network_svg);
        for (std::size_t i = 0; i < views.size(); ++i) {
            output.write(views[i].file_stem + ".dot", view_texts[i]);
            if (!view_figures[i].svg.empty())
                output.write(view_figures[i].file, view_figures[i].svg);
        }
    }
    std::map<std::string, std::string> pngs;
    if (wants("png") || docx) {
        pngs["chain.png"] = render(chain_text, "chain", "png");
        pngs["network.png"] = render(network_text, "network", "png");
        for (std::size_t i = 0; i < views.size(); ++i) {
            pngs[views[i].file_stem + ".png"] = render(view_texts[i], views[i].file_stem, "png");
        }
    }
    if (wants("png")) {
        for (const auto& [name, png] : pngs) {
            if (!png.empty()) output.write(name, png);
        }
    }
    if (docx) {
        Progress writing(progress, "writing report.docx", 1);
        const std::string failed =
            write_docx(*tools.pandoc, filing_document(document), pngs, output.path("report.docx"));
        if (!failed.empty()) {
            notes.push_back({ReportNote::Kind::not_written, "report.docx", failed});
            std::error_code ec;
            std::filesystem::remove(output.path("report.docx"), ec);
        }
    }
    if (wants("xlsx")) write_workbook(report_tables(report), output.path("report.xlsx"));
    if (wants("csv")) {
        output.write("gaps.csv", gaps_csv(report));
        output.write("attract.csv", attract_csv(report));
        output.write("match.csv", match_csv(report));
        output.write("leaders.csv", leaders_csv(report));
    }
    return notes;
}

}  // namespace icn
