// SPDX-License-Identifier: MIT
// A problem found in the input: FILE:LINE: message (SPEC section 2).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace icn {

enum class Severity { error, warning, note };

// What a message says, as data: its English template, which is also its key in the front end's
// catalog of translations (viz/messages.cpp), each argument as text, and the English sentence.
struct Message {
    std::string key;                // "unknown {} {}: not in firms.csv"
    std::vector<std::string> args;  // the text of each placeholder, in order
    std::string text;               // the English sentence
};

struct Issue {
    Severity severity = Severity::error;
    std::string file;        // as the user would find it: the path given plus the file name
    std::uint32_t line = 0;  // physical line from 1; 0 = the file as a whole
    std::string message;     // English
    std::string key;         // the message's template (== message when it has no arguments)
    std::vector<std::string> args;
    bool row_skipped = false;  // a row-level error turned warning by --skip-bad-rows
};

// "FILE:LINE: message", "FILE: message", with "warning: " / "note: " before warnings and notes.
std::string format_issue(const Issue& issue);

class Issues {
public:
    void error(std::string file, std::uint32_t line, std::string message);
    void warning(std::string file, std::uint32_t line, std::string message);
    void note(std::string file, std::uint32_t line, std::string message);
    void error(std::string file, std::uint32_t line, Message message);
    void warning(std::string file, std::uint32_t line, Message message);
    void note(std::string file, std::uint32_t line, Message message);
    // A problem with one row (a bad cell, an unknown firm, a ragged row): an error, or with
    // --skip-bad-rows a warning whose row the reader leaves out, listed in the report.
    void row_error(std::string file, std::uint32_t line, std::string message);
    void row_error(std::string file, std::uint32_t line, Message message);
    void set_skip_bad_rows(bool skip) { skip_bad_rows_ = skip; }
    bool skip_bad_rows() const { return skip_bad_rows_; }
    std::size_t skipped_rows() const;

    void add(Issue issue) { items_.push_back(std::move(issue)); }
    void append(const Issues& other);

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    const std::vector<Issue>& items() const { return items_; }
    // Errors and warnings in file order, then line order (stable for equal keys).
    std::vector<Issue> sorted() const;

private:
    std::vector<Issue> items_;
    std::size_t errors_ = 0;
    bool skip_bad_rows_ = false;
};

}  // namespace icn
