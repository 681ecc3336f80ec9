// SPDX-License-Identifier: MIT
// Every network measure and gap against an independent oracle (tests/oracle/oracle.py, on
// Debian's python3-networkx and python3-numpy) on many generated clusters and a few drawn
// edge cases: relative tolerance 1e-9.
#include <cmath>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/analysis/analyze.hpp"
#include "engine/generate/generate.hpp"
#include "engine/io/read_dataset.hpp"
#include "tests/support/test_support.hpp"

namespace icn {
namespace {

using Json = nlohmann::json;

void expect_close(const Json& expected, std::optional<double> actual, const std::string& what) {
    if (expected.is_null()) {
        EXPECT_FALSE(actual.has_value()) << what << ": expected null, got " << *actual;
        return;
    }
    ASSERT_TRUE(actual.has_value()) << what << ": expected " << expected << ", got null";
    const double e = expected.get<double>();
    EXPECT_NEAR(*actual, e, 1e-9 * std::max(1.0, std::abs(e))) << what;
}

struct Case {
    std::filesystem::path dataset;
    std::string name;
    std::string chain = "bearing";
};

ChainTemplate shipped(const std::string& id) {
    Issues issues;
    return read_chain_template(testing::source_dir() / "models/chains" / id, id, issues);
}

ChainTemplate bearing() { return shipped("bearing"); }

void check_case(const Case& c, const Json& oracle) {
    SCOPED_TRACE(c.name);
    Issues issues;
    const Dataset data = read_dataset(c.dataset, c.name, issues);
    ASSERT_FALSE(issues.has_errors());
    const ChainTemplate chain = shipped(c.chain);
    const RegionSelector region({"371581"});
    const AnalysisContext ctx = make_context(data, chain, region, std::nullopt);
    AnalyzeOptions options;
    options.leaders.betweenness_exact_up_to = 100000;  // exact: the oracle is exact
    const AnalysisResults r = analyze(ctx, options);
    const CohesionReport& co = r.cohesion;

    const auto five = [&](const Json& o, const CohesionMeasures& m, const std::string& where) {
        EXPECT_EQ(o["local_firms"].get<std::size_t>(), m.local_firms) << where;
        EXPECT_EQ(o["local_links"].get<std::size_t>(), m.local_links) << where;
        expect_close(o["density"], m.density, where + " density");
        expect_close(o["local_sourcing_ratio"], m.local_sourcing_ratio,
                     where + " local_sourcing_ratio");
        expect_close(o["largest_component_share"], m.largest_component_share,
                     where + " largest_component_share");
        expect_close(o["avg_clustering"], m.avg_clustering, where + " avg_clustering");
    };
    five(oracle["cohesion"], co.cluster, "cluster");
    for (const SegmentCohesion& s : co.segments) {
        five(oracle["segments"][chain.segments[s.segment].id], s.measures,
             "segment " + chain.segments[s.segment].id);
    }
    expect_close(oracle["segment_modularity"], co.segment_modularity, "segment_modularity");
    if (oracle.contains("membership_modularity")) {
        expect_close(oracle["membership_modularity"], co.communities.modularity,
                     "modularity of ICN's Leiden partition");
    }
    EXPECT_EQ(oracle["max_core"].get<std::uint32_t>(), co.max_core);
    expect_close(oracle["top_core_share"], co.top_core_share, "top_core_share");
    expect_close(oracle["reciprocity"], co.reciprocity, "reciprocity");
    expect_close(oracle["supplier_hhi_median"], co.supplier_hhi_median, "supplier_hhi_median");
    if (oracle.contains("leader_reach")) {
        expect_close(oracle["leader_reach"], co.leader_reach, "leader_reach");
    }

    const double n = static_cast<double>(ctx.selection.local.size());
    const double pairs = n > 2 ? (n - 1) * (n - 2) : 1.0;
    for (const LeaderEntry& e : r.leaders.ranked) {
        const std::string& id = data.firms[e.firm].id;
        expect_close(oracle["pagerank"][id], e.components.pagerank, "pagerank " + id);
        expect_close(oracle["betweenness"][id], e.components.betweenness * pairs,
                     "betweenness " + id);
    }

    // Leader scores, the acting flags and the notes built on them.
    const Json& lead = oracle["leaders"];
    std::set<std::string> inactive, acting;
    for (std::size_t i = 0; i < r.leaders.ranked.size(); ++i) {
        const LeaderEntry& e = r.leaders.ranked[i];
        const std::string& id = data.firms[e.firm].id;
        expect_close(lead["score"][id], e.score, "leader score " + id);
        EXPECT_EQ(lead["acts"][id].get<bool>(), e.acts) << "acts " << id;
        EXPECT_EQ(lead["ranked"][i].get<std::string>(), id) << "rank " << i + 1;
    }
    for (std::uint32_t f : r.leaders.designated_inactive) inactive.insert(data.firms[f].id);
    for (std::uint32_t f : r.leaders.undesignated_acting) acting.insert(data.firms[f].id);
    EXPECT_EQ(lead["acting_count"].get<std::size_t>(), r.leaders.acting_count);
    EXPECT_EQ(lead["designated_inactive"].get<std::set<std::string>>(), inactive);
    EXPECT_EQ(lead["undesignated_acting"].get<std::set<std::string>>(), acting);

    std::map<std::string, std::uint32_t> points;
    for (const CutFirm& p : r.resilience.articulation_points)
        points[data.firms[p.firm].id] = p.cut_off;
    std::map<std::string, std::uint32_t> expected_points;
    for (auto& [id, cut] : oracle["articulation_points"].items())
        expected_points[id] = cut.get<std::uint32_t>();
    EXPECT_EQ(points, expected_points);
    std::set<std::pair<std::string, std::string>> bridges, expected_bridges;
    for (const CutLink& b : r.resilience.bridges) {
        auto x = data.firms[b.a].id, y = data.firms[b.b].id;
        if (y < x) std::swap(x, y);
        bridges.emplace(x, y);
    }
    for (const auto& b : oracle["bridges"]) expected_bridges.emplace(b[0], b[1]);
    EXPECT_EQ(bridges, expected_bridges);

    // Gaps: the same list, in the same order, with the same numbers.
    std::vector<std::string> mine, theirs;
    for (const Gap& g : r.gaps.gaps) {
        std::string text(to_string(g.kind));
        text += g.kind == GapKind::broken
                    ? " " + chain.segments[g.segment].id + ">" + chain.segments[g.to].id
                    : " " + chain.segments[g.segment].id;
        if (g.kind == GapKind::weak) text += " " + std::to_string(g.local_firms);
        if (g.kind == GapKind::dependent)
            text += " " + std::to_string(std::lround(g.external_share * 1e9));
        mine.push_back(text);
    }
    for (const auto& g : oracle["gaps"]) {
        std::string text = g["kind"].get<std::string>();
        text += text == "broken"
                    ? " " + g["from"].get<std::string>() + ">" + g["to"].get<std::string>()
                    : " " + g["segment"].get<std::string>();
        if (text.rfind("weak", 0) == 0) text += " " + std::to_string(g["local_firms"].get<int>());
        if (text.rfind("dependent", 0) == 0) {
            text += " " + std::to_string(std::lround(g["external_share"].get<double>() * 1e9));
        }
        theirs.push_back(text);
    }
    // ICN lists segment gaps in template order, then broken flows; the oracle does the same.
    EXPECT_EQ(mine, theirs);

    // Attract candidates: the same firms in the same order, the same scores.
    const auto& attract = r.recommendations.attract;
    ASSERT_EQ(attract.size(), oracle["attract"].size());
    for (std::size_t i = 0; i < attract.size(); ++i) {
        const auto& o = oracle["attract"][i];
        EXPECT_EQ(chain.segments[attract[i].segment].id, o["segment"].get<std::string>()) << i;
        EXPECT_EQ(data.firms[attract[i].firm].id, o["firm"].get<std::string>()) << i;
        expect_close(o["score"], attract[i].score, "attract score");
    }

    // Match pairs for broken flows: the same pairs in the same order, the same scores.
    const auto& match = r.recommendations.match;
    ASSERT_EQ(match.size(), oracle["match"].size());
    for (std::size_t i = 0; i < match.size(); ++i) {
        const auto& o = oracle["match"][i];
        EXPECT_EQ(chain.segments[match[i].from].id, o["from"].get<std::string>()) << i;
        EXPECT_EQ(data.firms[match[i].supplier].id, o["supplier"].get<std::string>()) << i;
        EXPECT_EQ(data.firms[match[i].customer].id, o["customer"].get<std::string>()) << i;
        EXPECT_EQ(match[i].shared_partners, o["shared"].get<std::uint32_t>()) << i;
        expect_close(o["score"], match[i].score, "match score");
    }

    // Single sources: the same (customer, segment, supplier) triples, the same values.
    std::map<std::string, double> sources, expected_sources;
    for (const SingleSource& x : r.resilience.single_sources) {
        sources[data.firms[x.customer].id + "|" + chain.segments[x.segment].id + "|" +
                data.firms[x.supplier].id] = x.value;
    }
    for (const auto& o : oracle["single_sources"]) {
        expected_sources[o["customer"].get<std::string>() + "|" + o["segment"].get<std::string>() +
                         "|" + o["supplier"].get<std::string>()] = o["value"].get<double>();
    }
    ASSERT_EQ(sources.size(), expected_sources.size());
    for (const auto& [k, v] : expected_sources) {
        ASSERT_TRUE(sources.count(k)) << k;
        EXPECT_NEAR(sources[k], v, 1e-9 * std::max(1.0, v)) << k;
    }
}

}  // namespace

TEST(Oracle, MeasuresAndGapsAgreeWithNetworkxOnGeneratedClusters) {
    if (testing::run_shell("/usr/bin/python3 -c 'import networkx, numpy'").status != 0) {
        GTEST_SKIP() << "Debian's python3-networkx / python3-numpy are not installed";
    }
    testing::TempDir dir;
    const ChainTemplate chain = bearing();
    std::vector<Case> cases;
    Json requests = Json::array();
    const auto add = [&](const std::string& name, const std::string& chain_id = "bearing") {
        cases.push_back({dir / name, name, chain_id});
        requests.push_back(
            {{"dataset", (dir / name).string()},
             {"chain", (testing::source_dir() / "models/chains" / chain_id).string()},
             {"region_prefix", "371581"}});
    };
    // Generated clusters: sizes, sparsity, planted gaps and sourcing vary with the seed.
    for (std::uint64_t k = 0; k < 12; ++k) {
        GenerateOptions o;
        o.seed = testing::kTestSeed + k;
        o.firms = 80 + static_cast<std::uint32_t>(k * 37 % 250);
        o.links = k % 4 == 0 ? 40 : 100 + k * 90;  // some very sparse: isolated firms
        o.local_sourcing = 0.3 + 0.05 * static_cast<double>(k);
        o.years = 0;
        if (k % 3 == 0) o.missing = {"seal"};
        if (k % 3 == 1) o.weak = {"grease", "cage"};
        if (k % 2 == 0) o.broken = {{"heat_treatment", "grinding"}};
        if (k % 5 == 0) o.dependent = {"steel"};
        const std::string name = "gen" + std::to_string(k);
        std::filesystem::create_directories(dir / name);
        generate_dataset(chain, o, dir / name);
        add(name);
    }
    // Templates with loops (recycling feeds materials again).
    for (const char* id : {"lithium_battery", "new_energy_vehicle"}) {
        GenerateOptions o;
        o.seed = testing::kTestSeed;
        o.firms = 300;
        o.links = 1200;
        o.years = 0;
        o.missing = {"recycling"};
        if (std::string(id) == "new_energy_vehicle") o.missing = {"battery_recycling"};
        std::filesystem::create_directories(dir / id);
        generate_dataset(shipped(id), o, dir / id);
        add(id, id);
    }
    // Drawn edge cases: one local firm; local firms without any link; a directed cycle with a
    // pendant (articulation point and bridge); parallel rows and mutual links.
    testing::write_text(dir / "one/firms.csv",
                        "id,name,region,segment,size,leader\nA,甲,371581,assembly,small,1\n"
                        "B,乙,110101,steel,large,0\n");
    testing::write_text(dir / "one/links.csv", "supplier,customer,value\nB,A,5\n");
    add("one");
    testing::write_text(dir / "nolinks/firms.csv",
                        "id,name,region,segment,size\nA,甲,371581,assembly,small\n"
                        "B,乙,371581,steel,micro\nC,丙,371581,grinding,medium\n");
    testing::write_text(dir / "nolinks/links.csv", "supplier,customer,value\n");
    add("nolinks");
    //   A -> B -> C -> A   C -> D   D <-> E (mutual), A -> B twice
    testing::write_text(dir / "drawn/firms.csv",
                        "id,name,region,segment,size,leader\nA,甲,371581,steel,large,1\n"
                        "B,乙,371581,forging,small,0\nC,丙,371581,turning,small,0\n"
                        "D,丁,371581,heat_treatment,micro,0\nE,戊,371581,grinding,micro,0\n"
                        "X,外,420606,seal,large,0\n");
    testing::write_text(dir / "drawn/links.csv",
                        "supplier,customer,value\nA,B,2\nA,B,2\nB,C,4\nC,A,1\nC,D,8\nD,E,2\nE,D,1\n"
                        "X,C,16\n");
    add("drawn");

    // ICN's Leiden partitions go to the oracle, which recomputes their modularity.
    for (std::size_t i = 0; i < cases.size(); ++i) {
        Issues issues;
        const Dataset data = read_dataset(cases[i].dataset, cases[i].name, issues);
        const AnalysisContext ctx =
            make_context(data, chain, RegionSelector({"371581"}), std::nullopt);
        const CohesionReport co = cohesion(ctx, {});
        requests[i]["membership"] = co.communities.membership;
    }
    testing::write_text(dir / "cases.json", requests.dump());
    const auto result = testing::run_shell("/usr/bin/python3 tests/oracle/oracle.py '" +
                                           (dir / "cases.json").string() + "'");
    ASSERT_EQ(result.status, 0) << result.err;
    const Json oracle = Json::parse(result.out);
    ASSERT_EQ(oracle.size(), cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) check_case(cases[i], oracle[i]);
    // The comparisons above are not vacuous: the cases do produce these lists.
    std::size_t matches = 0, sources = 0, acting = 0;
    for (const auto& o : oracle) {
        matches += o["match"].size();
        sources += o["single_sources"].size();
        acting += o["leaders"]["acting_count"].get<std::size_t>();
    }
    EXPECT_GT(matches, 20u);
    EXPECT_GT(sources, 100u);
    EXPECT_GT(acting, 20u);
}

}  // namespace icn
