// SPDX-License-Identifier: MIT
// icn classify DATASET --chain C [--out DIR] [--accept-all]: proposes a segment for every firm
// that has none (engine/classify/classify.hpp) and writes, into DIR (default ./icn-classify,
// never inside an input), firms.classified.csv (proposal, confidence, evidence, accept) and
// review.csv (firms it could not place, or placed ambiguously). The user's files are not
// changed; `icn analyze --use-classified DIR/firms.classified.csv` takes the accepted rows.
#include "engine/classify/classify.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "cli/common.hpp"
#include "engine/io/read_dataset.hpp"
#include "engine/util/progress.hpp"
#include "engine/util/staged_output.hpp"
#include "viz/tables.hpp"

namespace icn::cli {
namespace {

struct ClassifyCommand {
    std::string dataset;
    std::string chain;
    std::string out = "icn-classify";
    bool out_given = false;
    bool accept_all = false;
};

const char* evidence_word(EvidenceKind kind, bool zh) {
    switch (kind) {
        case EvidenceKind::industry:
            return zh ? "行业代码" : "industry";
        case EvidenceKind::name:
            return zh ? "名称" : "name";
        case EvidenceKind::scope:
            return zh ? "经营范围" : "scope";
        case EvidenceKind::products:
            return zh ? "主要产品" : "products";
    }
    return "";
}

int run_classify(const ClassifyCommand& command) {
    const bool zh = global_options().zh();
    Issues issues;
    // The template is read here, not checked against the firms: firms without segments are
    // what classify is for (a dataset none of whose firms is placed would be "the wrong
    // template" to analyze).
    Inputs inputs = load_inputs(command.dataset, "", {}, issues);
    ClassifierModel model;
    std::string display;
    if (const auto folder = resolve_chain(command.chain, issues, &display)) {
        inputs.chain = read_chain_template(*folder, display, issues);
        inputs.chain_folder = *folder;
        model = read_classifier(*folder, display, *inputs.chain, issues);
    }
    print_issues(issues);
    const auto paths = input_paths(inputs);
    try {
        check_output_folder(command.out, paths);
    } catch (const OutputRefused& refused) {
        std::fprintf(stderr, "icn classify: %s\n",
                     refusal_message(refused, !command.out_given).c_str());
        return kExitBadInput;
    }
    if (issues.has_errors()) return kExitBadInput;
    const Dataset& data = inputs.dataset;
    const ChainTemplate& chain = *inputs.chain;
    const auto name_of = [&](std::uint32_t s) {
        return zh ? chain.segments[s].name
                  : (chain.segments[s].name_en.empty() ? chain.segments[s].id
                                                       : chain.segments[s].name_en);
    };

    DataTable classified{"", "firms.classified.csv", {}, {}};
    DataTable review{"", "review.csv", {}, {}};
    const auto columns = [&](DataTable& t, std::initializer_list<const char*> zh_names,
                             std::initializer_list<const char*> en_names) {
        for (const char* name : zh ? zh_names : en_names)
            t.columns.push_back({name, ColumnKind::text});
    };
    // The first columns keep the English names analyze --use-classified reads.
    columns(classified,
            {"id", "企业名称", "行业代码", "现有环节", "proposed_segment", "建议环节名称",
             "confidence", "依据", "accept"},
            {"id", "name", "industry", "segment", "proposed_segment", "proposed_segment_name",
             "confidence", "evidence", "accept"});
    classified.columns[6].kind = ColumnKind::number;
    columns(review, {"id", "企业名称", "行业代码", "原因", "候选环节"},
            {"id", "name", "industry", "reason", "candidates"});
    std::size_t proposed = 0, to_review = 0, placed = 0;
    for (std::uint32_t f = 0; f < data.firms.size(); ++f) {
        const Firm& firm = data.firms[f];
        std::string current;
        for (std::uint32_t label : firm.segments) {
            current += (current.empty() ? "" : ";") + data.segment_labels[label];
        }
        if (!current.empty()) {
            ++placed;
            classified.rows.push_back({{firm.id, {}},
                                       {firm.name, {}},
                                       {firm.industry, {}},
                                       {current, {}},
                                       {},
                                       {},
                                       {},
                                       {},
                                       {}});
            continue;
        }
        const Proposal p = classify(firm, model, chain.segments.size());
        std::string evidence;
        for (const Evidence& e : p.evidence) {
            evidence += fmt::format("{}{}：{}", evidence.empty() ? "" : (zh ? "；" : "; "),
                                    evidence_word(e.kind, zh), e.text);
        }
        if (p.industry_padded) {
            evidence +=
                zh ? "（行业代码补回了首位 0）" : " (industry code: its leading 0 restored)";
        }
        const bool sure = p.segment && !p.ambiguous;
        classified.rows.push_back(
            {{firm.id, {}},
             {firm.name, {}},
             {firm.industry, {}},
             {"", {}},
             {p.segment ? chain.segments[*p.segment].id : "", {}},
             {p.segment ? name_of(*p.segment) : "", {}},
             {{}, p.segment ? std::optional<double>(p.confidence) : std::nullopt},
             {evidence, {}},
             {p.segment ? (command.accept_all && sure ? "1" : "0") : "", {}}});
        if (p.segment) ++proposed;
        if (!sure) {
            ++to_review;
            std::string candidates;
            if (p.segment) candidates = chain.segments[*p.segment].id;
            if (p.runner_up) candidates += ";" + chain.segments[*p.runner_up].id;
            review.rows.push_back(
                {{firm.id, {}},
                 {firm.name, {}},
                 {firm.industry, {}},
                 {p.segment ? (zh ? "两个环节得分接近" : "two segments score alike")
                            : (zh ? "没有行业代码或关键词能确定环节"
                                  : "no industry code or keyword places it"),
                  {}},
                 {candidates, {}}});
        }
    }
    StagedOutput output(command.out, paths, "icn " ICN_VERSION " classify");
    output.write("firms.classified.csv", to_csv(classified));
    output.write("review.csv", to_csv(review));
    output.commit();
    if (!global_options().quiet) {
        std::fprintf(stderr,
                     zh ? "icn classify：%zu 家企业已有环节，%zu 家得到建议，%zu 家需复核 -> %s/"
                          "firms.classified.csv（accept 列填 1 表示采纳）\n"
                        : "icn classify: %zu firms already placed, %zu proposals, %zu to review "
                          "-> %s/firms.classified.csv (set accept to 1 to take a proposal)\n",
                     placed, proposed, to_review, command.out.c_str());
    }
    return kExitOk;
}

}  // namespace

void setup_classify(CLI::App& app) {
    auto command = std::make_shared<ClassifyCommand>();
    CLI::App* cmd = app.add_subcommand(
        "classify", "Propose chain segments for firms without one (企业挂链), for review");
    cmd->add_option("dataset", command->dataset, "Dataset folder")->required();
    cmd->add_option("--chain", command->chain, "Chain template: a folder or a shipped id")
        ->required();
    cmd->add_option("--out", command->out, "Output folder (new, empty, or one ICN wrote)")
        ->capture_default_str()
        ->each([command](const std::string&) { command->out_given = true; });
    cmd->add_flag("--accept-all", command->accept_all,
                  "Mark every unambiguous proposal accepted (accept = 1)");
    cmd->callback([command] { exit_status() = run_classify(*command); });
}

}  // namespace icn::cli
