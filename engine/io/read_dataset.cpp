// SPDX-License-Identifier: MIT
#include "engine/io/read_dataset.hpp"

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

    if (auto file = read_text_file(folder / "firms.csv", name("firms.csv"), issues)) {
        remember(*file);
        read_firms(std::move(*file), dataset, issues);
    }
    if (auto file = read_text_file(folder / "links.csv", name("links.csv"), issues)) {
        remember(*file);
        read_links(std::move(*file), dataset, issues);
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
