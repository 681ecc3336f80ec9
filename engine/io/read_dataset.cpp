// SPDX-License-Identifier: MIT
#include "engine/io/read_dataset.hpp"

#include <algorithm>
#include <new>

#include <fmt/format.h>

#include "engine/io/xlsx.hpp"
#include "engine/util/message.hpp"
#include "engine/util/parallel.hpp"

namespace icn {

namespace {

// Runs `read`, turning a failed allocation into OutOfMemory naming the file.
template <typename Read>
void reading(const char* file, Read&& read) {
    try {
        read();
    } catch (const OutOfMemory&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw OutOfMemory(file);
    }
}

// The sheet names a table may have in a workbook (SPEC section 1).
std::vector<std::string> sheet_names(std::string_view table) {
    if (table == "firms") return {"firms", "企业名录", "企业", "企业名单"};
    if (table == "links") return {"links", "供货关系", "供应关系", "配套关系"};
    if (table == "cluster") return {"cluster", "集群概况"};
    return {"firm_years", "历年数据", "年度数据"};
}

// Where a table of the dataset is: TABLE.csv, else TABLE.xlsx (the sheet named for the table,
// else its first visible sheet), else a sheet named for the table in the folder's one other
// workbook. A table found nowhere is `missing` (an error for firms and links, with what was
// looked for).
struct TableSource {
    std::filesystem::path csv;
    std::filesystem::path workbook;
    std::string display;
    bool named_sheet_only = false;  // the shared workbook: only a sheet named for the table
};

std::optional<TableSource> locate(const std::filesystem::path& folder, const std::string& display,
                                  std::string_view table, Issues& issues) {
    std::error_code ec;
    const std::string base(table);
    const auto shown = [&](const std::string& file) {
        return (std::filesystem::path(display) / file).string();
    };
    if (std::filesystem::exists(folder / (base + ".csv"), ec)) {
        return TableSource{folder / (base + ".csv"), {}, shown(base + ".csv"), false};
    }
    if (std::filesystem::exists(folder / (base + ".xlsx"), ec)) {
        return TableSource{{}, folder / (base + ".xlsx"), shown(base + ".xlsx"), false};
    }
    if (std::filesystem::exists(folder / (base + ".xls"), ec)) {
        issues.error(shown(base + ".xls"), 0,
                     "an old Excel .xls file (BIFF): open it in Excel or WPS and save it as "
                     "\"Excel Workbook (*.xlsx)\", or as \"CSV UTF-8\"");
        return std::nullopt;
    }
    // The folder's one workbook holding all the tables.
    std::vector<std::filesystem::path> books;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const auto ext = entry.path().extension().string();
        const auto stem = entry.path().stem().string();
        if (ext == ".xlsx" && stem.rfind("~$", 0) != 0) books.push_back(entry.path());
    }
    std::sort(books.begin(), books.end());
    for (const auto& book : books) {
        Issues ignored;
        const auto workbook = XlsxWorkbook::open(book, shown(book.filename().string()), ignored);
        if (workbook && workbook->find_sheet(sheet_names(table)) != nullptr) {
            return TableSource{{}, book, shown(book.filename().string()), true};
        }
    }
    return std::nullopt;
}

std::optional<TextFile> read_table(const TableSource& source, std::string_view table,
                                   Issues& issues) {
    if (!source.csv.empty()) return read_text_file(source.csv, source.display, issues);
    const auto workbook = XlsxWorkbook::open(source.workbook, source.display, issues);
    if (!workbook) return std::nullopt;
    const XlsxSheet* sheet = workbook->find_sheet(sheet_names(table));
    if (sheet == nullptr && !source.named_sheet_only) sheet = workbook->first_visible_sheet();
    if (sheet == nullptr) {
        issues.error(source.display, 0, "the workbook has no visible sheet");
        return std::nullopt;
    }
    return workbook->sheet_text(*sheet, issues);
}

}  // namespace

Dataset read_dataset(const std::filesystem::path& folder, const std::string& display,
                     Issues& issues, unsigned threads, ProgressSink* progress) {
    Dataset dataset;
    dataset.folder = display;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        issues.error(display, 0,
                     std::filesystem::exists(folder, ec)
                         ? "not a folder: a dataset is a folder holding firms.csv and links.csv"
                         : "no such dataset folder");
        return dataset;
    }
    const auto name = [&](const char* file) {
        return (std::filesystem::path(display) / file).string();
    };
    const auto remember = [&](const TextFile& file) {
        dataset.files.push_back({file.display, file.sha256, file.encoding});
    };

    // cluster.json first (or a workbook's 集群概况 sheet): its output unit is the unit that
    // amounts are converted into.
    if (std::filesystem::exists(folder / "cluster.json", ec)) {
        if (auto file = read_text_file(folder / "cluster.json", name("cluster.json"), issues)) {
            remember(*file);
            read_cluster_json(*file, dataset, issues);
        }
    } else if (const auto source = locate(folder, display, "cluster", issues);
               source && source->csv.empty()) {
        const auto workbook = XlsxWorkbook::open(source->workbook, source->display, issues);
        if (const XlsxSheet* sheet =
                workbook ? workbook->find_sheet(sheet_names("cluster")) : nullptr) {
            if (auto file = workbook->sheet_text(*sheet, issues)) {
                remember(*file);
                read_cluster_sheet(*file, dataset, issues);
            }
        }
    }

    // A table is a CSV file or a sheet of a workbook. links are read, checksummed and decoded
    // while firms are parsed: the links need the firms, but their bytes do not.
    const auto source_of = [&](std::string_view table, bool required) {
        auto source = locate(folder, display, table, issues);
        if (!source && required && !issues.has_errors()) {
            issues.error(name((std::string(table) + ".csv").c_str()), 0,
                         msg("missing file (also looked for {}.xlsx and for a workbook with a "
                             "sheet named {})",
                             table, sheet_names(table)[1]));
        }
        return source;
    };
    const auto firms_source = source_of("firms", true);
    const auto links_source = source_of("links", true);
    Issues link_file_issues;
    std::optional<TextFile> links_file;
    parallel_for(threads, 2, [&](std::size_t task) {
        if (task == 1) {
            if (!links_source) return;
            reading("links.csv",
                    [&] { links_file = read_table(*links_source, "links", link_file_issues); });
            return;
        }
        if (!firms_source) return;
        reading("firms.csv", [&] {
            if (auto file = read_table(*firms_source, "firms", issues)) {
                remember(*file);
                read_firms(std::move(*file), dataset, issues, progress);
            }
        });
    });
    issues.append(link_file_issues);
    if (links_file) {
        remember(*links_file);
        reading("links.csv",
                [&] { read_links(std::move(*links_file), dataset, issues, threads, progress); });
        links_file.reset();
    }
    if (const auto source = locate(folder, display, "firm_years", issues)) {
        if (auto file = read_table(*source, "firm_years", issues)) {
            remember(*file);
            read_firm_years(std::move(*file), dataset, issues);
        }
    }
    return dataset;
}

}  // namespace icn
