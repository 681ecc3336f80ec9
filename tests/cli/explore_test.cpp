// SPDX-License-Identifier: MIT
// The explorable report.html, driven in headless Chromium over the DevTools protocol
// (tests/support/cdp_drive.py): typing a firm's name into the directory's search box finds it,
// clicking it opens its page, whose suppliers are its suppliers in links.csv, largest first, and
// clicking the first supplier opens that supplier's page, which lists the firm among its
// customers; no script error on the way.
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/io/read_dataset.hpp"
#include "tests/support/test_support.hpp"

namespace icn {

TEST(Explore, SearchAFirmAndClickThroughToItsSuppliers) {
    if (testing::run_shell("command -v chromium").status != 0) {
        GTEST_SKIP() << "needs Debian's chromium (scripts/setup.sh --browser)";
    }
    testing::TempDir dir;
    const auto out = dir / "out";
    const auto run = testing::run_icn({"--quiet", "analyze", "datasets/sample/linqing-bearing",
                                       "--chain", "bearing", "--region", "371581", "--out",
                                       out.string(), "--formats", "html,json"});
    ASSERT_EQ(run.status, 0) << run.err;
    // The firm: the best-ranked leader; its largest supplier from links.csv, independently.
    const auto report = nlohmann::json::parse(testing::read_text(out / "report.json"));
    const std::string name = report["leaders"][0]["name"];
    const std::string id = report["leaders"][0]["firm"];
    Issues issues;
    const Dataset data =
        read_dataset(testing::source_dir() / "datasets/sample/linqing-bearing", "sample", issues);
    std::map<std::string, std::string> names;
    for (const Firm& f : data.firms) names[f.id] = f.name;
    std::map<std::string, double> bought;
    for (const SupplyLink& link : data.links) {
        if (data.firms[link.customer].id == id) bought[data.firms[link.supplier].id] += link.value;
    }
    ASSERT_FALSE(bought.empty());
    std::string largest;
    for (const auto& [supplier, value] : bought) {
        if (largest.empty() || value > bought[largest]) largest = supplier;
    }

    const auto drive = testing::run_shell("timeout 120 /usr/bin/python3 '" ICN_SOURCE_DIR
                                          "/tests/support/cdp_drive.py' "
                                          "/usr/bin/chromium " +
                                          testing::shell_quote((out / "report.html").string()) +
                                          " " + testing::shell_quote(name));
    ASSERT_EQ(drive.status, 0) << drive.err;
    const auto seen = nlohmann::json::parse(drive.out);
    EXPECT_TRUE(seen["errors"].empty()) << seen["errors"];
    EXPECT_TRUE(seen["exceptions"].empty()) << seen["exceptions"];
    EXPECT_GT(seen["links_in_report"].get<int>(), 10);  // names in the report's tables link
    ASSERT_FALSE(seen["results"].empty());
    EXPECT_EQ(seen["results"][0], name + " (" + id + ")");
    EXPECT_EQ(seen["firm"], name);
    ASSERT_FALSE(seen["suppliers"].empty());
    EXPECT_EQ(seen["suppliers"].size(), std::min<std::size_t>(bought.size(), 200));
    EXPECT_EQ(seen["suppliers"][0][0], names[largest] + " (" + largest + ")");
    EXPECT_EQ(seen["supplier_page"], names[largest]);
    EXPECT_NE(seen["supplier_customers"].get<std::string>().find(name), std::string::npos);
    EXPECT_EQ(seen["back_hash"], "#directory");
}

}  // namespace icn
