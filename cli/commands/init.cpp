// SPDX-License-Identifier: MIT
// icn init DIR: a dataset to fill in, as one workbook 集群数据.xlsx (viz/workbook.hpp). It never
// overwrites a workbook that exists: the file is written under a temporary name and linked
// into place only where no file of that name is.
#include <cstdio>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "engine/util/staged_output.hpp"
#include "viz/workbook.hpp"

namespace icn::cli {
namespace {

int run_init(const std::string& dir) {
    const bool zh = global_options().zh();
    const std::filesystem::path folder = dir;
    const std::filesystem::path target = folder / "集群数据.xlsx";
    std::error_code ec;
    if (std::filesystem::exists(target, ec)) {
        std::fprintf(stderr,
                     zh ? "icn init：%s 已存在，不会覆盖；请换一个文件夹\n"
                        : "icn init: %s exists and will not be overwritten; choose another "
                          "folder\n",
                     target.string().c_str());
        return kExitBadInput;
    }
    std::filesystem::create_directories(folder, ec);
    if (ec) throw OutputError(fmt::format("{}: cannot create: {}", dir, ec.message()));
    const std::filesystem::path temp = folder / fmt::format(".集群数据.xlsx.icn-{}", ::getpid());
    write_dataset_template(temp);
    // link() fails if the name was taken meanwhile: an existing workbook is never replaced.
    if (::link(temp.c_str(), target.c_str()) != 0) {
        std::filesystem::remove(temp, ec);
        throw OutputError(fmt::format("{}: cannot create", target.string()));
    }
    std::filesystem::remove(temp, ec);
    if (!global_options().quiet) {
        std::fprintf(
            stderr,
            zh ? "icn init：已生成 %s（企业名录、供货关系、历年数据、集群概况、填写说明）\n"
               : "icn init: wrote %s (firms, links, yearly figures, cluster facts, "
                 "instructions)\n",
            target.string().c_str());
    }
    return kExitOk;
}

}  // namespace

void setup_init(CLI::App& app) {
    auto dir = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand(
        "init", "Write a workbook to fill in (集群数据.xlsx) into a folder, never over one");
    cmd->add_option("dir", *dir, "Folder for the new dataset")->required();
    cmd->callback([dir] { exit_status() = run_init(*dir); });
}

}  // namespace icn::cli
