// SPDX-License-Identifier: MIT
// Diagrams: golden DOT text for a drawn cluster (regenerate with scripts/update-golden.sh and
// review the diff), SVG that parses as XML and carries the Chinese labels, and the HTML report
// in a real browser (headless Chromium).
#include <cstdlib>
#include <map>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/io/read_dataset.hpp"
#include "tests/support/test_support.hpp"
#include "viz/document.hpp"
#include "viz/dot_writer.hpp"
#include "viz/firm_directory.hpp"
#include "viz/html_explorer.hpp"
#include "viz/network_diagram.hpp"
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

namespace {
// The directory's data, as the page's script reads it.
nlohmann::json parsed(const FirmDirectory& directory) {
    return nlohmann::json::parse(directory.json);
}
}  // namespace

TEST(Diagrams, ChainAndNetworkDotMatchTheGoldenFiles) {
    const auto t = tiny();
    expect_golden(chain_dot(input(*t, "zh")), "tiny_chain_zh.dot");
    expect_golden(chain_dot(input(*t, "en")), "tiny_chain_en.dot");
    expect_golden(network_dot(input(*t, "zh")), "tiny_network_zh.dot");
    const auto views = segment_views(input(*t, "zh"));
    ASSERT_FALSE(views.empty());
    expect_golden(segment_network_dot(input(*t, "zh"), views.front().segment),
                  "tiny_segment_zh.dot");
}

TEST(Diagrams, NetworkShowsEverySegmentByTierAndTellsLeadersApart) {
    const auto t = tiny();
    const ReportInput in = input(*t, "zh");
    const std::string dot = network_dot(in);
    const ClusterSelection& sel = t->context->selection;
    for (std::uint32_t s = 0; s < t->chain.segments.size(); ++s) {
        // Every segment is a box: with local firms, or missing (then with whom to attract).
        EXPECT_NE(dot.find(fmt::format("subgraph cluster_seg{} {{", s)), std::string::npos)
            << t->chain.segments[s].id;
    }
    EXPECT_NE(dot.find("label=\"上游\""), std::string::npos);
    EXPECT_NE(dot.find("label=\"下游\""), std::string::npos);
    EXPECT_NE(dot.find("rank=same"), std::string::npos);
    std::size_t designated = 0, acting = 0;
    for (const LeaderEntry& e : t->results.leaders.ranked) {
        const std::string& name = t->data.firms[e.firm].name;
        if (e.designated) {
            ++designated;
            EXPECT_NE(dot.find("★ " + name), std::string::npos) << name;
        } else {
            EXPECT_EQ(dot.find("★ " + name), std::string::npos) << name << " is not designated";
            if (e.acts) {
                ++acting;
                EXPECT_NE(dot.find("◆ " + name), std::string::npos) << name;
            }
        }
    }
    EXPECT_GT(designated + acting, 0u);
    // Supply bundled between boxes: no more arrows than the limit, each between two boxes.
    std::size_t arrows = 0;
    for (std::size_t at = dot.find("lhead="); at != std::string::npos;
         at = dot.find("lhead=", at + 1))
        ++arrows;
    EXPECT_GT(arrows, 0u);
    EXPECT_LE(arrows, kNetworkMaxBundles + t->results.gaps.gaps.size());
    EXPECT_FALSE(sel.local.empty());
}

TEST(Diagrams, SegmentViewFileNamesNeverComeFromRawInput) {
    EXPECT_EQ(safe_file_part("../x"), "___x");
    EXPECT_EQ(safe_file_part("ball_roller-2"), "ball_roller-2");
    EXPECT_EQ(safe_file_part("滚动体"), std::string(9, '_'));
    EXPECT_EQ(safe_file_part(std::string(100, 'a')).size(), 40u);
    const auto t = tiny();
    for (auto& segment : t->chain.segments) segment.id = "../" + segment.id + "/..";
    const auto views = segment_views(input(*t, "zh"));
    ASSERT_FALSE(views.empty());
    std::set<std::string> stems;
    for (const SegmentView& view : views) {
        EXPECT_EQ(view.file_stem.find('/'), std::string::npos) << view.file_stem;
        EXPECT_EQ(view.file_stem.find(".."), std::string::npos) << view.file_stem;
        EXPECT_EQ(view.file_stem.rfind("network-", 0), 0u) << view.file_stem;
        EXPECT_TRUE(stems.insert(view.file_stem).second) << view.file_stem;
        // Each gap's segment has its view, naming the segment's firms or whom to attract.
        const std::string dot = segment_network_dot(input(*t, "zh"), view.segment);
        EXPECT_NE(dot.find(segment_name(t->chain, view.segment, "zh")), std::string::npos);
        ASSERT_TRUE(render_dot(dot, "svg").has_value()) << view.file_stem;
    }
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
    // Self-contained: its own inline script and data only, nothing loaded from anywhere.
    EXPECT_EQ(html.find("<script src"), std::string::npos);
    EXPECT_EQ(html.find(" src="), std::string::npos);
    EXPECT_EQ(html.find("fetch("), std::string::npos);
    EXPECT_EQ(html.find("localStorage"), std::string::npos);
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
    // The chain, the network and one view per segment with a gap: every one drawn and visible.
    std::size_t views = 0;
    for (const auto& entry : std::filesystem::directory_iterator(out)) {
        const std::string file = entry.path().filename().string();
        if (file.rfind("network-", 0) == 0 && entry.path().extension() == ".svg") ++views;
    }
    EXPECT_GT(views, 0u);
    const std::string seen = fmt::format("<title>SVG_VISIBLE {0}/{0}</title>", 2 + views);
    EXPECT_NE(dom.out.find(seen), std::string::npos) << seen << "\n" << dom.out.substr(0, 400);
    EXPECT_EQ(dom.err.find("Uncaught"), std::string::npos) << dom.err;
    const auto shot = testing::run_shell(chromium + "--window-size=1200,1600 --screenshot='" +
                                         (dir / "shot.png").string() + "' 'file://" +
                                         (out / "report.html").string() + "'");
    ASSERT_EQ(shot.status, 0) << shot.err;
    EXPECT_GT(std::filesystem::file_size(dir / "shot.png"), 50000u);
}

}  // namespace icn

namespace icn {

TEST(Explore, FirmPagesLinkEveryNamedFirmAndCarryItsLinks) {
    const auto t = tiny();
    const ReportInput in = input(*t, "zh");
    const FirmDirectory all = build_firm_directory(in);
    const nlohmann::json all_data = parsed(all);
    const auto& firms = all_data["firms"];
    std::size_t listed = 0;
    for (const auto& f : firms) listed += f["dir"].get<int>();
    EXPECT_EQ(listed, t->context->selection.local.size());  // every local firm, few as they are
    // A firm's suppliers on its page are its suppliers in links.csv, with their summed values.
    const Network& net = t->context->network;
    for (const std::uint32_t f : t->context->selection.local) {
        const auto& page = firms[all.page_of.at(t->data.firms[f].id)];
        std::map<std::string, double> expected;
        const auto suppliers = net.suppliers(f);
        const auto values = net.in_values(f);
        for (std::size_t k = 0; k < suppliers.size(); ++k)
            expected[t->data.firms[suppliers[k]].id] += values[k];
        std::map<std::string, double> shown;
        for (const auto& pair : page["su"])
            shown[firms[pair[0].get<std::size_t>()]["id"]] = pair[1].get<double>();
        EXPECT_EQ(shown, expected) << t->data.firms[f].name;
    }
    // Names in the report's text become links to those pages; other text is left alone.
    const std::string label = firm_label(*t->context, t->context->selection.local.front());
    const std::string linked = link_firms("见 " + html_escape(label) + "。(x)", all);
    EXPECT_NE(linked.find("<a class=\"firm\" href=\"#f"), std::string::npos) << linked;
    EXPECT_NE(linked.find("(x)"), std::string::npos);
    EXPECT_EQ(link_firms("无关 (F999)", all), "无关 (F999)");
    // The data cannot close its script element.
    EXPECT_EQ(script_safe_json(nlohmann::json{{"n", "</script><script>alert(1)"}}).find('<'),
              std::string::npos);
}

TEST(Explore, AboveTheLimitTheDirectoryListsTheFirmsThatMatterAndSaysSo) {
    const auto t = tiny();
    const ReportInput in = input(*t, "zh");
    const FirmDirectory some = build_firm_directory(in, 5);
    std::set<std::string> listed;
    const nlohmann::json some_data = parsed(some);
    for (const auto& f : some_data["firms"]) {
        if (f["dir"].get<int>() == 1) listed.insert(f["id"].get<std::string>());
    }
    EXPECT_LT(listed.size(), t->context->selection.local.size() + 1);
    for (const LeaderEntry& e : t->results.leaders.ranked) {
        if (e.designated || e.acts) {
            EXPECT_TRUE(listed.count(t->data.firms[e.firm].id));
        }
    }
    for (const MatchCandidate& m : t->results.recommendations.match) {
        EXPECT_TRUE(listed.count(t->data.firms[m.supplier].id));
        EXPECT_TRUE(listed.count(t->data.firms[m.customer].id));
    }
    EXPECT_NE(some_data["note"].get<std::string>().find("超过 5 家"), std::string::npos)
        << some_data["note"];
    // Listed: the top 100 leaders, the firms a recommendation or a cut point names and the 50
    // largest of each segment, nothing else (single sources can name most of a large cluster);
    // a page of a firm not listed carries no links to firms without a page.
    std::set<std::string> allowed;
    const auto& r = t->results;
    for (std::size_t i = 0; i < r.leaders.ranked.size() && i < 100; ++i)
        allowed.insert(t->data.firms[r.leaders.ranked[i].firm].id);
    for (const MatchCandidate& m : r.recommendations.match) {
        allowed.insert(t->data.firms[m.supplier].id);
        allowed.insert(t->data.firms[m.customer].id);
    }
    for (const CutFirm& c : r.resilience.articulation_points)
        allowed.insert(t->data.firms[c.firm].id);
    for (const auto& segment : t->context->selection.local_by_segment) {
        if (segment.size() <= kDirectoryLargestPerSegment)
            for (const std::uint32_t f : segment) allowed.insert(t->data.firms[f].id);
    }
    for (const std::string& id : listed) EXPECT_TRUE(allowed.count(id)) << id;
    const auto& pages = some_data["firms"];
    for (const auto& f : pages) {
        for (const char* side : {"su", "cu"}) {
            if (!f.contains(side)) continue;
            for (const auto& partner : f[side])
                EXPECT_LT(partner[0].get<std::size_t>(), pages.size());
        }
    }
}

}  // namespace icn
