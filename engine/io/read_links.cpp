// SPDX-License-Identifier: MIT
// links.csv: one row per supply relation, supplier -> customer (SPEC 1.1).
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "engine/io/read_dataset.hpp"
#include "engine/io/reader_support.hpp"
#include "engine/io/values.hpp"
#include "engine/util/progress.hpp"

namespace icn {
namespace {
enum Column { kSupplier, kCustomer, kValue, kProduct, kYear };
}

void read_links(TextFile file, Dataset& dataset, Issues& issues) {
    using detail::quote_value;
    const std::string& display = file.display;
    CsvParser parser(file.text, display, issues);
    CsvRecord record;
    if (!parser.next(record)) {
        issues.error(display, 1, "empty file: expected a header row (supplier,customer[,value])");
        return;
    }
    const Header header = map_header(Table::links, record, display, issues);
    if (!header.usable) return;
    dataset.links_have_value = header.has(kValue);
    dataset.links_have_year = header.has(kYear);
    dataset.link_extra.names = header.extra_names;
    dataset.link_extra.values.assign(header.extra_names.size(), {});
    // Firms that could not be read at all: unknown-firm errors would only repeat that.
    const bool check_firms = !dataset.firms.empty();

    dataset.links.reserve(
        static_cast<std::size_t>(std::count(file.text.begin(), file.text.end(), '\n')));
    std::unordered_map<std::string, std::uint32_t> product_of;

    Progress progress("reading " + display, file.text.size());
    std::size_t rows = 0;
    while (parser.next(record)) {
        if ((++rows & 0xFFFF) == 0) progress.update(parser.offset());
        if (record.bad || !detail::check_width(record, header, display, issues)) continue;
        const std::uint32_t line = record.line;
        bool ok = true;
        SupplyLink link;
        link.line = line;

        const auto endpoint = [&](Column column, std::string_view role, std::uint32_t& out) {
            const std::string_view id = detail::cell(record, header, column);
            if (id.empty()) {
                issues.error(display, line, fmt::format("empty {}", role));
                ok = false;
                return;
            }
            if (const auto index = dataset.find_firm(id)) {
                out = *index;
            } else if (check_firms) {
                issues.error(display, line,
                             fmt::format("unknown {} {}: not in firms.csv", role, quote_value(id)));
                ok = false;
            } else {
                ok = false;
            }
        };
        endpoint(kSupplier, "supplier", link.supplier);
        endpoint(kCustomer, "customer", link.customer);
        if (ok && link.supplier == link.customer) {
            issues.error(display, line,
                         fmt::format("self-loop: {} supplies itself",
                                     quote_value(dataset.firms[link.supplier].id)));
            ok = false;
        }
        if (header.has(kValue)) {
            const std::string_view text = detail::cell(record, header, kValue);
            if (text.empty()) {
                issues.error(display, line,
                             "empty value: with a value column, every link needs a value > 0");
                ok = false;
            } else if (const auto value = detail::number_cell(text, "value", detail::Bound::positive,
                                                              display, line, issues, ok)) {
                link.value = *value;
            }
        }
        if (header.has(kYear)) {
            const std::string_view text = detail::cell(record, header, kYear);
            if (!text.empty()) {
                if (const auto year = parse_int(text)) {
                    link.year = *year;
                } else {
                    issues.error(display, line,
                                 fmt::format("year {} is not a whole number", quote_value(text)));
                    ok = false;
                }
            }
        }
        if (header.has(kProduct)) {
            const std::string_view text = detail::cell(record, header, kProduct);
            if (!text.empty()) {
                auto [it, inserted] = product_of.emplace(
                    std::string(text), static_cast<std::uint32_t>(dataset.product_names.size()));
                if (inserted) dataset.product_names.emplace_back(text);
                link.product = it->second;
            }
        }
        if (!ok) continue;
        dataset.links.push_back(link);
        for (std::size_t e = 0; e < header.extra_columns.size(); ++e) {
            dataset.link_extra.values[e].emplace_back(record.fields[header.extra_columns[e]]);
        }
    }
    dataset.links.shrink_to_fit();
}

}  // namespace icn
