// SPDX-License-Identifier: MIT
// Writes a folder of outputs so that it never ends half-written and never costs the user a file
// (SPEC section 2). Files go into a staging folder beside the target, which is swapped in by one
// rename at commit(); a lock on the parent folder keeps two runs from interleaving. Without
// commit() (an error, an exception) the staging folder is removed and the target is left exactly
// as it was.
//
// ICN writes only where it may: a new folder, an empty one, or one that carries the manifest ICN
// leaves in every output folder (kManifestName). It then replaces only the files that manifest
// lists; every other file in the folder is carried into the new one untouched (hard links, so
// not even copied). Refused, before anything is written: `/`, the home folder, the current
// folder, a folder that is, contains or lies inside an input, a symbolic link, something that is
// not a folder, and a non-empty folder without the manifest. docs/decisions/0002-output-staging.md.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace icn {

inline constexpr std::string_view kManifestName = ".icn-manifest";

// The machine failed us (permission, disk full): exit status 1.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Why an output folder may not be written. The front end words it in the user's language.
enum class OutputRefusal {
    root,             // `/`
    home,             // the home folder
    current,          // the current folder
    is_input,         // the folder is an input
    contains_input,   // an input lies inside it
    inside_input,     // it lies inside an input folder
    symlink,          // a symbolic link (dangling or not)
    not_a_folder,     // an existing file or other non-folder
    foreign_files,    // a non-empty folder without ICN's manifest
    would_overwrite,  // a file ICN did not write has the name of one it writes now
};

// The folder may not be written: exit status 2 (bad usage), nothing written.
class OutputRefused : public std::runtime_error {
public:
    OutputRefused(OutputRefusal reason, std::filesystem::path target, std::string detail);
    OutputRefusal reason;
    std::filesystem::path target;
    std::string detail;  // the input concerned, or a few of the foreign files
};

// Throws OutputRefused when `target` may not be written, given the inputs (files or folders) of
// the run. Commands call it before they start work; StagedOutput calls it again under its lock.
void check_output_folder(const std::filesystem::path& target,
                         const std::vector<std::filesystem::path>& inputs);

// The files a manifest lists (empty when `folder` has none).
std::vector<std::string> read_manifest(const std::filesystem::path& folder);

class StagedOutput {
public:
    // Checks the target (check_output_folder), takes the lock and makes the staging folder.
    // `writer` names the run in the manifest ("icn 0.1.0 analyze").
    StagedOutput(std::filesystem::path target, const std::vector<std::filesystem::path>& inputs,
                 std::string writer);
    ~StagedOutput();
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    // Where to write `name` inside the staging folder (for libraries that write files).
    std::filesystem::path path(std::string_view name) const { return staging_ / name; }
    // Writes `content` to `name` in the staging folder; throws OutputError on any failure.
    void write(std::string_view name, std::string_view content);
    // Writes the manifest (every file now in the staging folder), carries over the files of the
    // target that ICN did not write, and swaps the staging folder in.
    void commit();

    const std::filesystem::path& target() const { return target_; }
    const std::filesystem::path& staging() const { return staging_; }

private:
    std::filesystem::path target_;
    std::filesystem::path staging_;
    std::vector<std::filesystem::path> inputs_;
    std::string writer_;
    int lock_fd_ = -1;
    bool committed_ = false;
};

// Writes a whole file, throwing OutputError with the reason on failure (ENOSPC, EACCES, ...).
void write_file(const std::filesystem::path& path, std::string_view content);

}  // namespace icn
