// SPDX-License-Identifier: MIT
#include "engine/io/columns.hpp"

#include <fmt/format.h>

#include "engine/io/values.hpp"

namespace icn {

const std::vector<ColumnSpec>& column_specs(Table table) {
    // The order of each list is the order of the *_column enums in the readers.
    static const std::vector<ColumnSpec> firms = {
        {"id",
         true,
         {"企业编号", "统一社会信用代码", "企业id", "企业代码", "编号", "firm_id", "firm"}},
        {"name", true, {"企业名称", "名称", "firm_name", "company"}},
        {"region",
         true,
         {"行政区划代码", "所在地区", "地区", "区划代码", "行政区划", "region_code"}},
        {"segment", false, {"产业链环节", "环节", "segments"}},
        {"size", false, {"企业规模", "规模"}},
        {"leader", false, {"链主", "是否链主", "链主企业"}},
        {"tags", false, {"标签", "tag"}},
        {"output", false, {"产值", "年产值", "工业总产值"}},
        {"employees", false, {"从业人员", "员工人数", "职工人数", "从业人数"}},
        {"rd_expense", false, {"研发费用", "研发投入", "r&d", "rd"}},
        {"lat", false, {"纬度", "latitude"}},
        {"lon", false, {"经度", "longitude", "lng"}},
    };
    static const std::vector<ColumnSpec> links = {
        {"supplier", true, {"供应商", "供方", "供应方", "supplier_id", "from"}},
        {"customer", true, {"客户", "需方", "采购方", "customer_id", "to"}},
        {"value", false, {"金额", "交易额", "采购额", "交易金额", "amount"}},
        {"product", false, {"产品", "产品名称"}},
        {"year", false, {"年份", "年度"}},
    };
    static const std::vector<ColumnSpec> firm_years = {
        {"firm", true, {"企业编号", "企业", "统一社会信用代码", "id", "firm_id"}},
        {"year", true, {"年份", "年度"}},
        {"output", false, {"产值", "年产值", "工业总产值"}},
        {"rd_expense", false, {"研发费用", "研发投入"}},
        {"employees", false, {"从业人员", "员工人数", "职工人数"}},
    };
    static const std::vector<ColumnSpec> segments = {
        {"id", true, {"环节编号", "编号"}},        {"name", true, {"环节名称", "名称"}},
        {"tier", true, {"层级", "位置", "stage"}}, {"name_en", false, {"英文名称"}},
        {"description", false, {"说明", "描述"}},  {"weight", false, {"权重"}},
    };
    static const std::vector<ColumnSpec> flows = {
        {"from", true, {"上游环节", "供应环节", "来源"}},
        {"to", true, {"下游环节", "需求环节", "去向"}},
        {"weight", false, {"权重"}},
    };
    switch (table) {
        case Table::firms:
            return firms;
        case Table::links:
            return links;
        case Table::firm_years:
            return firm_years;
        case Table::segments:
            return segments;
        case Table::flows:
            return flows;
    }
    return firms;
}

Header map_header(Table table, const CsvRecord& record, const std::string& display,
                  Issues& issues) {
    const auto& specs = column_specs(table);
    Header header;
    header.column.assign(specs.size(), kAbsent);
    header.width = record.fields.size();
    std::vector<bool> exact(specs.size(), false);

    for (std::size_t field = 0; field < record.fields.size(); ++field) {
        const std::string text = ascii_lower(trim(record.fields[field]));
        std::size_t match = kAbsent;
        bool is_exact = false;
        for (std::size_t s = 0; s < specs.size() && match == kAbsent; ++s) {
            if (text == specs[s].name) {
                match = s;
                is_exact = true;
            }
            for (std::string_view alias : specs[s].aliases) {
                if (text == alias) match = s;
            }
        }
        if (match == kAbsent) {
            header.extra_names.emplace_back(trim(record.fields[field]));
            header.extra_columns.push_back(field);
            continue;
        }
        if (header.column[match] == kAbsent) {
            header.column[match] = field;
            exact[match] = is_exact;
            continue;
        }
        // Two headers mean the same column: the canonical English name wins, else the first.
        std::size_t kept = header.column[match];
        std::size_t other = field;
        if (is_exact && !exact[match]) std::swap(kept, other);
        header.column[match] = kept;
        exact[match] = exact[match] || is_exact;
        issues.warning(
            display, record.line,
            fmt::format("columns '{}' and '{}' both mean '{}'; using '{}', keeping '{}' "
                        "as an attribute",
                        trim(record.fields[kept]), trim(record.fields[other]), specs[match].name,
                        trim(record.fields[kept]), trim(record.fields[other])));
        header.extra_names.emplace_back(trim(record.fields[other]));
        header.extra_columns.push_back(other);
    }

    header.usable = true;
    for (std::size_t s = 0; s < specs.size(); ++s) {
        if (specs[s].required && header.column[s] == kAbsent) {
            std::string aliases;
            for (std::string_view alias : specs[s].aliases) {
                if (!aliases.empty()) aliases += ", ";
                aliases += alias;
            }
            issues.error(display, record.line,
                         fmt::format("missing required column '{}' (also accepted: {})",
                                     specs[s].name, aliases));
            header.usable = false;
        }
    }
    return header;
}

std::optional<Header> read_header(Table table, CsvParser& parser, const std::string& display,
                                  Issues& issues) {
    CsvRecord record;
    if (!parser.next(record)) {
        std::string required;
        for (const ColumnSpec& spec : column_specs(table)) {
            if (!spec.required) continue;
            if (!required.empty()) required += ',';
            required += spec.name;
        }
        issues.error(display, 1,
                     fmt::format("empty file: expected a header row ({},...)", required));
        return std::nullopt;
    }
    Header header = map_header(table, record, display, issues);
    if (!header.usable) return std::nullopt;
    return header;
}

}  // namespace icn
