// SPDX-License-Identifier: MIT
#include "engine/io/read_dataset.hpp"

#include <thread>

#include <fmt/format.h>

namespace icn {

Dataset read_dataset(const std::filesystem::path& folder, const std::string& display,
                     Issues& issues) {
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

    // links.csv is read, checksummed and decoded while firms.csv is parsed: the links need the
    // firms, but their bytes do not.
    Issues link_file_issues;
    std::optional<TextFile> links_file;
    std::thread reader([&] {
        links_file = read_text_file(folder / "links.csv", name("links.csv"), link_file_issues);
    });
    if (auto file = read_text_file(folder / "firms.csv", name("firms.csv"), issues)) {
        remember(*file);
        read_firms(std::move(*file), dataset, issues);
    }
    reader.join();
    issues.append(link_file_issues);
    if (links_file) {
        remember(*links_file);
        read_links(std::move(*links_file), dataset, issues);
        links_file.reset();
    }
    if (std::filesystem::exists(folder / "firm_years.csv", ec)) {
        if (auto file = read_text_file(folder / "firm_years.csv", name("firm_years.csv"), issues)) {
            remember(*file);
            read_firm_years(std::move(*file), dataset, issues);
        }
    }
    if (std::filesystem::exists(folder / "cluster.json", ec)) {
        if (auto file = read_text_file(folder / "cluster.json", name("cluster.json"), issues)) {
            remember(*file);
            read_cluster_json(*file, dataset, issues);
        }
    }
    return dataset;
}

}  // namespace icn
