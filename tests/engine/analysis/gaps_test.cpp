// SPDX-License-Identifier: MIT
// Gaps on drawn clusters (SPEC 3.2), one rule per test, and what-if on a drawn cluster.
#include "engine/analysis/gaps.hpp"

#include <gtest/gtest.h>

#include "engine/analysis/gap_changes.hpp"
#include "engine/analysis/whatif.hpp"
#include "engine/io/read_dataset.hpp"
#include "tests/support/test_support.hpp"
#include "viz/reasons.hpp"

namespace icn {
namespace {

// Chain  a -> b -> c, b -> d, and c -> a (a loop, as in recycling).
ChainTemplate chain_abcd() {
    ChainTemplate chain;
    chain.id = "abcd";
    for (const char* id : {"a", "b", "c", "d"}) {
        Segment s;
        s.id = id;
        s.name = std::string("环节") + id;
        s.name_en = std::string("Segment ") + id;
        chain.segments.push_back(s);
    }
    chain.flows = {{0, 1, 1}, {1, 2, 1}, {1, 3, 1}, {2, 0, 1}};
    return chain;
}

struct Fixture {
    testing::TempDir dir;
    Dataset data;
};

std::unique_ptr<Fixture> dataset(const std::string& firms, const std::string& links) {
    auto f = std::make_unique<Fixture>();
    testing::write_text(f->dir / "firms.csv", "id,name,region,segment\n" + firms);
    testing::write_text(f->dir / "links.csv", "supplier,customer,value\n" + links);
    Issues issues;
    f->data = read_dataset(f->dir.path(), "d", issues);
    EXPECT_FALSE(issues.has_errors());
    return f;
}

std::vector<std::string> describe(const GapReport& report, const ChainTemplate& chain) {
    std::vector<std::string> out;
    for (const Gap& g : report.gaps) {
        std::string text(to_string(g.kind));
        text += " " + chain.segments[g.segment].id;
        if (g.kind == GapKind::broken) text += ">" + chain.segments[g.to].id;
        out.push_back(text);
    }
    return out;
}

GapReport gaps_of(const Fixture& f, const ChainTemplate& chain, GapOptions options = {}) {
    const AnalysisContext ctx = make_context(f.data, chain, RegionSelector({"1"}), std::nullopt);
    return find_gaps(ctx, options);
}

}  // namespace

TEST(Gaps, MissingWeakBrokenDependent) {
    // Local (region 1): A1 A2 in a, B1 in b (weak), C1 C2 in c; nobody local in d (missing).
    // A -> B local; B1 -> C: none (broken b>c); c buys its b-inputs? no. X (external, b) sells
    // to C1 and C2: b's local customers buy 30 of 40 outside -> dependent.
    const ChainTemplate chain = chain_abcd();
    auto f =
        dataset("A1,甲,1,a\nA2,乙,1,a\nB1,丙,1,b\nC1,丁,1,c\nC2,戊,1,c\nX,外,2,b\nD9,外二,2,d\n",
                "A1,B1,10\nX,C1,20\nX,C2,10\nC1,A2,5\n");
    const GapReport report = gaps_of(*f, chain);
    EXPECT_TRUE(report.links_assessed);
    EXPECT_EQ(describe(report, chain),
              (std::vector<std::string>{"weak b", "dependent b", "missing d", "broken b>c"}));
    EXPECT_DOUBLE_EQ(report.gaps[1].external_share, 30.0 / 30.0);
    // Severity: share of the template at or downstream of the segment; a -> b -> c -> a loops.
    EXPECT_DOUBLE_EQ(report.downstream_share[0], 1.0);
    EXPECT_DOUBLE_EQ(report.downstream_share[3], 0.25);
    EXPECT_DOUBLE_EQ(report.gaps[2].severity, 0.25);
    EXPECT_DOUBLE_EQ(report.gaps[0].severity, 1.0 * 0.5);  // weak: 1 of --min-firms 2
}

TEST(Gaps, AnIntegratedFirmCoversTheFlowInsideItself) {
    const ChainTemplate chain = chain_abcd();
    auto f =
        dataset("A1,甲,1,a\nB1,乙,1,b;c\nC1,丙,1,c\nD1,丁,1,d\n", "A1,B1,1\nB1,D1,1\nC1,A1,1\n");
    EXPECT_EQ(describe(gaps_of(*f, chain), chain),
              (std::vector<std::string>{"weak a", "weak b", "weak d"}));
    GapOptions one;
    one.min_firms = 1;
    EXPECT_TRUE(gaps_of(*f, chain, one).gaps.empty());
}

TEST(Gaps, AFirmListWithoutLinksIsNotCalledBroken) {
    const ChainTemplate chain = chain_abcd();
    auto f = dataset("A1,甲,1,a\nA2,甲,1,a\nB1,乙,1,b\nB2,乙,1,b\nC1,丙,1,c\nC2,丙,1,c\n", "");
    const GapReport report = gaps_of(*f, chain);
    EXPECT_FALSE(report.links_assessed);
    EXPECT_EQ(describe(report, chain), (std::vector<std::string>{"missing d"}));
}

TEST(Gaps, ThresholdsAreOptions) {
    const ChainTemplate chain = chain_abcd();
    auto f = dataset("A1,甲,1,a\nA2,甲,1,a\nB1,乙,1,b\nB2,乙,1,b\nC1,丙,1,c\nD1,丁,1,d\nX,外,2,b\n",
                     "A1,B1,1\nB1,C1,6\nB2,D1,1\nX,C1,4\nC1,A2,1\n");
    // b's local customers: 6 + 1 local, 4 external: 4/11 external.
    GapOptions strict;
    strict.max_external = 0.3;
    strict.min_firms = 3;
    EXPECT_EQ(describe(gaps_of(*f, chain, strict), chain),
              (std::vector<std::string>{"weak a", "weak b", "dependent b", "weak c", "weak d"}));
    EXPECT_EQ(describe(gaps_of(*f, chain), chain), (std::vector<std::string>{"weak c", "weak d"}));
}

TEST(Gaps, OneFirmCluster) {
    const ChainTemplate chain = chain_abcd();
    auto f = dataset("A1,甲,1,a\nX,外,2,b\n", "X,A1,3\n");
    EXPECT_EQ(describe(gaps_of(*f, chain), chain),
              (std::vector<std::string>{"weak a", "missing b", "missing c", "missing d"}));
}

TEST(Gaps, ExplanationsStateTheNumbers) {
    const ChainTemplate chain = chain_abcd();
    Gap weak;
    weak.kind = GapKind::weak;
    weak.segment = 1;
    weak.local_firms = 1;
    EXPECT_EQ(explain(weak, chain, {}, "en"),
              "Weak: only 1 local firm in 'Segment b' (fewer than 2).");
    EXPECT_EQ(explain(weak, chain, {}, "zh"), "弱链：“环节b”环节本地仅有1家企业（少于2家）。");
}

TEST(WhatIf, RemovingACutPointCutsFirmsOffAndAddingClosesAGap) {
    //  A1 -> B1 -> C1 -> A2,  B1 -> D?  (no local d): C1 is a cut point for A2.
    const ChainTemplate chain = chain_abcd();
    auto f = dataset("A1,甲,1,a\nA2,甲,1,a\nB1,乙,1,b\nB2,乙,1,b\nC1,丙,1,c\nC2,丙,1,c\nX,外,2,d\n",
                     "A1,B1,1\nB1,C1,1\nC1,A2,1\nB2,C2,1\nA1,B2,1\nB1,X,2\n");
    const RegionSelector region({"1"});
    const auto c1 = *f->data.find_firm("C1");
    const WhatIfResult removed = what_if(f->data, chain, region, std::nullopt, {c1}, {}, {});
    ASSERT_EQ(removed.cut_off.size(), 1u);
    EXPECT_EQ(f->data.firms[removed.cut_off[0]].id, "A2");
    EXPECT_EQ(removed.before.local_firms, 6u);
    EXPECT_EQ(removed.after.local_firms, 5u);
    EXPECT_EQ(removed.local_links_change, -2);
    EXPECT_EQ(removed.rows_removed, 2u);
    const auto only = [](const WhatIfResult& r, GapChangeKind kind) {
        GapReport report;
        for (const GapChange& c : r.gap_changes) {
            if (c.change == kind) report.gaps.push_back(c.after ? *c.after : *c.before);
        }
        return report;
    };
    // c is weak, and no local c firm supplies an a firm now.
    EXPECT_EQ(describe(only(removed, GapChangeKind::opened), chain),
              (std::vector<std::string>{"weak c", "broken c>a"}));
    const auto x = *f->data.find_firm("X");
    const WhatIfResult added = what_if(f->data, chain, region, std::nullopt, {}, {x}, {});
    // One d firm moved in: d goes from missing to weak (fewer than 2), an easing.
    const GapReport eased = only(added, GapChangeKind::improved);
    EXPECT_EQ(describe(eased, chain), (std::vector<std::string>{"weak d"}));
    EXPECT_TRUE(only(added, GapChangeKind::closed).gaps.empty());
    EXPECT_EQ(added.local_links_change, 1);
    EXPECT_TRUE(added.cut_off.empty());
}

TEST(GapChanges, MatchedByIdentityNotByText) {
    const auto gap = [](GapKind kind, std::uint32_t segment, double severity,
                        std::uint32_t to = 0) {
        Gap g;
        g.kind = kind;
        g.segment = segment;
        g.to = to;
        g.severity = severity;
        return g;
    };
    const std::vector<Gap> before = {gap(GapKind::weak, 1, 0.2), gap(GapKind::missing, 2, 0.5),
                                     gap(GapKind::broken, 0, 0.3, 1),
                                     gap(GapKind::dependent, 3, 0.1)};
    const std::vector<Gap> after = {
        gap(GapKind::missing, 1, 0.4), gap(GapKind::weak, 2, 0.3), gap(GapKind::broken, 0, 0.3, 1),
        gap(GapKind::broken, 0, 0.2, 3), gap(GapKind::dependent, 3, 0.15)};
    const auto changes = compare_gaps(before, after);
    ASSERT_EQ(changes.size(), 5u);
    EXPECT_EQ(changes[0].change, GapChangeKind::worsened);  // weak 1 -> missing 1
    EXPECT_EQ(changes[0].before->kind, GapKind::weak);
    EXPECT_EQ(changes[1].change, GapChangeKind::improved);  // missing 2 -> weak 2
    EXPECT_EQ(changes[2].change, GapChangeKind::unchanged);
    EXPECT_EQ(changes[3].change, GapChangeKind::opened);  // another flow from 0
    EXPECT_EQ(changes[4].change, GapChangeKind::severity_changed);
    EXPECT_TRUE(compare_gaps(after, after).size() == after.size());
    for (const GapChange& c : compare_gaps(after, after)) {
        EXPECT_EQ(c.change, GapChangeKind::unchanged);
    }
    const auto gone = compare_gaps(before, {});
    ASSERT_EQ(gone.size(), 4u);
    for (const GapChange& c : gone) EXPECT_EQ(c.change, GapChangeKind::closed);
}

}  // namespace icn
