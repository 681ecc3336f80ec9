// SPDX-License-Identifier: MIT
// Diagrams: golden DOT text for a drawn cluster (regenerate with scripts/update-golden.sh and
// review the diff), SVG that parses as XML and carries the Chinese labels, and the HTML report
// in a real browser (headless Chromium).
#include <cstdlib>

#include <gtest/gtest.h>

#include "engine/io/read_dataset.hpp"
#include "tests/support/test_support.hpp"
#include "viz/document.hpp"
#include "viz/dot_writer.hpp"
#include "viz/render.hpp"

namespace icn {
namespace {

struct Tiny {
    Dataset data;
    ChainTemplate chain;
    std::unique_ptr<AnalysisContext> context;
    AnalysisResults results;
    AnalyzeOptions options;
};

std::unique_ptr<Tiny> tiny() {
    auto t = std::make_unique<Tiny>();
    Issues issues;
    t->data = read_dataset(testing::source_dir() / "tests/data/tiny", "tests/data/tiny", issues);
    t->chain = read_chain_template(testing::source_dir() / "models/chains/bearing",
                                   "models/chains/bearing", issues);
    EXPECT_FALSE(issues.has_errors());
    t->context = std::make_unique<AnalysisContext>(
        make_context(t->data, t->chain, RegionSelector({"371581"}), std::nullopt));
    t->results = analyze(*t->context, t->options);
    return t;
}

ReportInput input(const Tiny& t, const char* lang) {
    ReportInput in{*t.context, t.results, t.options, {"371581"}, "tests/data/tiny", lang, {}};
    in.stamp.version = "test";
    in.stamp.generated_at = "2026-01-01T00:00:00Z";
    return in;
}

void expect_golden(const std::string& actual, const std::string& name) {
    const auto path = testing::source_dir() / "tests/golden" / name;
    if (std::getenv("ICN_UPDATE_GOLDEN") != nullptr) {
        testing::write_text(path, actual);
        return;
    }
    ASSERT_TRUE(std::filesystem::exists(path)) << path << " missing: run scripts/update-golden.sh";
    EXPECT_EQ(actual, testing::read_text(path)) << name << " differs: run scripts/update-golden.sh "
                                                << "and review the diff";
}

}  // namespace

TEST(Diagrams, ChainAndNetworkDotMatchTheGoldenFiles) {
    const auto t = tiny();
    expect_golden(chain_dot(input(*t, "zh")), "tiny_chain_zh.dot");
    expect_golden(chain_dot(input(*t, "en")), "tiny_chain_en.dot");
    expect_golden(network_dot(input(*t, "zh")), "tiny_network_zh.dot");
}

TEST(Diagrams, ChainDotShowsStatusesAndBrokenFlows) {
    const auto t = tiny();
    const std::string dot = chain_dot(input(*t, "zh"));
    EXPECT_NE(dot.find("密封件\\n本地0家 · 缺链"), std::string::npos);
    EXPECT_NE(dot.find("润滑脂\\n本地1家 · 弱链"), std::string::npos);
    EXPECT_NE(dot.find("label=\"断链\""), std::string::npos);
    EXPECT_NE(dot.find("rankdir=LR"), std::string::npos);
}

TEST(Diagrams, SvgParsesAsXmlAndCarriesTheChineseLabels) {
    const auto t = tiny();
    for (const auto& [name, dot] : {std::pair{"chain", chain_dot(input(*t, "zh"))},
                                    std::pair{"network", network_dot(input(*t, "zh"))}}) {
        const auto svg = render_dot(dot, "svg");
        ASSERT_TRUE(svg) << name;
        EXPECT_FALSE(svg->fell_back);
        testing::TempDir dir;
        testing::write_text(dir / "d.svg", svg->data);
        // Parsed by Python's XML parser; prints the text of every <text> element.
        const auto parsed = testing::run_shell(
            "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; "
            "t = E.parse(sys.argv[1]); "
            "print('\\n'.join(e.text or '' for e in t.iter('{http://www.w3.org/2000/svg}text')))\" "
            "'" +
            (dir / "d.svg").string() + "'");
        ASSERT_EQ(parsed.status, 0) << parsed.err;
        if (std::string(name) == "chain") {
            EXPECT_NE(parsed.out.find("密封件"), std::string::npos) << parsed.out;
            EXPECT_NE(parsed.out.find("图例"), std::string::npos);
        } else {
            EXPECT_NE(parsed.out.find("临清汽配1厂"), std::string::npos) << parsed.out;
        }
        EXPECT_NE(svg->data.find("Microsoft YaHei"), std::string::npos);  // a Windows fallback
    }
}

TEST(Diagrams, APathologicalLayoutFallsBackInsteadOfHanging) {
    // A DOT text that libgvc cannot parse fails every layout; the call returns, it does not hang.
    EXPECT_FALSE(render_dot("digraph { a -> ", "svg", 5).has_value());
    const auto ok = render_dot("digraph { a -> b }", "svg", 5);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->layout, "dot");
}

TEST(Report, HtmlAndMarkdownCarryTheSameContent) {
    const auto t = tiny();
    const Document doc = build_report_document(input(*t, "zh"), "<svg></svg>", "");
    const std::string html = to_html(doc);
    const std::string md = to_markdown(doc);
    for (const char* text : {"摘要", "集群凝聚度", "链主企业", "缺链", "招商补链", "韧性"}) {
        EXPECT_NE(html.find(text), std::string::npos) << text;
        EXPECT_NE(md.find(text), std::string::npos) << text;
    }
    EXPECT_EQ(html.find("<script"), std::string::npos);               // self-contained, no scripts
    EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org"));  // nothing fetched
    EXPECT_NE(md.find("![产业链图谱"), std::string::npos);
    const std::string en = to_html(build_report_document(input(*t, "en"), "", ""));
    EXPECT_NE(en.find("Summary"), std::string::npos);
    EXPECT_NE(en.find("lang=\"en\""), std::string::npos);
}

TEST(Report, OpensInHeadlessChromiumWithVisibleDiagrams) {
    if (!std::filesystem::exists("/usr/bin/chromium")) {
        GTEST_SKIP()
            << "Debian's chromium is not installed (scripts/setup.sh --browser installs it)";
    }
    testing::TempDir dir;
    const auto out = dir / "report";
    const auto run =
        testing::run_icn({"--quiet", "analyze", "datasets/sample/linqing-bearing", "--chain",
                          "bearing", "--region", "371581", "--out", out.string()});
    ASSERT_EQ(run.status, 0) << run.err;
    // A probe copy of the report (the report itself has no scripts) that measures the SVGs.
    std::string html = testing::read_text(out / "report.html");
    const std::string probe =
        "<script>window.addEventListener('load', () => { const s = [...document.querySelectorAll("
        "'figure svg')]; const seen = s.filter(e => { const r = e.getBoundingClientRect(); "
        "return r.width > 200 && r.height > 100 && e.querySelectorAll('text').length > 5; }); "
        "document.title = 'SVG_VISIBLE ' + seen.length + '/' + s.length; });</script>";
    html.insert(html.rfind("</body>"), probe);
    testing::write_text(out / "probe.html", html);
    const std::string chromium =
        "/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
        "--disable-background-networking --disable-component-update --disable-sync "
        "--user-data-dir='" +
        (dir / "profile").string() + "' --virtual-time-budget=5000 ";
    const auto dom =
        testing::run_shell(chromium + "--dump-dom 'file://" + (out / "probe.html").string() + "'");
    ASSERT_EQ(dom.status, 0) << dom.err;
    EXPECT_NE(dom.out.find("<title>SVG_VISIBLE 2/2</title>"), std::string::npos)
        << dom.out.substr(0, 400);
    EXPECT_EQ(dom.err.find("Uncaught"), std::string::npos) << dom.err;
    const auto shot = testing::run_shell(chromium + "--window-size=1200,1600 --screenshot='" +
                                         (dir / "shot.png").string() + "' 'file://" +
                                         (out / "report.html").string() + "'");
    ASSERT_EQ(shot.status, 0) << shot.err;
    EXPECT_GT(std::filesystem::file_size(dir / "shot.png"), 50000u);
}

}  // namespace icn
