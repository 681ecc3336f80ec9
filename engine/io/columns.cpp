// SPDX-License-Identifier: MIT
#include "engine/io/columns.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine/io/values.hpp"
#include "engine/util/message.hpp"

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
        {"output",
         false,
         {"产值", "年产值", "工业总产值", "总产值", "营业收入", "主营业务收入"},
         true},
        {"employees", false, {"从业人员", "员工人数", "职工人数", "从业人数", "从业人员数"}},
        {"rd_expense", false, {"研发费用", "研发投入", "研发经费", "r&d", "rd"}, true},
        {"lat", false, {"纬度", "latitude"}},
        {"lon", false, {"经度", "longitude", "lng"}},
        {"industry",
         false,
         {"行业代码", "国民经济行业代码", "国民经济行业分类", "行业分类代码", "所属行业代码",
          "行业"}},
        {"scope", false, {"经营范围"}},
        {"products", false, {"主要产品", "主营产品", "产品"}},
    };
    static const std::vector<ColumnSpec> links = {
        {"supplier", true, {"供应商", "供方", "供应方", "supplier_id", "from"}},
        {"customer", true, {"客户", "需方", "采购方", "customer_id", "to"}},
        {"value",
         false,
         {"金额", "交易额", "采购额", "交易金额", "采购金额", "供货金额", "销售额", "合同金额",
          "amount"},
         true},
        {"product", false, {"产品", "产品名称"}},
        {"year", false, {"年份", "年度"}},
    };
    static const std::vector<ColumnSpec> firm_years = {
        {"firm", true, {"企业编号", "企业", "统一社会信用代码", "id", "firm_id"}},
        {"year", true, {"年份", "年度"}},
        {"output",
         false,
         {"产值", "年产值", "工业总产值", "总产值", "营业收入", "主营业务收入"},
         true},
        {"rd_expense", false, {"研发费用", "研发投入", "研发经费"}, true},
        {"employees", false, {"从业人员", "员工人数", "职工人数", "从业人数"}},
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

namespace {

// The known header that `name` (an unrecognised header) most resembles, if any: it contains an
// alias of two or more characters (年度采购金额合计 holds 采购金额), or is within a small edit
// distance of one (suplier, 企业名).
std::optional<std::pair<std::size_t, std::string_view>> closest_alias(
    const std::vector<ColumnSpec>& specs, const std::string& name) {
    const auto mine = utf8_code_points(name);
    std::optional<std::pair<std::size_t, std::string_view>> best;
    std::size_t best_score = static_cast<std::size_t>(-1);
    for (std::size_t s = 0; s < specs.size(); ++s) {
        std::vector<std::string_view> candidates = specs[s].aliases;
        candidates.push_back(specs[s].name);
        for (std::string_view alias : candidates) {
            const auto theirs = utf8_code_points(alias);
            std::size_t score = static_cast<std::size_t>(-1);
            if (theirs.size() >= 2 && name.find(alias) != std::string::npos) {
                score = mine.size() - theirs.size();  // the longer the alias, the closer
            } else {
                const std::size_t d = edit_distance(mine, theirs);
                const std::size_t allowed = std::max<std::size_t>(1, theirs.size() / 4);
                if (d <= allowed && theirs.size() >= 3) score = 100 + d;
            }
            if (score < best_score) {
                best_score = score;
                best = std::make_pair(s, alias);
            }
        }
    }
    return best;
}

}  // namespace

HeaderText split_unit(std::string_view header) {
    const std::string text(trim(header));
    HeaderText out{text, {}};
    struct Pair {
        std::string_view open, close;
    };
    for (const Pair& p : {Pair{"(", ")"}, Pair{"（", "）"}, Pair{"(", "）"}, Pair{"（", ")"}}) {
        if (text.size() <= p.close.size() ||
            text.compare(text.size() - p.close.size(), p.close.size(), p.close) != 0) {
            continue;
        }
        const std::size_t open = text.rfind(p.open);
        if (open == std::string::npos || open == 0) continue;
        out.name = std::string(trim(std::string_view(text).substr(0, open)));
        out.unit = std::string(trim(std::string_view(text).substr(
            open + p.open.size(), text.size() - p.close.size() - open - p.open.size())));
        return out;
    }
    return out;
}

Header map_header(Table table, const CsvRecord& record, const std::string& display, Issues& issues,
                  double dataset_unit) {
    const auto& specs = column_specs(table);
    Header header;
    header.column.assign(specs.size(), kAbsent);
    header.scale.assign(specs.size(), 1.0);
    header.width = record.fields.size();
    std::vector<bool> exact(specs.size(), false);
    std::vector<std::string> units(specs.size());

    const auto find_spec = [&](const std::string& text, bool& is_exact) {
        for (std::size_t s = 0; s < specs.size(); ++s) {
            if (text == specs[s].name) {
                is_exact = true;
                return s;
            }
            for (std::string_view alias : specs[s].aliases) {
                if (text == alias) return s;
            }
        }
        return kAbsent;
    };
    for (std::size_t field = 0; field < record.fields.size(); ++field) {
        const std::string written(trim(record.fields[field]));
        bool is_exact = false;
        std::size_t match = find_spec(ascii_lower(written), is_exact);
        std::string unit;
        if (match == kAbsent) {
            // Not known as written: perhaps with a unit (金额(万元), 从业人员(人)).
            const HeaderText split = split_unit(written);
            if (!split.unit.empty()) {
                match = find_spec(ascii_lower(split.name), is_exact);
                if (match != kAbsent) unit = split.unit;
            }
        }
        if (match == kAbsent) {
            header.extra_names.push_back(written);
            header.extra_columns.push_back(field);
            const std::string bare = ascii_lower(split_unit(written).name);
            if (const auto close = closest_alias(specs, bare); close && !bare.empty()) {
                issues.warning(display, record.line,
                               msg("column '{}' is not recognised and is kept as an "
                                   "attribute; did you mean '{}' ({})? Rename the header "
                                   "to use it",
                                   written, close->second, specs[close->first].name));
            }
            continue;
        }
        if (header.column[match] == kAbsent) {
            header.column[match] = field;
            exact[match] = is_exact;
            units[match] = unit;
            continue;
        }
        // Two headers mean the same column: the canonical English name wins, else the first.
        std::size_t kept = header.column[match];
        std::size_t other = field;
        if (is_exact && !exact[match]) {
            std::swap(kept, other);
            units[match] = unit;
        }
        header.column[match] = kept;
        exact[match] = exact[match] || is_exact;
        issues.warning(display, record.line,
                       msg("columns '{}' and '{}' both mean '{}'; using '{}', keeping '{}' "
                           "as an attribute",
                           trim(record.fields[kept]), trim(record.fields[other]), specs[match].name,
                           trim(record.fields[kept]), trim(record.fields[other])));
        header.extra_names.emplace_back(trim(record.fields[other]));
        header.extra_columns.push_back(other);
    }

    header.usable = true;
    for (std::size_t s = 0; s < specs.size(); ++s) {
        if (header.column[s] != kAbsent && !units[s].empty() && specs[s].amount) {
            const std::string written(trim(record.fields[header.column[s]]));
            const auto factor = unit_in_wan_yuan(units[s]);
            if (!factor) {
                issues.error(display, record.line,
                             msg("column '{}': unit '{}' is not one of 元, 千元, 万元, "
                                 "百万元, 亿元",
                                 written, units[s]));
                header.usable = false;
                continue;
            }
            header.scale[s] = *factor / dataset_unit;
            const std::string into = dataset_unit_name(dataset_unit);
            if (header.scale[s] == 1.0) {
                issues.note(display, record.line,
                            msg("column '{}' read as '{}', in {} as the dataset", written,
                                specs[s].name, into));
            } else {
                issues.note(
                    display, record.line,
                    msg("column '{}' read as '{}': values in {} converted to {} "
                        "({} {:g})",
                        written, specs[s].name, units[s], into, header.scale[s] > 1 ? "x" : "/",
                        header.scale[s] > 1 ? std::round(header.scale[s])
                                            : std::round(1 / header.scale[s])));
            }
        }
        if (specs[s].required && header.column[s] == kAbsent) {
            std::string aliases;
            for (std::string_view alias : specs[s].aliases) {
                if (!aliases.empty()) aliases += ", ";
                aliases += alias;
            }
            issues.error(
                display, record.line,
                msg("missing required column '{}' (also accepted: {})", specs[s].name, aliases));
            header.usable = false;
        }
    }
    return header;
}

std::optional<Header> read_header(Table table, CsvParser& parser, const std::string& display,
                                  Issues& issues, double dataset_unit) {
    CsvRecord record;
    if (!parser.next(record)) {
        std::string required;
        for (const ColumnSpec& spec : column_specs(table)) {
            if (!spec.required) continue;
            if (!required.empty()) required += ',';
            required += spec.name;
        }
        issues.error(display, 1, msg("empty file: expected a header row ({},...)", required));
        return std::nullopt;
    }
    Header header = map_header(table, record, display, issues, dataset_unit);
    if (!header.usable) return std::nullopt;
    return header;
}

}  // namespace icn
