// SPDX-License-Identifier: MIT
// links.csv: one row per supply relation, supplier -> customer (SPEC 1.1).
// A large file without quotes is parsed in parts, one per thread (--threads), each over a run
// of whole rows; the parts are joined in file order, so the result is the same as one pass.
#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/io/read_dataset.hpp"
#include "engine/io/reader_support.hpp"
#include "engine/io/values.hpp"
#include "engine/util/counting_sort.hpp"
#include "engine/util/message.hpp"
#include "engine/util/parallel.hpp"
#include "engine/util/progress.hpp"

namespace icn {
namespace {

enum Column { kSupplier, kCustomer, kValue, kProduct, kYear };

// A part's rows go straight into its own run of Dataset::links (`out`, room for `room` rows:
// one per line, at least as many as its records), so that 10 million links are never held twice.
struct Chunk {
    SupplyLink* out = nullptr;
    std::size_t room = 0;
    std::size_t count = 0;
    std::vector<std::string> product_names;  // chunk-local product ids
    std::vector<std::vector<std::string>> extra;
    Issues issues;
};

void parse_rows(CsvParser& parser, const Header& header, const Dataset& dataset,
                const std::string& display, Chunk& chunk, Progress* progress) {
    using detail::quote_value;
    Issues& issues = chunk.issues;
    const bool check_firms = !dataset.firms.empty();
    std::unordered_map<std::string, std::uint32_t> product_of;
    chunk.extra.assign(header.extra_columns.size(), {});

    // Records are taken in batches so that the firm lookups of a batch overlap their cache
    // misses (FirmIndex::find_batch); views stay valid, the parser only rewrites ahead.
    constexpr std::size_t kBatch = 1024;
    std::vector<CsvRecord> batch(kBatch);
    std::vector<std::string_view> ids(2 * kBatch);
    std::vector<std::uint32_t> found(2 * kBatch);
    bool more = true;
    while (more) {
        std::size_t n = 0;
        while (n < kBatch && (more = parser.next(batch[n]))) {
            if (batch[n].bad || !detail::check_width(batch[n], header, display, issues)) continue;
            ids[2 * n] = detail::cell(batch[n], header, kSupplier);
            if (detail::is_example(ids[2 * n])) continue;
            ids[2 * n + 1] = detail::cell(batch[n], header, kCustomer);
            ++n;
        }
        if (progress != nullptr) progress->update(parser.offset());
        dataset.firm_index.find_batch(dataset.firms, ids.data(), 2 * n, found.data());
        for (std::size_t r = 0; r < n; ++r) {
            const CsvRecord& record = batch[r];
            const std::uint32_t line = record.line;
            bool ok = true;
            SupplyLink link;
            link.line = line;
            const auto endpoint = [&](std::size_t k, std::string_view role, std::uint32_t& out) {
                const std::string_view id = ids[k];
                if (id.empty()) {
                    issues.row_error(display, line, msg("empty {}", role));
                    ok = false;
                } else if (found[k] != FirmIndex::kNotFound) {
                    out = found[k];
                } else {
                    if (check_firms) {
                        issues.row_error(
                            display, line,
                            msg("unknown {} {}: not in firms.csv", role, quote_value(id)));
                    }
                    ok = false;
                }
            };
            endpoint(2 * r, "supplier", link.supplier);
            endpoint(2 * r + 1, "customer", link.customer);
            if (ok && link.supplier == link.customer) {
                issues.row_error(display, line,
                                 msg("self-loop: {} supplies itself",
                                     quote_value(dataset.firms[link.supplier].id)));
                ok = false;
            }
            if (header.has(kValue)) {
                const std::string_view text = detail::cell(record, header, kValue);
                if (text.empty()) {
                    issues.row_error(
                        display, line,
                        "empty value: with a value column, every link needs a value > 0");
                    ok = false;
                } else if (const auto value =
                               detail::number_cell(text, "value", detail::Bound::positive, display,
                                                   line, issues, ok, header.scale[kValue])) {
                    link.value = *value;
                }
            }
            if (header.has(kYear)) {
                const std::string_view text = detail::cell(record, header, kYear);
                if (!text.empty()) {
                    if (const auto year = parse_int(text)) {
                        link.year = *year;
                    } else {
                        issues.row_error(display, line,
                                         msg("year {} is not a whole number", quote_value(text)));
                        ok = false;
                    }
                }
            }
            if (header.has(kProduct)) {
                const std::string_view text = detail::cell(record, header, kProduct);
                if (!text.empty()) {
                    auto [it, inserted] = product_of.emplace(
                        std::string(text), static_cast<std::uint32_t>(chunk.product_names.size()));
                    if (inserted) chunk.product_names.emplace_back(text);
                    link.product = it->second;
                }
            }
            if (!ok) continue;
            if (chunk.count == chunk.room) throw std::logic_error("links: more records than lines");
            chunk.out[chunk.count++] = link;
            for (std::size_t e = 0; e < header.extra_columns.size(); ++e) {
                chunk.extra[e].emplace_back(record.fields[header.extra_columns[e]]);
            }
        }
    }
}

// Moves a chunk's rows down to `kept` rows into the dataset's links, renumbering its products
// into the dataset's list.
void join(Chunk& chunk, Dataset& dataset, std::size_t& kept, Issues& issues,
          std::unordered_map<std::string, std::uint32_t>& product_of) {
    std::vector<std::uint32_t> remap(chunk.product_names.size());
    for (std::size_t p = 0; p < chunk.product_names.size(); ++p) {
        auto [it, inserted] = product_of.emplace(
            chunk.product_names[p], static_cast<std::uint32_t>(dataset.product_names.size()));
        if (inserted) dataset.product_names.push_back(chunk.product_names[p]);
        remap[p] = it->second;
    }
    for (std::size_t k = 0; k < chunk.count; ++k) {
        SupplyLink& link = chunk.out[k];
        if (link.product != kNoProduct) link.product = remap[link.product];
    }
    SupplyLink* const to = dataset.links.data() + kept;
    if (to != chunk.out) std::copy(chunk.out, chunk.out + chunk.count, to);  // down: to < out
    kept += chunk.count;
    for (std::size_t e = 0; e < chunk.extra.size(); ++e) {
        auto& column = dataset.link_extra.values[e];
        column.insert(column.end(), std::make_move_iterator(chunk.extra[e].begin()),
                      std::make_move_iterator(chunk.extra[e].end()));
    }
    issues.append(chunk.issues);
    chunk = Chunk{};
}

// A row that repeats an earlier one exactly (the same supplier, customer, value, year, product
// and extra cells) is merged with a warning (SPEC section 2): an export that doubled its rows
// must not double the amounts. Rows are grouped by supplier (a counting sort), and only a
// supplier's own rows are compared, so that this costs linear time.
void merge_repeated_rows(Dataset& dataset, const std::string& display, Issues& issues,
                         unsigned threads) {
    std::vector<SupplyLink>& links = dataset.links;
    if (links.size() < 2) return;
    // Each row's key, grouped by supplier (a counting sort on every thread): a supplier's rows
    // are then sorted side by side in one place instead of being fetched from anywhere in the
    // file.
    struct Key {
        std::uint32_t customer;
        std::int32_t year;
        std::uint32_t product;
        std::uint32_t row;
        double value;
        bool same(const Key& o) const {
            return customer == o.customer && year == o.year && product == o.product &&
                   value == o.value;
        }
        bool operator<(const Key& o) const {
            return std::tie(customer, year, product, value, row) <
                   std::tie(o.customer, o.year, o.product, o.value, o.row);
        }
    };
    // Not zeroed first: every slot is written by the counting sort, on every thread.
    const std::unique_ptr<Key[]> keys(new Key[links.size()]);
    const std::vector<std::uint32_t> start = counting_sort(
        links.size(), static_cast<std::uint32_t>(dataset.firms.size()), threads,
        [&](std::size_t i) { return links[i].supplier; },
        [&](std::size_t i, std::uint32_t slot) {
            const SupplyLink& l = links[i];
            keys[slot] = {l.customer, l.year, l.product, static_cast<std::uint32_t>(i), l.value};
        });
    const auto same_cells = [&](std::uint32_t a, std::uint32_t b) {
        for (const auto& column : dataset.link_extra.values) {
            if (column[a] != column[b]) return false;
        }
        return true;
    };
    // Suppliers in a fixed number of blocks, sorted side by side; the repeats are then taken in
    // supplier order, so the warnings come in the same order for any thread count.
    struct Repeat {
        std::uint32_t row;
        std::uint32_t earlier;
    };
    const std::vector<std::size_t> blocks =
        split_evenly(dataset.firms.size(), std::min<std::size_t>(64, dataset.firms.size()));
    std::vector<std::vector<Repeat>> repeats(blocks.size() - 1);
    std::vector<std::uint8_t> drop(links.size(), 0);  // bytes: a row is one block's alone
    parallel_for(threads, repeats.size(), [&](std::size_t b) {
        for (std::size_t f = blocks[b]; f < blocks[b + 1]; ++f) {
            if (start[f + 1] - start[f] < 2) continue;
            Key* const first = keys.get() + start[f];
            Key* const last = keys.get() + start[f + 1];
            std::sort(first, last);
            for (auto it = first; it != last; ++it) {
                // Compare with every earlier row of the same key (usually none or one).
                for (auto prev = it; prev != first && (prev - 1)->same(*it);) {
                    --prev;
                    if (drop[prev->row] != 0 || !same_cells(prev->row, it->row)) continue;
                    drop[it->row] = 1;
                    repeats[b].push_back({it->row, prev->row});
                    break;
                }
            }
        }
    });
    std::size_t dropped = 0;
    for (const auto& block : repeats) {
        for (const Repeat& r : block) {
            ++dropped;
            issues.warning(display, links[r.row].line,
                           msg("row repeats line {} exactly; merged", links[r.earlier].line));
        }
    }
    if (dropped == 0) return;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < links.size(); ++i) {
        if (drop[i]) continue;
        if (kept != i) {
            links[kept] = links[i];
            for (auto& column : dataset.link_extra.values) column[kept] = std::move(column[i]);
        }
        ++kept;
    }
    links.resize(kept);
    for (auto& column : dataset.link_extra.values) column.resize(kept);
}

}  // namespace

void read_links(TextFile file, Dataset& dataset, Issues& issues, unsigned threads,
                ProgressSink* sink) {
    const std::string& display = file.display;
    CsvParser header_parser(file.text, display, issues);
    const auto maybe_header =
        read_header(Table::links, header_parser, display, issues, detail::dataset_unit(dataset));
    if (!maybe_header) return;
    const Header& header = *maybe_header;
    dataset.links_have_value = header.has(kValue);
    dataset.links_have_year = header.has(kYear);
    dataset.link_extra.names = header.extra_names;
    dataset.link_extra.values.assign(header.extra_names.size(), {});

    const std::size_t size = file.text.size();
    std::string& text = file.text;
    const std::vector<detail::TextPart> parts =
        detail::split_rows(text, header_parser.offset(), header_parser.lines_read(), threads);

    Progress progress(sink, "reading " + display, size);
    std::vector<Chunk> chunks(parts.size());
    std::vector<std::size_t> room(chunks.size());
    parallel_for(threads, chunks.size(), [&](std::size_t p) {
        room[p] = 1 + static_cast<std::size_t>(std::count(text.data() + parts[p].begin,
                                                          text.data() + parts[p].end, '\n'));
    });
    std::size_t rows = 0;
    for (const std::size_t r : room) rows += r;
    const std::size_t base = dataset.links.size();
    dataset.links.resize(base + rows);
    rows = base;
    for (std::size_t p = 0; p < chunks.size(); ++p) {
        chunks[p].out = dataset.links.data() + rows;
        chunks[p].room = room[p];
        rows += room[p];
        chunks[p].issues.set_skip_bad_rows(issues.skip_bad_rows());
    }
    parallel_for(threads, chunks.size(), [&](std::size_t p) {
        CsvParser parser(text, parts[p].begin, parts[p].end, parts[p].line, display,
                         chunks[p].issues);
        parse_rows(parser, header, dataset, display, chunks[p], p == 0 ? &progress : nullptr);
    });
    std::string().swap(text);  // parsed: the bytes are not needed any more
    std::unordered_map<std::string, std::uint32_t> product_of;
    std::size_t kept = base;
    for (Chunk& chunk : chunks) join(chunk, dataset, kept, issues, product_of);
    dataset.links.resize(kept);
    merge_repeated_rows(dataset, display, issues, threads);
}

}  // namespace icn
