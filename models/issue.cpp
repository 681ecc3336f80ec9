// SPDX-License-Identifier: MIT
#include "models/issue.hpp"

#include <algorithm>

namespace icn {

std::string format_issue(const Issue& issue) {
    std::string out = issue.file;
    if (issue.line > 0) {
        out += ':';
        out += std::to_string(issue.line);
    }
    out += ": ";
    if (issue.severity == Severity::warning) out += "warning: ";
    if (issue.severity == Severity::note) out += "note: ";
    out += issue.message;
    return out;
}

namespace {

Issue make(Severity severity, std::string file, std::uint32_t line, std::string message) {
    Issue issue{severity, std::move(file), line, std::move(message), {}, {}, false};
    issue.key = issue.message;
    return issue;
}

Issue make(Severity severity, std::string file, std::uint32_t line, Message message) {
    return {severity,
            std::move(file),
            line,
            std::move(message.text),
            std::move(message.key),
            std::move(message.args)};
}

}  // namespace

void Issues::error(std::string file, std::uint32_t line, std::string message) {
    items_.push_back(make(Severity::error, std::move(file), line, std::move(message)));
    ++errors_;
}

void Issues::warning(std::string file, std::uint32_t line, std::string message) {
    items_.push_back(make(Severity::warning, std::move(file), line, std::move(message)));
}

void Issues::note(std::string file, std::uint32_t line, std::string message) {
    items_.push_back(make(Severity::note, std::move(file), line, std::move(message)));
}

void Issues::error(std::string file, std::uint32_t line, Message message) {
    items_.push_back(make(Severity::error, std::move(file), line, std::move(message)));
    ++errors_;
}

void Issues::warning(std::string file, std::uint32_t line, Message message) {
    items_.push_back(make(Severity::warning, std::move(file), line, std::move(message)));
}

void Issues::note(std::string file, std::uint32_t line, Message message) {
    items_.push_back(make(Severity::note, std::move(file), line, std::move(message)));
}

void Issues::row_error(std::string file, std::uint32_t line, std::string message) {
    if (!skip_bad_rows_) return error(std::move(file), line, std::move(message));
    Issue issue = make(Severity::warning, std::move(file), line, std::move(message));
    issue.row_skipped = true;
    items_.push_back(std::move(issue));
}

void Issues::row_error(std::string file, std::uint32_t line, Message message) {
    if (!skip_bad_rows_) return error(std::move(file), line, std::move(message));
    Issue issue = make(Severity::warning, std::move(file), line, std::move(message));
    issue.row_skipped = true;
    items_.push_back(std::move(issue));
}

std::size_t Issues::skipped_rows() const {
    // One row may have several problems: count distinct (file, line).
    std::vector<std::pair<std::string, std::uint32_t>> rows;
    for (const Issue& issue : items_) {
        if (issue.row_skipped) rows.emplace_back(issue.file, issue.line);
    }
    std::sort(rows.begin(), rows.end());
    return static_cast<std::size_t>(std::unique(rows.begin(), rows.end()) - rows.begin());
}

void Issues::append(const Issues& other) {
    for (const Issue& issue : other.items_) {
        items_.push_back(issue);
        if (issue.severity == Severity::error) ++errors_;
    }
}

std::vector<Issue> Issues::sorted() const {
    // Files keep the order in which they were first reported; lines ascend within a file.
    std::vector<std::string> files;
    std::vector<std::pair<std::size_t, std::size_t>> keys;  // (file rank, item index)
    for (std::size_t i = 0; i < items_.size(); ++i) {
        auto it = std::find(files.begin(), files.end(), items_[i].file);
        if (it == files.end()) it = files.insert(files.end(), items_[i].file);
        keys.emplace_back(static_cast<std::size_t>(it - files.begin()), i);
    }
    std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return items_[a.second].line < items_[b.second].line;
    });
    std::vector<Issue> out;
    out.reserve(items_.size());
    for (const auto& key : keys) out.push_back(items_[key.second]);
    return out;
}

}  // namespace icn
