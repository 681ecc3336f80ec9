// SPDX-License-Identifier: MIT
#include "engine/graph/network.hpp"

#include <map>

#include <gtest/gtest.h>

#include "engine/generate/random.hpp"
#include "tests/support/test_support.hpp"

namespace icn {
namespace {

SupplyLink link(std::uint32_t s, std::uint32_t c, double v, std::int32_t year = kNoYear) {
    SupplyLink l;
    l.supplier = s;
    l.customer = c;
    l.value = v;
    l.year = year;
    return l;
}

// The naive reference: a map from (supplier, customer) to summed value and rows.
struct Reference {
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<double, std::vector<std::uint32_t>>>
        edges;
};

Reference reference(const std::vector<SupplyLink>& links, std::optional<std::int32_t> year) {
    Reference ref;
    for (std::uint32_t i = 0; i < links.size(); ++i) {
        if (year && links[i].year != *year) continue;
        auto& e = ref.edges[{links[i].supplier, links[i].customer}];
        e.first += links[i].value;
        e.second.push_back(i);
    }
    return ref;
}

void expect_matches(const Network& net, const Reference& ref) {
    ASSERT_EQ(net.edge_count(), ref.edges.size());
    std::size_t e = 0;
    for (const auto& [pair, data] : ref.edges) {  // map order = (supplier, customer) order
        EXPECT_EQ(net.edge_source(e), pair.first);
        EXPECT_EQ(net.edge_target(e), pair.second);
        EXPECT_DOUBLE_EQ(net.edge_value(e), data.first);
        const auto rows = net.edge_rows(e);
        EXPECT_EQ(std::vector<std::uint32_t>(rows.begin(), rows.end()), data.second);
        ++e;
    }
    // In-CSR: every edge appears once among its target's suppliers, sources ascending.
    std::size_t in_total = 0;
    for (std::uint32_t v = 0; v < net.node_count(); ++v) {
        const auto sources = net.suppliers(v);
        const auto values = net.in_values(v);
        in_total += sources.size();
        for (std::size_t k = 0; k < sources.size(); ++k) {
            if (k > 0) {
                EXPECT_LT(sources[k - 1], sources[k]);
            }
            const auto it = ref.edges.find({sources[k], v});
            ASSERT_NE(it, ref.edges.end());
            EXPECT_DOUBLE_EQ(values[k], it->second.first);
        }
    }
    EXPECT_EQ(in_total, ref.edges.size());
}

}  // namespace

TEST(Network, ParallelRowsMergeAndValuesSum) {
    //  0 --(1+2)--> 1 --4--> 2,  0 --8--> 2
    const std::vector<SupplyLink> links = {link(0, 1, 1), link(1, 2, 4), link(0, 1, 2),
                                           link(0, 2, 8)};
    const Network net = Network::from_links(3, links);
    ASSERT_EQ(net.edge_count(), 3u);
    EXPECT_EQ(net.out_degree(0), 2u);
    EXPECT_EQ(net.in_degree(2), 2u);
    const auto e = net.find_edge(0, 1);
    ASSERT_TRUE(e);
    EXPECT_EQ(net.edge_value(*e), 3.0);
    EXPECT_EQ(net.edge_rows(*e).size(), 2u);
    EXPECT_FALSE(net.find_edge(1, 0));
    EXPECT_EQ(net.total_value(), 15.0);
}

TEST(Network, YearFilterKeepsOnlyThatYear) {
    const std::vector<SupplyLink> links = {link(0, 1, 1, 2023), link(0, 1, 2, 2024),
                                           link(1, 2, 4, 2024)};
    const Network net = Network::from_links(3, links, 2024);
    ASSERT_EQ(net.edge_count(), 2u);
    EXPECT_EQ(net.edge_value(*net.find_edge(0, 1)), 2.0);
}

TEST(Network, EmptyAndSingleNode) {
    const Network empty = Network::from_links(0, {});
    EXPECT_EQ(empty.node_count(), 0u);
    EXPECT_EQ(empty.edge_count(), 0u);
    const Network one = Network::from_links(1, {});
    EXPECT_EQ(one.out_degree(0), 0u);
    EXPECT_EQ(one.suppliers(0).size(), 0u);
}

TEST(Network, AgreesWithANaiveMapOnRandomGraphs) {
    Random random(testing::kTestSeed);
    for (int trial = 0; trial < 20; ++trial) {
        const auto n = static_cast<std::uint32_t>(1 + random.below(60));
        std::vector<SupplyLink> links;
        const std::size_t m = random.below(400);
        for (std::size_t i = 0; i < m && n > 1; ++i) {
            const auto s = static_cast<std::uint32_t>(random.below(n));
            auto c = static_cast<std::uint32_t>(random.below(n));
            if (c == s) c = (c + 1) % n;
            links.push_back(link(s, c, 1 + static_cast<double>(random.below(100)),
                                 2023 + static_cast<std::int32_t>(random.below(2))));
        }
        expect_matches(Network::from_links(n, links), reference(links, std::nullopt));
        expect_matches(Network::from_links(n, links, 2024), reference(links, 2024));
    }
}

TEST(Network, InducedSubgraphKeepsInnerEdgesAndMapsBack) {
    //   0 -> 1 -> 2 -> 3,  3 -> 0,  1 -> 3
    const std::vector<SupplyLink> links = {link(0, 1, 1), link(1, 2, 2), link(2, 3, 3),
                                           link(3, 0, 4), link(1, 3, 5)};
    const Network net = Network::from_links(4, links);
    const Network sub = net.induced({3, 1, 0});  // local 0 = 3, 1 = 1, 2 = 0
    EXPECT_EQ(sub.node_count(), 3u);
    EXPECT_EQ(sub.edge_count(), 3u);  // 0->1, 3->0, 1->3
    EXPECT_EQ(sub.original(0), 3u);
    ASSERT_TRUE(sub.find_edge(1, 0));
    EXPECT_EQ(sub.edge_value(*sub.find_edge(1, 0)), 5.0);
    EXPECT_TRUE(sub.find_edge(0, 2));
    EXPECT_TRUE(sub.find_edge(2, 1));
    EXPECT_FALSE(sub.find_edge(1, 2));
    const auto rows = sub.edge_rows(*sub.find_edge(0, 2));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], 3u);  // row of 3 -> 0 in links
}

}  // namespace icn
