// SPDX-License-Identifier: MIT
#include "viz/workbook.hpp"

#include <algorithm>
#include <set>
#include <xlsxwriter.h>

#include <fmt/format.h>

#include "engine/io/values.hpp"
#include "engine/util/staged_output.hpp"

namespace icn {
namespace {

// How wide a cell's text shows: CJK and other wide characters (from U+1100 on) count two.
double display_width(std::string_view text) {
    double width = 0;
    for (char32_t c : utf8_code_points(text)) width += c >= 0x1100 ? 2.0 : 1.0;
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

void write_dataset_template(const std::filesystem::path& file) {
    lxw_workbook_options options = {};
    const std::string tmpdir = file.parent_path().string();
    options.tmpdir = const_cast<char*>(tmpdir.c_str());
    lxw_workbook* book = workbook_new_opt(file.c_str(), &options);
    if (book == nullptr) throw OutputError(fmt::format("{}: cannot create", file.string()));
    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    format_set_bg_color(header, 0xF0F4F8);
    lxw_format* example = workbook_add_format(book);
    format_set_font_color(example, 0x808080);
    format_set_italic(example);
    lxw_format* text = workbook_add_format(book);
    format_set_num_format(text, "@");  // ids and codes stay text: no rounding, no lost zeros
    const auto sheet = [&](const char* name, const std::vector<std::string>& headers,
                           const std::vector<std::string>& sample, std::size_t text_columns) {
        lxw_worksheet* ws = workbook_add_worksheet(book, name);
        for (std::size_t c = 0; c < headers.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_set_column(ws, col, col, std::max(12.0, display_width(headers[c]) + 4),
                                 c < text_columns ? text : nullptr);
            worksheet_write_string(ws, 0, col, headers[c].c_str(), header);
            if (c < sample.size() && !sample[c].empty()) {
                worksheet_write_string(ws, 1, col, sample[c].c_str(), example);
            }
        }
        worksheet_freeze_panes(ws, 1, 0);
    };
    sheet("企业名录",
          {"统一社会信用代码", "企业名称", "所在地区", "产业链环节", "企业规模", "链主", "标签",
           "工业总产值（万元）", "从业人员", "行业代码", "经营范围", "主要产品", "联系人",
           "联系电话"},
          {"【示例】91371581MA3XXXXXX", "临清市某某轴承有限公司", "山东省聊城市临清市", "轴承装配",
           "小型", "否", "专精特新中小企业", "12000", "150", "3451", "滚动轴承制造、销售",
           "深沟球轴承", "张三", "0635-0000000"},
          4);
    sheet("供货关系", {"供应商", "客户", "采购金额（万元）", "产品", "年份"},
          {"【示例】供方的统一社会信用代码", "需方的统一社会信用代码", "350", "钢球", "2024"}, 2);
    sheet("历年数据", {"企业编号", "年份", "工业总产值（万元）", "研发费用（万元）", "从业人员"},
          {"【示例】91371581MA3XXXXXX", "2024", "12000", "360", "150"}, 1);
    lxw_worksheet* cluster = workbook_add_worksheet(book, "集群概况");
    worksheet_set_column(cluster, 0, 0, 22, nullptr);
    worksheet_set_column(cluster, 1, 1, 40, nullptr);
    worksheet_write_string(cluster, 0, 0, "项目", header);
    worksheet_write_string(cluster, 0, 1, "内容", header);
    const char* items[] = {"集群名称", "所在县（区）", "面积（平方公里）", "主导产业（环节）",
                           "产值单位", "2022年总产值", "2023年总产值",     "2024年总产值"};
    for (std::size_t r = 0; r < std::size(items); ++r) {
        worksheet_write_string(cluster, static_cast<lxw_row_t>(r + 1), 0, items[r], nullptr);
    }
    worksheet_write_string(cluster, 5, 1, "万元", nullptr);
    lxw_worksheet* help = workbook_add_worksheet(book, "填写说明");
    worksheet_set_column(help, 0, 0, 110, nullptr);
    const char* lines[] = {
        "填写说明（ICN 产业集群网络分析）",
        "1. 企业名录：每家企业一行，本地和区外企业都要填（区外企业用于判断外部依赖和招商对象）。"
        "统一社会信用代码、企业名称、所在地区必填。",
        "2. 所在地区可填区划代码（如 371581）、名称（临清市）或以地名开头的地址。",
        "3. 产业链环节填模板中的环节名称或编号，多个用分号隔开；不知道可以留空，用 icn classify "
        "按行业代码和经营范围给出建议。",
        "4. 供货关系：每行一条供方到需方的关系，金额单位写在表头括号里（万元、元、亿元均可）。",
        "5. 编号、代码列已设为文本格式，请勿改成数字格式（超过 15 位的数字会被 Excel 截断）。",
        "6. 以【示例】开头的行不会被分析，可以删除。",
        "7. 检查：icn validate 数据文件夹 --chain 模板 --region 地区；分析：icn analyze 同上。",
    };
    for (std::size_t r = 0; r < std::size(lines); ++r) {
        worksheet_write_string(help, static_cast<lxw_row_t>(r), 0, lines[r],
                               r == 0 ? header : nullptr);
    }
    if (const lxw_error error = workbook_close(book); error != LXW_NO_ERROR) {
        throw OutputError(fmt::format("{}: cannot write: {}", file.string(), lxw_strerror(error)));
    }
}

}  // namespace icn
