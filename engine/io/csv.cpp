// SPDX-License-Identifier: MIT
#include "engine/io/csv.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "engine/util/message.hpp"

namespace icn {

CsvParser::CsvParser(std::string& text, std::string display, Issues& issues)
    : text_(text), display_(std::move(display)), issues_(issues), end_(text.size()) {}

CsvParser::CsvParser(std::string& text, std::size_t begin, std::size_t end,
                     std::uint32_t first_line, std::string display, Issues& issues)
    : text_(text),
      display_(std::move(display)),
      issues_(issues),
      pos_(begin),
      end_(end),
      line_(first_line) {}

bool CsvParser::next(CsvRecord& record) {
    char* const data = text_.data();
    const std::size_t n = end_;

    // Blank lines: nothing but an optional CR before the LF.
    while (pos_ < n) {
        if (data[pos_] == '\n') {
            ++pos_;
            ++line_;
        } else if (data[pos_] == '\r' && (pos_ + 1 == n || data[pos_ + 1] == '\n')) {
            ++pos_;
        } else {
            break;
        }
    }
    if (pos_ >= n) return false;

    record.line = line_;
    record.fields.clear();
    record.bad = false;
    bool too_many_columns = false;
    bool too_long = false;

    for (;;) {
        std::size_t start = pos_;
        std::size_t end = pos_;
        if (pos_ < n && data[pos_] == '"') {
            const std::uint32_t open_line = line_;
            ++pos_;
            start = pos_;
            std::size_t write = pos_;
            bool closed = false;
            while (pos_ < n) {
                const void* hit = std::memchr(data + pos_, '"', n - pos_);
                const std::size_t quote =
                    hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - data) : n;
                line_ += static_cast<std::uint32_t>(std::count(data + pos_, data + quote, '\n'));
                if (write != pos_) std::memmove(data + write, data + pos_, quote - pos_);
                write += quote - pos_;
                pos_ = quote;
                if (quote == n) break;
                if (quote + 1 < n && data[quote + 1] == '"') {
                    data[write++] = '"';
                    pos_ = quote + 2;
                    continue;
                }
                pos_ = quote + 1;
                closed = true;
                break;
            }
            if (!closed) {
                issues_.error(display_, open_line,
                              "unterminated quote: the quoted field opened here never closes");
                record.bad = true;
                pos_ = n;
                return true;
            }
            // Text after the closing quote and before the delimiter is kept (lenient, as Excel).
            while (pos_ < n && data[pos_] != ',' && data[pos_] != '\n' &&
                   !(data[pos_] == '\r' && (pos_ + 1 == n || data[pos_ + 1] == '\n'))) {
                data[write++] = data[pos_++];
            }
            end = write;
        } else {
            while (pos_ < n) {
                const char c = data[pos_];
                if (c == ',' || c == '\n') break;
                if (c == '\r' && (pos_ + 1 == n || data[pos_ + 1] == '\n')) break;
                ++pos_;
            }
            end = pos_;
        }

        if (end - start > kMaxFieldBytes && !too_long) {
            issues_.row_error(display_, record.line,
                              msg("field {} is {} bytes long; the limit is {} bytes",
                                  record.fields.size() + 1, end - start, kMaxFieldBytes));
            too_long = true;
            record.bad = true;
        }
        if (record.fields.size() < kMaxColumns) {
            record.fields.emplace_back(data + start, end - start);
        } else if (!too_many_columns) {
            issues_.row_error(
                display_, record.line,
                msg("more than {} columns; the limit is {}", kMaxColumns, kMaxColumns));
            too_many_columns = true;
            record.bad = true;
        }

        if (pos_ >= n) return true;
        if (data[pos_] == ',') {
            ++pos_;
            continue;
        }
        if (data[pos_] == '\r') ++pos_;
        if (pos_ < n && data[pos_] == '\n') {
            ++pos_;
            ++line_;
        }
        return true;
    }
}

std::string_view trim(std::string_view text) {
    for (;;) {
        if (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
            text.remove_prefix(1);
        } else if (!text.empty() && (text.back() == ' ' || text.back() == '\t' ||
                                     text.back() == '\r' || text.back() == '\n')) {
            text.remove_suffix(1);
        } else if (text.substr(0, 3) == "\u3000") {
            text.remove_prefix(3);
        } else if (text.size() >= 3 && text.substr(text.size() - 3) == "\u3000") {
            text.remove_suffix(3);
        } else {
            return text;
        }
    }
}

std::vector<std::string_view> split_list(std::string_view text) {
    std::vector<std::string_view> items;
    std::size_t start = 0;
    std::size_t i = 0;
    const auto push = [&](std::size_t stop) {
        std::string_view item = trim(text.substr(start, stop - start));
        if (!item.empty()) items.push_back(item);
    };
    while (i < text.size()) {
        if (text[i] == ';') {
            push(i);
            start = ++i;
        } else if (text.compare(i, 3, "\uFF1B") == 0) {
            push(i);
            i += 3;
            start = i;
        } else {
            ++i;
        }
    }
    push(text.size());
    return items;
}

}  // namespace icn
