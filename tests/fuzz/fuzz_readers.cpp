// SPDX-License-Identifier: MIT
// libFuzzer targets for every reader. Invariant: a reader returns what it could read and a list
// of FILE:LINE problems, each naming the file and a line that exists; it never crashes, never
// leaks (LeakSanitizer), and stays within libFuzzer's time and memory limits.
// One source, one target per ICN_FUZZ_TARGET value (see tests/fuzz/CMakeLists.txt).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/io/read_criteria.hpp"
#include "engine/io/read_dataset.hpp"
#include "engine/io/xlsx.hpp"

namespace {

void check(const icn::Issues& issues, const std::string& display, const std::string& bytes) {
    const std::size_t lines =
        1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
    for (const icn::Issue& issue : issues.items()) {
        if (issue.file != display) std::abort();
        if (issue.line > lines) std::abort();
        if (issue.message.empty()) std::abort();
    }
}

icn::Dataset firms_fixture() {
    icn::Dataset data;
    for (int i = 0; i < 9; ++i) {
        icn::Firm firm;
        firm.id = "F" + std::to_string(i);
        firm.name = "企业";
        firm.region = "371581";
        data.firms.push_back(firm);
    }
    data.firm_index.build(data.firms);
    return data;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
#if ICN_FUZZ_TARGET == 8
    // A worksheet's XML (and the CSV it becomes, read as firms), and the same bytes as a whole
    // package: problems name the sheet or the workbook, never crash.
    {
        icn::Issues issues;
        const std::vector<std::string> strings = {"id", "name", "region", "企业", "371581"};
        if (auto csv = icn::sheet_xml_to_csv(bytes, strings, "fuzz.xlsx!s", issues)) {
            icn::Dataset dataset;
            icn::read_firms(icn::TextFile{"fuzz.xlsx!s", *csv, "xlsx", ""}, dataset, issues);
        }
        if (auto book = icn::XlsxWorkbook::from_bytes(bytes, "fuzz.xlsx", issues)) {
            for (const auto& sheet : book->sheets()) (void)book->sheet_text(sheet, issues);
        }
        for (const icn::Issue& issue : issues.items()) {
            if (issue.file.rfind("fuzz.xlsx", 0) != 0 || issue.message.empty()) std::abort();
        }
        return 0;
    }
#endif
    const std::string display = "fuzz.csv";
    icn::Issues issues;
    auto file = icn::decode_text(bytes, display, issues);
    if (file) {
        const std::string text = file->text;
#if ICN_FUZZ_TARGET == 1
        icn::Dataset dataset;
        icn::read_firms(std::move(*file), dataset, issues);
        for (const auto& firm : dataset.firms) {
            if (firm.id.empty() || !dataset.find_firm(firm.id)) std::abort();
        }
#elif ICN_FUZZ_TARGET == 2
        icn::Dataset dataset = firms_fixture();
        icn::read_links(std::move(*file), dataset, issues);
        for (const auto& link : dataset.links) {
            if (link.supplier >= 9 || link.customer >= 9 || link.supplier == link.customer)
                std::abort();
            if (!(link.value > 0)) std::abort();
        }
#elif ICN_FUZZ_TARGET == 3
        icn::Dataset dataset = firms_fixture();
        icn::read_firm_years(std::move(*file), dataset, issues);
#elif ICN_FUZZ_TARGET == 4
        icn::Dataset dataset;
        icn::read_cluster_json(*file, dataset, issues);
#elif ICN_FUZZ_TARGET == 5
        icn::ChainTemplate chain;
        icn::read_segments(std::move(*file), chain, issues);
        icn::TextFile flows{"flows.csv", "from,to\na,b\nb,a\n", "UTF-8", ""};
        icn::Issues flow_issues;  // about the fixed flows, not about the fuzzed bytes
        icn::read_flows(std::move(flows), chain, flow_issues);
#elif ICN_FUZZ_TARGET == 6
        icn::ChainTemplate chain;
        chain.segments = {{"a", "甲", "", "", "upstream", 1, 1},
                          {"b", "乙", "", "", "downstream", 3, 1}};
        icn::read_flows(std::move(*file), chain, issues);
        for (const auto& flow : chain.flows) {
            if (flow.from >= 2 || flow.to >= 2) std::abort();
        }
#elif ICN_FUZZ_TARGET == 7
        icn::read_criteria(std::move(*file), issues);
#elif ICN_FUZZ_TARGET != 8
#error "ICN_FUZZ_TARGET must be 1..8"
#endif
        (void)text;
    }
    check(issues, display, bytes);
    return 0;
}
