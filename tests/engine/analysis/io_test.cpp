// SPDX-License-Identifier: MIT
// SPEC 3.7 on the NBS tables in ../shared/data (skipped where absent) against NumPy
// (tests/oracle/io_oracle.py, which reads the tables on its own), and drawn fixtures: (I - A) L
// = I, and upstreamness 1 exactly for a sector that sells only to final use.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/analysis/io_linkages.hpp"
#include "tests/support/test_support.hpp"

namespace icn {

TEST(InputOutput, AgreesWithNumpyOnTheNbsTables) {
    const auto folder = testing::shared_data_dir() / "china_nbs_io_tables" / "nbs";
    if (!std::filesystem::exists(folder)) GTEST_SKIP() << folder << " is absent";
    if (testing::run_shell("/usr/bin/python3 -c 'import numpy'").status != 0) {
        GTEST_SKIP() << "Debian's python3-numpy is not installed";
    }
    for (const char* name :
         {"china_2017_149.csv", "china_2020_153.csv", "china_2020_42.csv", "china_2002_122.csv"}) {
        SCOPED_TRACE(name);
        Issues issues;
        const auto table = read_io_table(folder / name, name, issues);
        ASSERT_TRUE(table.has_value()) << (issues.items().empty() ? "" : issues.items()[0].message);
        const IoLinkages mine = io_linkages(*table);
        const auto run = testing::run_shell("/usr/bin/python3 tests/oracle/io_oracle.py " +
                                            testing::shell_quote((folder / name).string()));
        ASSERT_EQ(run.status, 0) << run.err;
        const auto oracle = nlohmann::json::parse(run.out);
        EXPECT_LT(oracle["identity_residual"].get<double>(), 1e-9);
        for (std::size_t i = 0; i < table->size(); ++i) {
            const auto& o = oracle["sectors"][table->codes[i]];
            const auto close = [](double a, double b) {
                return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
            };
            EXPECT_TRUE(close(mine.sectors[i].backward, o[0].get<double>())) << table->codes[i];
            EXPECT_TRUE(close(mine.sectors[i].forward, o[1].get<double>())) << table->codes[i];
            EXPECT_TRUE(close(mine.sectors[i].upstreamness, o[2].get<double>())) << table->codes[i];
            EXPECT_TRUE(close(mine.sectors[i].downstreamness, o[3].get<double>()))
                << table->codes[i];
            EXPECT_GE(mine.sectors[i].upstreamness, 1.0 - 1e-12) << table->codes[i];
            EXPECT_GE(mine.sectors[i].downstreamness, 1.0 - 1e-12) << table->codes[i];
        }
        // (I - A) L = I.
        const std::size_t n = table->size();
        double worst = 0;
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
                double v = 0;
                for (std::size_t k = 0; k < n; ++k) {
                    v += ((i == k ? 1.0 : 0.0) - mine.a[i * n + k]) * mine.leontief[k * n + j];
                }
                worst = std::max(worst, std::abs(v - (i == j ? 1.0 : 0.0)));
            }
        }
        EXPECT_LT(worst, 1e-9);
    }
}

TEST(InputOutput, ASectorSellingOnlyToFinalUseHasUpstreamnessOne) {
    //   1 -> 2 -> 3 -> final use;  sector 3 sells nothing to other sectors.
    testing::TempDir dir;
    testing::write_text(dir / "t.csv",
                        "Code,Description,DescriptionInChinese,1,2,3,TIU,FU202,EX,TFU,IM,GO\n"
                        "1,Ore,矿石,0,40,0,40,0,0,60,0,100\n"
                        "2,Parts,零件,0,0,30,30,0,10,50,0,80\n"
                        "3,Goods,整机,0,0,0,0,0,0,90,0,90\n"
                        "TII,,,0,40,30,,,,,,\n"
                        "TVA,,,100,40,60,,,,,,\n"
                        "TI,,,100,80,90,,,,,,\n");
    Issues issues;
    const auto table = read_io_table(dir / "t.csv", "t.csv", issues);
    ASSERT_TRUE(table.has_value()) << (issues.items().empty() ? "" : issues.items()[0].message);
    const IoLinkages links = io_linkages(*table);
    EXPECT_EQ(links.sectors[2].upstreamness, 1.0);
    // Sector 1 uses no intermediate input: one production stage.
    EXPECT_NEAR(links.sectors[0].downstreamness, 1.0, 1e-12);
    // Column sums of L by hand: a12 = 40/80, a23 = 30/90; L13 = a12 a23.
    EXPECT_NEAR(links.sectors[1].downstreamness, 1 + 0.5, 1e-12);
    EXPECT_NEAR(links.sectors[2].downstreamness, 1 + 30.0 / 90 + 0.5 * 30.0 / 90, 1e-12);
    // U2 = 1 + 30/(80-10) U3; U1 = 1 + 40/100 U2.
    EXPECT_NEAR(links.sectors[1].upstreamness, 1 + 30.0 / 70.0, 1e-12);
    EXPECT_NEAR(links.sectors[0].upstreamness, 1 + 0.4 * (1 + 30.0 / 70.0), 1e-12);
    // A table that does not balance is refused, naming the sector.
    testing::write_text(dir / "bad.csv",
                        "Code,Description,DescriptionInChinese,1,2,TIU,GO\n"
                        "1,A,甲,0,40,40,100\n2,B,乙,0,0,0,80\n"
                        "TII,,,0,41,,\nTVA,,,100,40,,\nTI,,,100,80,,\n");
    Issues bad;
    EXPECT_FALSE(read_io_table(dir / "bad.csv", "bad.csv", bad).has_value());
    ASSERT_TRUE(bad.has_errors());
    EXPECT_NE(bad.items()[0].message.find("sector 2: intermediate inputs and TII do not balance"),
              std::string::npos)
        << bad.items()[0].message;
}

}  // namespace icn

#include <set>

#include "engine/analysis/chain_extension.hpp"
#include "engine/analysis/chain_from_io.hpp"
#include "engine/io/read_dataset.hpp"

namespace icn {
namespace {

std::optional<IoTable> shared_table(const char* folder, const char* name,
                                    const IoReadOptions& options = {}) {
    const auto path = testing::shared_data_dir() / folder / name;
    if (!std::filesystem::exists(path)) return std::nullopt;
    Issues issues;
    auto table = read_io_table(path, name, issues, options);
    EXPECT_TRUE(table.has_value()) << (issues.items().empty() ? "" : issues.items()[0].message);
    return table;
}

// Direct input coefficient from the table's own numbers, not from io_linkages.
double coefficient(const IoTable& t, std::size_t i, std::size_t j) {
    return t.total_input[j] > 0 ? t.flow(i, j) / t.total_input[j] : 0.0;
}

}  // namespace

TEST(ChainFromIo, AroundBatteriesAndCarsEverySectorAboveTheThresholdAndNoOther) {
    const auto table = shared_table("china_nbs_io_tables/nbs", "china_2020_153.csv");
    if (!table) GTEST_SKIP() << "the NBS 2020 153-sector table is absent";
    Issues issues;
    const auto chosen = resolve_sectors(*table, {"电池", "079"}, issues);
    ASSERT_FALSE(issues.has_errors());
    ASSERT_EQ(chosen.size(), 2u);
    EXPECT_EQ(table->codes[chosen[0]], "087");
    EXPECT_EQ(table->names_zh[chosen[1]], "汽车整车");
    const IoLinkages links = io_linkages(*table);
    const double t = kFromIoThreshold;
    const DerivedChain chain = derive_chain(*table, links, chosen, t);
    std::set<std::size_t> members;
    for (const DerivedSegment& s : chain.segments) members.insert(s.sector);
    for (std::size_t k = 0; k < table->size(); ++k) {
        bool linked = k == chosen[0] || k == chosen[1];
        for (const std::size_t c : chosen) {
            linked = linked || coefficient(*table, k, c) > t || coefficient(*table, c, k) > t;
        }
        EXPECT_EQ(members.count(k) == 1, linked) << table->codes[k];
    }
    for (const DerivedFlow& f : chain.flows) {
        const std::size_t i = chain.segments[f.from].sector, j = chain.segments[f.to].sector;
        EXPECT_NEAR(f.coefficient, coefficient(*table, i, j), 1e-12);
        EXPECT_GT(f.coefficient, t);
    }
    // Tiers from upstreamness: nothing in an upstream tier is less upstream than anything in
    // the downstream tier.
    double least_upstream = 1e300, most_downstream = 0;
    for (const DerivedSegment& s : chain.segments) {
        const double u = links.sectors[s.sector].upstreamness;
        if (s.stage == 1) least_upstream = std::min(least_upstream, u);
        if (s.stage == 3) most_downstream = std::max(most_downstream, u);
    }
    EXPECT_GE(least_upstream, most_downstream);
    // Unknown and ambiguous names are errors naming what was meant.
    Issues bad;
    EXPECT_TRUE(resolve_sectors(*table, {"不存在的行业"}, bad).empty());
    EXPECT_TRUE(bad.has_errors());
    Issues ambiguous;
    EXPECT_TRUE(resolve_sectors(*table, {"设备"}, ambiguous).empty());
    ASSERT_TRUE(ambiguous.has_errors());
    EXPECT_NE(ambiguous.items()[0].message.find("give the code"), std::string::npos);
}

TEST(ChainExtension, SectorsTheTemplateLacksRankedByMeanTotalRequirement) {
    const auto table = shared_table("china_nbs_io_tables/nbs", "china_2020_153.csv");
    if (!table) GTEST_SKIP() << "the NBS 2020 153-sector table is absent";
    Issues issues;
    const ChainTemplate chain = read_chain_template(testing::source_dir() / "models/chains/bearing",
                                                    "models/chains/bearing", issues);
    ASSERT_FALSE(issues.has_errors());
    ASSERT_FALSE(chain.io_sectors.empty());
    const IoLinkages links = io_linkages(*table);
    const ChainExtension e = extend_chain(chain, *table, links);
    EXPECT_TRUE(e.unknown_codes.empty());
    std::set<std::size_t> in_template(e.template_sectors.begin(), e.template_sectors.end());
    for (const IoSectorLink& link : chain.io_sectors) {
        EXPECT_TRUE(in_template.count(static_cast<std::size_t>(
            std::find(table->codes.begin(), table->codes.end(), link.code) -
            table->codes.begin())));
    }
    EXPECT_EQ(table->names_zh[e.goods_sectors], "电力、热力生产和供应");
    const std::size_t n = table->size();
    for (const auto* list : {&e.upstream, &e.downstream}) {
        ASSERT_EQ(list->size(), kExtensionTop);
        for (std::size_t r = 0; r < list->size(); ++r) {
            const ExtensionCandidate& c = (*list)[r];
            EXPECT_FALSE(in_template.count(c.sector)) << table->codes[c.sector];
            EXPECT_LT(c.sector, e.goods_sectors);
            double mean = 0;
            for (const std::size_t s : e.template_sectors) {
                mean += (list == &e.upstream ? links.leontief[c.sector * n + s]
                                             : links.leontief[s * n + c.sector]) /
                        static_cast<double>(e.template_sectors.size());
            }
            EXPECT_NEAR(c.strength, mean, 1e-12);
            if (r > 0) {
                EXPECT_GE((*list)[r - 1].strength, c.strength);
            }
        }
    }
}

TEST(InputOutput, WiodTableReadsWithinItsRoundingAndBeaIsRefused) {
    const auto latest = shared_table("wiod2016_niot_chn", "CHN_NIOT_nov16.csv");
    if (!latest) GTEST_SKIP() << "the WIOD table is absent";
    EXPECT_EQ(latest->size(), 56u);
    EXPECT_EQ(latest->source, "WIOD");
    EXPECT_EQ(latest->year, 2014);
    IoReadOptions y2000;
    y2000.year = 2000;
    const auto early = shared_table("wiod2016_niot_chn", "CHN_NIOT_nov16.csv", y2000);
    ASSERT_TRUE(early.has_value());
    EXPECT_LT(early->total_input[0], latest->total_input[0]);
    const IoLinkages links = io_linkages(*latest);
    const std::size_t n = latest->size();
    double residual = 0;  // (I - A) L = I
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            double v = links.leontief[i * n + j];
            for (std::size_t k = 0; k < n; ++k) v -= links.a[i * n + k] * links.leontief[k * n + j];
            residual = std::max(residual, std::abs(v - (i == j ? 1.0 : 0.0)));
        }
    }
    EXPECT_LT(residual, 1e-9);
    for (const SectorLinkage& s : links.sectors) EXPECT_GE(s.upstreamness, 1.0 - 1e-12);
    IoReadOptions missing;
    missing.year = 1990;
    Issues no_year;
    EXPECT_FALSE(read_io_table(testing::shared_data_dir() / "wiod2016_niot_chn/CHN_NIOT_nov16.csv",
                               "w", no_year, missing)
                     .has_value());
    const auto bea =
        testing::shared_data_dir() / "us_bea_use_tables/bea_use_summary_2015_edges.csv";
    if (std::filesystem::exists(bea)) {
        Issues refused;
        EXPECT_FALSE(read_io_table(bea, "bea.csv", refused).has_value());
        ASSERT_TRUE(refused.has_errors());
        EXPECT_NE(refused.items()[0].message.find("make table"), std::string::npos);
    }
}

}  // namespace icn

namespace icn {

TEST(InputOutput, TheSparseSolveGivesTheDenseIndices) {
    const auto table = shared_table("china_nbs_io_tables/nbs", "china_2020_153.csv");
    if (!table) GTEST_SKIP() << "the NBS 2020 153-sector table is absent";
    const IoLinkages dense = io_linkages(*table);
    const IoLinkages sparse = io_linkages_sparse(*table);
    ASSERT_EQ(dense.sectors.size(), sparse.sectors.size());
    const auto close = [](double a, double b) {
        return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
    };
    for (std::size_t i = 0; i < dense.sectors.size(); ++i) {
        EXPECT_TRUE(close(sparse.sectors[i].backward, dense.sectors[i].backward)) << i;
        EXPECT_TRUE(close(sparse.sectors[i].forward, dense.sectors[i].forward)) << i;
        EXPECT_TRUE(close(sparse.sectors[i].upstreamness, dense.sectors[i].upstreamness)) << i;
        EXPECT_TRUE(close(sparse.sectors[i].downstreamness, dense.sectors[i].downstreamness)) << i;
        EXPECT_EQ(sparse.sectors[i].key, dense.sectors[i].key) << i;
    }
    EXPECT_TRUE(sparse.leontief.empty());
}

}  // namespace icn

namespace icn {

TEST(ChainFromIo, WorksOnEveryNbsTable) {
    const auto folder = testing::shared_data_dir() / "china_nbs_io_tables" / "nbs";
    if (!std::filesystem::exists(folder)) GTEST_SKIP() << folder << " is absent";
    std::size_t tables = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("china_", 0) != 0 || name == "china_employment.csv") continue;
        SCOPED_TRACE(name);
        Issues issues;
        const auto table = read_io_table(entry.path(), name, issues);
        ASSERT_TRUE(table.has_value());
        // The first sector whose name holds 汽车 (automobiles), else 电气 (electrical machinery).
        std::string wanted;
        for (const char* part : {"汽车", "电气"}) {
            for (const std::string& n : table->names_zh) {
                if (wanted.empty() && n.find(part) != std::string::npos) wanted = n;
            }
        }
        ASSERT_FALSE(wanted.empty());
        const auto chosen = resolve_sectors(*table, {wanted}, issues);
        ASSERT_EQ(chosen.size(), 1u);
        const DerivedChain chain =
            derive_chain(*table, io_linkages(*table), chosen, kFromIoThreshold);
        EXPECT_GE(chain.segments.size(), 3u);
        EXPECT_FALSE(chain.flows.empty());
        ++tables;
    }
    EXPECT_EQ(tables, 12u);
}

}  // namespace icn
