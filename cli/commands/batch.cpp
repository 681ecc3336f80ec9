// SPDX-License-Identifier: MIT
// icn batch PLAN.csv [--jobs J]: many clusters (SPEC section 4). Each row of the plan
// (dataset,chain,region,out; paths relative to the plan; region may list several, ;-separated)
// runs `icn analyze` in a process of its own, at most J at a time, so that one cluster's bad
// input or fault never stops the others. summary.csv beside the plan gives every cluster's
// status, its message when it failed, and its headline figures. Exit 0 when every cluster
// succeeded, 2 when some had bad input, 1 when one met a fault.
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <map>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "cli/terminal_progress.hpp"
#include "engine/io/csv.hpp"
#include "engine/io/text_file.hpp"
#include "engine/util/message.hpp"
#include "engine/util/progress.hpp"
#include "engine/util/staged_output.hpp"
#include "viz/tables.hpp"

namespace icn::cli {
namespace {

namespace fs = std::filesystem;

struct BatchCommand {
    std::string plan;
    unsigned jobs = 0;
    std::vector<std::string> formats;  // --formats, passed to each icn analyze
};

struct Cluster {
    std::uint32_t line = 0;
    std::string dataset, chain, out;
    std::vector<std::string> regions;
    int status = -1;
    std::string message;  // the first problem, when it failed
};

constexpr std::string_view kSummaryHeader =
    "\xEF\xBB\xBF"
    "dataset,chain,region,out,status,";

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A summary.csv that ICN wrote starts with its header; any other file of that name is the
// user's, and is not overwritten.
bool written_by_batch(const fs::path& path) {
    return slurp(path).compare(0, kSummaryHeader.size(), kSummaryHeader) == 0;
}

std::vector<Cluster> read_plan(const fs::path& plan, Issues& issues) {
    std::vector<Cluster> clusters;
    auto file = read_text_file(plan, plan.string(), issues);
    if (!file) return clusters;
    CsvParser parser(file->text, plan.string(), issues);
    CsvRecord record;
    std::map<std::string, std::size_t> column;
    const fs::path base = plan.parent_path();
    while (parser.next(record)) {
        if (column.empty()) {
            for (std::size_t i = 0; i < record.fields.size(); ++i) {
                column[std::string(trim(record.fields[i]))] = i;
            }
            for (const char* name : {"dataset", "chain", "region", "out"}) {
                if (column.count(name) == 0) {
                    issues.error(plan.string(), 1, msg("missing required column '{}'", name));
                }
            }
            if (issues.has_errors()) return clusters;
            continue;
        }
        const auto cell = [&](const char* name) {
            const std::size_t i = column.at(name);
            return i < record.fields.size() ? std::string(trim(record.fields[i])) : std::string();
        };
        Cluster c;
        c.line = record.line;
        const auto resolve = [&](const std::string& path) {
            return path.empty() || fs::path(path).is_absolute() ? path : (base / path).string();
        };
        c.dataset = resolve(cell("dataset"));
        const std::string chain = cell("chain");
        // A shipped template's id stays an id; a path is relative to the plan.
        c.chain = chain.find('/') == std::string::npos ? chain : resolve(chain);
        c.out = resolve(cell("out"));
        const std::string regions = cell("region");  // split_list gives views into it
        for (std::string_view r : split_list(regions)) c.regions.emplace_back(r);
        if (c.dataset.empty() || c.chain.empty() || c.out.empty() || c.regions.empty()) {
            issues.error(plan.string(), c.line, "dataset, chain, region and out are all needed");
            continue;
        }
        clusters.push_back(std::move(c));
    }
    return clusters;
}

// Starts `icn analyze` for one cluster; its messages go to `log`.
pid_t start(const Cluster& c, const fs::path& log, const std::vector<std::string>& formats) {
    std::vector<std::string> args = {"/proc/self/exe", "--quiet", "--lang",  global_options().lang,
                                     "analyze",        c.dataset, "--chain", c.chain,
                                     "--out",          c.out};
    if (global_options().skip_bad_rows) args.emplace_back("--skip-bad-rows");
    if (!formats.empty()) {
        std::string list = "json";  // the summary reads report.json
        for (const std::string& f : formats) {
            if (f != "json") list += "," + f;
        }
        args.emplace_back("--formats");
        args.push_back(list);
    }
    for (const std::string& r : c.regions) {
        args.emplace_back("--region");
        args.push_back(r);
    }
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            ::dup2(fd, STDERR_FILENO);
            ::dup2(fd, STDOUT_FILENO);
        }
        ::execv("/proc/self/exe", argv.data());
        ::_exit(1);
    }
    return pid;
}

int run_batch(const BatchCommand& command) {
    const bool zh = global_options().zh();
    Issues issues;
    const fs::path plan = command.plan;
    std::vector<Cluster> clusters = read_plan(plan, issues);
    print_issues(issues);
    if (issues.has_errors()) return kExitBadInput;
    const fs::path summary = plan.parent_path() / "summary.csv";
    std::error_code ec;
    if (fs::exists(summary, ec) && !written_by_batch(summary)) {
        std::fprintf(stderr,
                     zh ? "icn batch：%s 不是 ICN 写的，不会覆盖；请移走或改名后再运行\n"
                        : "icn batch: %s was not written by ICN and will not be replaced; move or "
                          "rename it first\n",
                     summary.string().c_str());
        return kExitBadInput;
    }

    // Logs live in a private temporary folder, removed at the end.
    std::string logs_template = (fs::temp_directory_path() / "icn-batch-XXXXXX").string();
    if (::mkdtemp(logs_template.data()) == nullptr)
        throw OutputError("cannot make a temporary folder");
    const fs::path logs = logs_template;
    const unsigned jobs = command.jobs > 0 ? command.jobs : 1;
    std::map<pid_t, std::size_t> running;
    std::size_t next = 0, done = 0;
    Progress progress(terminal_progress(), "clusters", clusters.size());
    while (done < clusters.size()) {
        while (running.size() < jobs && next < clusters.size()) {
            running[start(clusters[next], logs / std::to_string(next), command.formats)] = next;
            ++next;
        }
        int status = 0;
        const pid_t pid = ::wait(&status);
        if (pid < 0) break;
        const auto it = running.find(pid);
        if (it == running.end()) continue;
        Cluster& c = clusters[it->second];
        c.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (c.status != 0) {
            const std::string log = slurp(logs / std::to_string(it->second));
            c.message = log.substr(0, log.find('\n'));
        }
        running.erase(it);
        progress.update(++done);
    }
    progress.finish();
    fs::remove_all(logs, ec);

    DataTable table{"", "summary.csv", {}, {}};
    for (const char* h :
         {"dataset", "chain", "region", "out", "status", "local_firms", "gaps", "missing", "weak",
          "broken", "dependent", "criteria_passed", "criteria_failed", "message"}) {
        const bool number = std::string_view(h) == "local_firms" || std::string_view(h) == "gaps" ||
                            std::string_view(h).find("criteria") == 0 ||
                            std::string_view(h) == "missing" || std::string_view(h) == "weak" ||
                            std::string_view(h) == "broken" || std::string_view(h) == "dependent";
        table.columns.push_back({h, number ? ColumnKind::count : ColumnKind::text});
    }
    int exit = kExitOk;
    for (const Cluster& c : clusters) {
        std::string regions;
        for (const std::string& r : c.regions) regions += (regions.empty() ? "" : ";") + r;
        const char* status = c.status == 0               ? "ok"
                             : c.status == kExitBadInput ? "bad_input"
                                                         : "fault";
        if (c.status == kExitBadInput && exit == kExitOk) exit = kExitBadInput;
        if (c.status != 0 && c.status != kExitBadInput) exit = kExitFault;
        std::vector<TableCell> row = {
            {c.dataset, {}}, {c.chain, {}}, {regions, {}}, {c.out, {}}, {status, {}}};
        std::optional<double> firms, gaps, missing, weak, broken, dependent, passed, failed;
        if (c.status == 0) {
            try {
                const auto json = nlohmann::json::parse(slurp(fs::path(c.out) / "report.json"));
                firms = json["cluster"]["local_firms"].get<double>();
                gaps = static_cast<double>(json["gaps"].size());
                missing = weak = broken = dependent = 0.0;
                for (const auto& g : json["gaps"]) {
                    const std::string kind = g["kind"];
                    (kind == "missing"  ? *missing
                     : kind == "weak"   ? *weak
                     : kind == "broken" ? *broken
                                        : *dependent) += 1;
                }
                passed = failed = 0.0;
                for (const auto& r : json["diagnostics"]["criteria"]) {
                    if (r["status"] == "pass") *passed += 1;
                    if (r["status"] == "fail") *failed += 1;
                }
            } catch (const std::exception&) {
            }
        }
        for (const auto& v : {firms, gaps, missing, weak, broken, dependent, passed, failed}) {
            row.push_back({{}, v});
        }
        row.push_back({c.message, {}});
        table.rows.push_back(std::move(row));
    }
    // Written to a temporary name and renamed: never half-written.
    const fs::path temp = plan.parent_path() / fmt::format(".summary.csv.icn-{}", ::getpid());
    write_file(temp, to_csv(table));
    fs::rename(temp, summary);
    if (!global_options().quiet) {
        std::size_t ok = 0;
        for (const Cluster& c : clusters) ok += c.status == 0 ? 1 : 0;
        std::fprintf(stderr,
                     zh ? "icn batch：%zu 个集群完成，%zu 个失败 -> %s\n"
                        : "icn batch: %zu clusters done, %zu failed -> %s\n",
                     ok, clusters.size() - ok, summary.string().c_str());
    }
    return exit;
}

}  // namespace

void setup_batch(CLI::App& app) {
    auto command = std::make_shared<BatchCommand>();
    CLI::App* cmd = app.add_subcommand(
        "batch", "Analyse many clusters from a plan (dataset,chain,region,out), with summary.csv");
    cmd->add_option("plan", command->plan, "Plan CSV: dataset,chain,region,out")->required();
    cmd->add_option("--formats", command->formats,
                    "Report files of each cluster, as icn analyze --formats (json always)")
        ->delimiter(',')
        ->allow_extra_args(false);
    cmd->add_option("--jobs", command->jobs, "Clusters analysed at once (default 1)")
        ->check(CLI::Range(1u, 256u));
    cmd->callback([command] { exit_status() = run_batch(*command); });
}

}  // namespace icn::cli
