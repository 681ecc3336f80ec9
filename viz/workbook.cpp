// SPDX-License-Identifier: MIT
#include "viz/workbook.hpp"

#include <algorithm>
#include <set>
#include <xlsxwriter.h>

#include <fmt/format.h>

#include "engine/util/staged_output.hpp"

namespace icn {
namespace {

// How wide a cell's text shows: CJK and other wide characters count two.
double display_width(std::string_view text) {
    double width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        width += len >= 3 ? 2.0 : 1.0;
        i += len;
    }
    return width;
}

// Excel's rules for sheet names: at most 31 characters, none of []:*?/\, and unique.
std::string sheet_name(std::string name, std::set<std::string>& used) {
    for (char& c : name) {
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
    }
    if (name.empty()) name = "sheet";
    std::string unique = name;
    for (int k = 2; used.count(unique) != 0; ++k) unique = fmt::format("{}{}", name, k);
    used.insert(unique);
    return unique;
}

}  // namespace

void write_workbook(const std::vector<DataTable>& tables, const std::filesystem::path& file) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_FALSE;
    const std::string tmpdir = file.parent_path().string();
    options.tmpdir = const_cast<char*>(tmpdir.c_str());  // temporary files beside the output
    lxw_workbook* book = workbook_new_opt(file.c_str(), &options);
    if (book == nullptr) throw OutputError(fmt::format("{}: cannot create", file.string()));
    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    format_set_bg_color(header, 0xF0F4F8);
    format_set_text_wrap(header);
    lxw_format* amount = workbook_add_format(book);
    format_set_num_format(amount, "#,##0.00");
    lxw_format* share = workbook_add_format(book);
    format_set_num_format(share, "0.0%");
    lxw_format* count = workbook_add_format(book);
    format_set_num_format(count, "#,##0");
    lxw_format* number = workbook_add_format(book);
    format_set_num_format(number, "0.000");
    const auto format_of = [&](ColumnKind kind) -> lxw_format* {
        switch (kind) {
            case ColumnKind::amount:
                return amount;
            case ColumnKind::share:
                return share;
            case ColumnKind::count:
                return count;
            case ColumnKind::number:
                return number;
            case ColumnKind::text:
                return nullptr;
        }
        return nullptr;
    };
    std::set<std::string> used;
    for (const DataTable& table : tables) {
        const std::string name = sheet_name(table.sheet, used);
        lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
        if (sheet == nullptr) continue;
        std::vector<double> widths(table.columns.size(), 6);
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c),
                                   table.columns[c].header.c_str(), header);
            widths[c] = std::max(widths[c], display_width(table.columns[c].header) + 2);
        }
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < table.rows[r].size() && c < table.columns.size(); ++c) {
                const TableCell& cell = table.rows[r][c];
                const auto col = static_cast<lxw_col_t>(c);
                if (table.columns[c].kind == ColumnKind::text) {
                    // A string cell: "=..." from the input stays text in Excel.
                    if (!cell.text.empty()) {
                        worksheet_write_string(sheet, row, col, cell.text.c_str(), nullptr);
                    }
                    widths[c] = std::max(widths[c], std::min(60.0, display_width(cell.text) + 2));
                } else if (cell.number) {
                    worksheet_write_number(sheet, row, col, *cell.number,
                                           format_of(table.columns[c].kind));
                    widths[c] = std::max(widths[c], 14.0);
                }
            }
        }
        for (std::size_t c = 0; c < widths.size(); ++c) {
            worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 widths[c], nullptr);
        }
        worksheet_freeze_panes(sheet, 1, 0);
        if (!table.columns.empty()) {
            worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                                 static_cast<lxw_col_t>(table.columns.size() - 1));
        }
    }
    if (const lxw_error error = workbook_close(book); error != LXW_NO_ERROR) {
        throw OutputError(fmt::format("{}: cannot write: {}", file.string(), lxw_strerror(error)));
    }
}

}  // namespace icn
