// SPDX-License-Identifier: MIT
#include "viz/docx.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>
#include <zip.h>

#include <fmt/format.h>

#include "engine/io/values.hpp"
#include "viz/child_process.hpp"

namespace icn {
namespace {

using Kind = DocBlock::Kind;

// "一、摘要" -> "摘要", "3. Chain leaders" -> "Chain leaders".
std::string without_number(const std::string& heading) {
    const std::string comma = "、";
    if (const auto at = heading.find(comma); at != std::string::npos && at <= 6) {
        return heading.substr(at + comma.size());
    }
    std::size_t i = 0;
    while (i < heading.size() && heading[i] >= '0' && heading[i] <= '9') ++i;
    if (i > 0 && heading.compare(i, 2, ". ") == 0) return heading.substr(i + 2);
    return heading;
}

const char* chinese_numeral(std::size_t n) {
    static const char* numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    return n >= 1 && n <= 10 ? numerals[n - 1] : "";
}

struct Section {
    std::string title;
    std::vector<DocBlock> blocks;
};

}  // namespace

std::optional<std::filesystem::path> find_pandoc() {
    return find_program("ICN_PANDOC", {"pandoc"});
}

Document filing_document(const Document& report) {
    const bool zh = report.lang == "zh";
    std::vector<DocBlock> preamble;
    std::map<std::string, Section> sections;
    std::vector<DocBlock> figures;
    Section* current = nullptr;
    for (const DocBlock& block : report.blocks) {
        if (block.kind == Kind::heading && block.level == 2) {
            current = &sections[block.section];
            current->title = without_number(block.text);
            continue;
        }
        if (block.kind == Kind::figure) {
            figures.push_back(block);
            continue;
        }
        (current != nullptr ? current->blocks : preamble).push_back(block);
    }
    const auto figure = [&](const std::string& svg_file) -> std::optional<DocBlock> {
        for (DocBlock f : figures) {
            if (f.file != svg_file) continue;
            f.file = std::filesystem::path(f.file).replace_extension(".png").string();
            f.svg.clear();
            return f;
        }
        return std::nullopt;
    };

    Document doc;
    doc.lang = report.lang;
    doc.title = report.title;
    doc.subtitle = report.subtitle;
    doc.blocks = preamble;
    struct Chapter {
        const char* zh;
        const char* en;
        std::vector<std::string> parts;  // section ids, or "figure:FILE"
    };
    const std::vector<Chapter> chapters = {
        {"集群基本情况", "The cluster", {"summary", "cohesion"}},
        {"产业链图谱与缺口",
         "The chain and its gaps",
         {"figure:chain.svg", "gaps", "figures:network-", "recommendations"}},
        {"链主与协作网络",
         "Chain leaders and the supply network",
         {"leaders", "figure:network.svg", "resilience"}},
        {"认定条件对照", "The programme's criteria", {"diagnostics"}},
    };
    std::size_t chapter_number = 0;
    for (const Chapter& chapter : chapters) {
        ++chapter_number;
        DocBlock heading;
        heading.kind = Kind::heading;
        heading.level = 2;
        heading.text = zh ? fmt::format("{}、{}", chinese_numeral(chapter_number), chapter.zh)
                          : fmt::format("{}. {}", chapter_number, chapter.en);
        doc.blocks.push_back(heading);
        std::size_t sub = 0;
        bool any = false;
        for (const std::string& part : chapter.parts) {
            if (part.rfind("figures:", 0) == 0) {  // every figure whose file starts so
                for (DocBlock f : figures) {
                    if (f.file.rfind(part.substr(8), 0) != 0) continue;
                    f.file = std::filesystem::path(f.file).replace_extension(".png").string();
                    f.svg.clear();
                    doc.blocks.push_back(std::move(f));
                    any = true;
                }
                continue;
            }
            if (part.rfind("figure:", 0) == 0) {
                if (auto f = figure(part.substr(7))) {
                    doc.blocks.push_back(std::move(*f));
                    any = true;
                }
                continue;
            }
            const auto found = sections.find(part);
            if (found == sections.end()) continue;
            any = true;
            const bool single = chapter.parts.size() == 1;
            if (!single) {
                ++sub;
                DocBlock h;
                h.kind = Kind::heading;
                h.level = 3;
                h.text = zh ? fmt::format("（{}）{}", chinese_numeral(sub), found->second.title)
                            : fmt::format("{}.{} {}", chapter_number, sub, found->second.title);
                doc.blocks.push_back(h);
            }
            for (DocBlock block : found->second.blocks) {
                if (block.kind == Kind::heading && !single) block.level += 1;
                doc.blocks.push_back(std::move(block));
            }
        }
        if (!any) {
            DocBlock none;
            none.kind = Kind::note;
            none.text = zh ? "本报告未包含此部分（未给出评价标准）。"
                           : "This report has no such part (no criteria were given).";
            doc.blocks.push_back(none);
        }
    }
    if (const auto appendix = sections.find("appendix"); appendix != sections.end()) {
        DocBlock heading;
        heading.kind = Kind::heading;
        heading.level = 2;
        heading.text = appendix->second.title;
        doc.blocks.push_back(heading);
        for (const DocBlock& block : appendix->second.blocks) doc.blocks.push_back(block);
    }
    return doc;
}

namespace {

// Inert in pandoc Markdown: every ASCII punctuation character escaped (all_symbols_escapable),
// line breaks made spaces.
std::string pandoc_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char ch : text) {
        if (ch == '\n' || ch == '\r' || ch == '\t') {
            out += ' ';
        } else if (std::ispunct(static_cast<unsigned char>(ch)) != 0) {
            out += '\\';
            out += ch;
        } else {
            out += ch;
        }
    }
    return out;
}

// Columns a text takes in a monospaced view: two for CJK and full-width characters.
std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (const char32_t c : utf8_code_points(text)) width += c >= 0x1100 ? 2 : 1;
    return width;
}

// Display columns per table column within the text width (16 cm of 10.5 pt text: about 84).
std::vector<std::size_t> column_widths(const DocTable& t) {
    constexpr std::size_t kBudget = 84, kShort = 14, kPadding = 2;
    std::vector<std::size_t> need(t.header.size(), 0);
    for (std::size_t i = 0; i < t.header.size(); ++i) {
        need[i] = std::min<std::size_t>(display_width(t.header[i]), 8);
        for (const auto& row : t.rows) {
            if (i < row.size()) need[i] = std::max(need[i], display_width(row[i]));
        }
        need[i] = std::min<std::size_t>(need[i], 60) + kPadding;
    }
    std::size_t fixed = 0, long_total = 0, long_count = 0;
    for (const std::size_t n : need) {
        if (n <= kShort + kPadding) {
            fixed += n;
        } else {
            long_total += n;
            ++long_count;
        }
    }
    if (long_count == 0 || fixed + 10 * long_count > kBudget) return need;  // proportional
    const double share = static_cast<double>(kBudget - fixed) / static_cast<double>(long_total);
    std::vector<std::size_t> widths = need;
    for (std::size_t& w : widths) {
        if (w > kShort + kPadding)
            w = std::max<std::size_t>(10, static_cast<std::size_t>(static_cast<double>(w) * share));
    }
    return widths;
}

}  // namespace

std::optional<std::pair<int, int>> png_size(const std::string& png) {
    static const std::string signature = "\x89PNG\r\n\x1a\n";
    if (png.size() < 24 || png.compare(0, 8, signature) != 0 || png.compare(12, 4, "IHDR") != 0)
        return std::nullopt;
    const auto be32 = [&](std::size_t at) {
        int v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    return std::make_pair(be32(16), be32(20));
}

std::string to_pandoc_markdown(const Document& doc,
                               const std::map<std::string, std::pair<int, int>>& image_sizes) {
    std::string out;
    for (const DocBlock& block : doc.blocks) {
        switch (block.kind) {
            case Kind::heading:
                out += std::string(static_cast<std::size_t>(block.level) - 1, '#') + " " +
                       pandoc_escape(block.text) + "\n\n";
                break;
            case Kind::paragraph:
                out += pandoc_escape(block.text) + "\n\n";
                break;
            case Kind::note:
                out += "> " + pandoc_escape(block.text) + "\n\n";
                break;
            case Kind::bullets:
                for (const auto& item : block.items) out += "- " + pandoc_escape(item) + "\n";
                out += "\n";
                break;
            case Kind::table: {
                const DocTable& t = block.table;
                // Column widths (pandoc takes them from the dashes of the separator line once a
                // line is wider than --columns): a short column gets room for its longest text,
                // the long ones share the rest by their length.
                const std::vector<std::size_t> widths = column_widths(t);
                out += "|";
                for (const auto& h : t.header) out += " " + pandoc_escape(h) + " |";
                out += "\n|";
                for (std::size_t i = 0; i < t.header.size(); ++i) {
                    const bool num = i < t.numeric.size() && t.numeric[i];
                    const std::size_t dashes = std::max<std::size_t>(3, 2 * widths[i]);
                    out += std::string(dashes, '-') + (num ? ":|" : "-|");
                }
                out += "\n";
                for (const auto& row : t.rows) {
                    out += "|";
                    for (std::size_t i = 0; i < t.header.size(); ++i) {
                        out +=
                            " " + (i < row.size() ? pandoc_escape(row[i]) : std::string()) + " |";
                    }
                    out += "\n";
                }
                out += "\n";
                break;
            }
            case Kind::explorer:
                break;  // the directory is for the browser
            case Kind::figure: {
                const auto size = image_sizes.find(block.file);
                if (size == image_sizes.end()) {
                    out += "> " + pandoc_escape(block.text) + " " +
                           (doc.lang == "zh" ? "（图未能绘制）" : "(diagram not rendered)") +
                           "\n\n";
                    break;
                }
                // At most the text width (16 cm on A4 with the reference document's margins)
                // and at most 21 cm high.
                const double aspect =
                    static_cast<double>(size->second.second) / std::max(1, size->second.first);
                const double width = std::min(16.0, 21.0 / std::max(aspect, 1e-6));
                out += fmt::format("![{}]({}){{width={:.1f}cm}}\n\n", pandoc_escape(block.text),
                                   block.file, width);
                break;
            }
        }
    }
    return out;
}

namespace {

// Every attribute that starts with `prefix` (name, =, quote and the value's start) replaced,
// value and closing quote included, by `replacement`.
void replace_attribute(std::string& xml, std::string_view prefix, std::string_view replacement) {
    for (std::size_t at = xml.find(prefix); at != std::string::npos;
         at = xml.find(prefix, at + replacement.size())) {
        const std::size_t end = xml.find('"', at + prefix.size());
        if (end == std::string::npos) return;
        xml.replace(at, end + 1 - at, replacement);
    }
}

std::optional<std::string> zip_entry(zip_t* archive, const char* name) {
    zip_stat_t st;
    if (zip_stat(archive, name, 0, &st) != 0) return std::nullopt;
    zip_file_t* file = zip_fopen(archive, name, 0);
    if (file == nullptr) return std::nullopt;
    std::string data(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t n = zip_fread(file, data.data(), st.size);
    zip_fclose(file);
    if (n != static_cast<zip_int64_t>(st.size)) return std::nullopt;
    return data;
}

// Pandoc's reference document made fit for a Chinese application: 宋体 for body text, 黑体 for
// headings, Chinese as the East Asian language, borders on tables, A4 pages.
std::string patch_reference(const std::filesystem::path& file) {
    int error = 0;
    zip_t* archive = zip_open(file.c_str(), 0, &error);
    if (archive == nullptr) return "cannot open pandoc's reference document";
    auto styles = zip_entry(archive, "word/styles.xml");
    auto document = zip_entry(archive, "word/document.xml");
    if (!styles || !document) {
        zip_discard(archive);
        return "pandoc's reference document has no word/styles.xml or word/document.xml";
    }
    // Theme fonts would override a named font: East Asian text gets named fonts instead.
    replace_attribute(*styles, "w:eastAsiaTheme=\"major", "w:eastAsia=\"SimHei\"");
    replace_attribute(*styles, "w:eastAsiaTheme=\"minor", "w:eastAsia=\"SimSun\"");
    replace_attribute(*styles, "w:eastAsia=\"en-US", "w:eastAsia=\"zh-CN\"");
    const std::string table_style = R"(w:styleId="Table">)";
    if (const auto at = styles->find(table_style); at != std::string::npos) {
        if (const auto pr = styles->find("<w:tblPr>", at); pr != std::string::npos) {
            styles->insert(pr + 9,
                           "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left "
                           "w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" "
                           "w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH "
                           "w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" "
                           "w:sz=\"4\"/></w:tblBorders>");
        }
    }
    // Table text (and tight lists) in 五号, 10.5 pt.
    if (const auto at = styles->find(R"(w:styleId="Compact")"); at != std::string::npos) {
        if (const auto pr = styles->find("</w:pPr>", at); pr != std::string::npos) {
            styles->insert(pr + 8, "<w:rPr><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr>");
        }
    }
    const std::string a4 =
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" "
        "w:right=\"1300\" w:bottom=\"1440\" w:left=\"1300\" w:header=\"851\" w:footer=\"992\" "
        "w:gutter=\"0\"/></w:sectPr>";
    for (const char* empty : {"<w:sectPr />", "<w:sectPr/>"}) {
        if (const auto at = document->find(empty); at != std::string::npos) {
            document->replace(at, std::strlen(empty), a4);
            break;
        }
    }
    zip_source_t* styles_source = zip_source_buffer(archive, styles->data(), styles->size(), 0);
    zip_source_t* document_source =
        zip_source_buffer(archive, document->data(), document->size(), 0);
    const bool ok = styles_source != nullptr && document_source != nullptr &&
                    zip_file_add(archive, "word/styles.xml", styles_source,
                                 ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) >= 0 &&
                    zip_file_add(archive, "word/document.xml", document_source,
                                 ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) >= 0;
    if (!ok) {
        zip_discard(archive);
        return "cannot rewrite pandoc's reference document";
    }
    if (zip_close(archive) != 0) {
        zip_discard(archive);
        return "cannot write pandoc's reference document";
    }
    return {};
}

}  // namespace

std::string write_docx(const std::filesystem::path& pandoc, const Document& filing,
                       const std::map<std::string, std::string>& images,
                       const std::filesystem::path& docx, double seconds) {
    const TemporaryFolder work("icn-docx");
    if (!work.ok()) return "cannot make a temporary folder";
    const std::filesystem::path reference = work.path() / "reference.docx";
    if (std::string failed =
            run_program("pandoc", {pandoc.string(), "--print-default-data-file", "reference.docx"},
                        seconds, reference);
        !failed.empty()) {
        return failed;
    }
    if (std::string failed = patch_reference(reference); !failed.empty()) return failed;
    std::map<std::string, std::pair<int, int>> sizes;
    for (const auto& [name, png] : images) {
        const auto size = png_size(png);
        if (!size) continue;
        std::ofstream(work.path() / name, std::ios::binary) << png;
        sizes[name] = *size;
    }
    const std::filesystem::path markdown = work.path() / "report.md";
    std::ofstream(markdown, std::ios::binary) << to_pandoc_markdown(filing, sizes);
    const std::vector<std::string> args = {
        pandoc.string(),
        "--from=markdown",
        "--to=docx",
        "--reference-doc=" + reference.string(),
        "--resource-path=" + work.path().string(),
        "--metadata=title:" + filing.title,
        "--metadata=subtitle:" + filing.subtitle,
        std::string("--metadata=lang:") + (filing.lang == "zh" ? "zh-CN" : "en-GB"),
        "--output=" + std::filesystem::absolute(docx).string(),
        markdown.string(),
    };
    if (std::string failed = run_program("pandoc", args, seconds); !failed.empty()) return failed;
    std::error_code ec;
    if (!std::filesystem::exists(docx, ec) || std::filesystem::file_size(docx, ec) == 0) {
        return "pandoc wrote no Word document";
    }
    return {};
}

}  // namespace icn
