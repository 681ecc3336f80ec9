// SPDX-License-Identifier: MIT
#include "engine/io/read_dataset.hpp"

#include <new>

#include <fmt/format.h>

#include "engine/util/parallel.hpp"

namespace icn {

namespace {

// Runs `read`, turning a failed allocation into OutOfMemory naming the file.
template <typename Read>
void reading(const char* file, Read&& read) {
    try {
        read();
    } catch (const OutOfMemory&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw OutOfMemory(file);
    }
}

}  // namespace

Dataset read_dataset(const std::filesystem::path& folder, const std::string& display,
                     Issues& issues, unsigned threads) {
    Dataset dataset;
    dataset.folder = display;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        issues.error(display, 0,
                     std::filesystem::exists(folder, ec)
                         ? "not a folder: a dataset is a folder holding firms.csv and links.csv"
                         : "no such dataset folder");
        return dataset;
    }
    const auto name = [&](const char* file) {
        return (std::filesystem::path(display) / file).string();
    };
    const auto remember = [&](const TextFile& file) {
        dataset.files.push_back({file.display, file.sha256, file.encoding});
    };

    // cluster.json first: its output_unit is the unit that amounts are converted into.
    if (std::filesystem::exists(folder / "cluster.json", ec)) {
        if (auto file = read_text_file(folder / "cluster.json", name("cluster.json"), issues)) {
            remember(*file);
            read_cluster_json(*file, dataset, issues);
        }
    }

    // links.csv is read, checksummed and decoded while firms.csv is parsed: the links need the
    // firms, but their bytes do not.
    Issues link_file_issues;
    std::optional<TextFile> links_file;
    parallel_for(threads, 2, [&](std::size_t task) {
        if (task == 1) {
            reading("links.csv", [&] {
                links_file =
                    read_text_file(folder / "links.csv", name("links.csv"), link_file_issues);
            });
            return;
        }
        reading("firms.csv", [&] {
            if (auto file = read_text_file(folder / "firms.csv", name("firms.csv"), issues)) {
                remember(*file);
                read_firms(std::move(*file), dataset, issues);
            }
        });
    });
    issues.append(link_file_issues);
    if (links_file) {
        remember(*links_file);
        reading("links.csv", [&] { read_links(std::move(*links_file), dataset, issues, threads); });
        links_file.reset();
    }
    if (std::filesystem::exists(folder / "firm_years.csv", ec)) {
        if (auto file = read_text_file(folder / "firm_years.csv", name("firm_years.csv"), issues)) {
            remember(*file);
            read_firm_years(std::move(*file), dataset, issues);
        }
    }
    return dataset;
}

}  // namespace icn
