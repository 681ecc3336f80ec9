// SPDX-License-Identifier: MIT
// _icn: the engine API (engine/api.hpp) and the report writers (viz/) for Python. The package
// python/icn wraps it with pandas DataFrames; docs/python.md says how to use it. The GIL is
// released while loading, analysing and writing; igraph calls stay behind the engine's lock.
#include <chrono>
#include <ctime>
#include <memory>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "engine/analysis/whatif.hpp"
#include "engine/api.hpp"
#include "viz/changes.hpp"
#include "viz/docx.hpp"
#include "viz/format.hpp"
#include "viz/messages.hpp"
#include "viz/print_pdf.hpp"
#include "viz/report_files.hpp"
#include "viz/report_json.hpp"
#include "viz/tables.hpp"

namespace py = pybind11;
using namespace icn;

namespace {

// A load with errors: every problem, "FILE:LINE: message" in the language asked for.
struct LoadFailed {
    std::vector<std::string> problems;
};

std::vector<std::string> problem_lines(const Issues& issues, const std::string& lang,
                                       bool errors_only) {
    std::vector<std::string> lines;
    for (const Issue& issue : issues.sorted()) {
        if (errors_only && issue.severity != Severity::error) continue;
        lines.push_back(format_issue(issue, lang));
    }
    return lines;
}

struct Loaded {
    std::shared_ptr<const Inputs> inputs;
    std::string display;
    std::vector<std::string> regions;
};

Loaded load_cluster(const std::string& dataset, const std::string& chain,
                    const std::vector<std::string>& regions, const std::string& criteria,
                    const std::string& classified, bool skip_bad_rows, unsigned threads,
                    const std::string& lang) {
    LoadRequest request;
    request.dataset = dataset;
    request.display = dataset;
    request.chain = chain;
    request.regions = regions;
    request.criteria = criteria;
    request.classified = classified;
    request.skip_bad_rows = skip_bad_rows;
    request.threads = threads;
    std::shared_ptr<const Inputs> inputs;
    {
        py::gil_scoped_release release;
        inputs = std::make_shared<const Inputs>(load(request));
    }
    if (!inputs->ok()) throw LoadFailed{problem_lines(inputs->issues, lang, true)};
    return {inputs, dataset, regions};
}

// One analysis: the run, its options and what the report needs besides.
struct Analysis {
    Loaded loaded;
    std::shared_ptr<Results> results;
    AnalyzeOptions options;
    std::string lang;
    ReportStamp stamp;

    ReportInput report() const {
        ReportInput in = report_input(*results, options, loaded.regions, loaded.display, lang);
        in.stamp.version = stamp.version;
        in.stamp.generated_at = stamp.generated_at;
        in.stamp.command_line = stamp.command_line;
        return in;
    }
};

py::object cell(const TableColumn& column, const TableCell& c) {
    if (column.kind == ColumnKind::text) return py::str(c.text);
    if (!c.number) return py::none();
    if (column.kind == ColumnKind::count) return py::int_(static_cast<long long>(*c.number));
    return py::float_(*c.number);
}

py::dict table_dict(const DataTable& t) {
    py::list columns, rows;
    for (const TableColumn& c : t.columns) columns.append(c.header);
    for (const auto& row : t.rows) {
        py::list r;
        for (std::size_t i = 0; i < row.size() && i < t.columns.size(); ++i)
            r.append(cell(t.columns[i], row[i]));
        rows.append(r);
    }
    py::dict d;
    d["sheet"] = t.sheet;
    d["columns"] = columns;
    d["rows"] = rows;
    return d;
}

}  // namespace

PYBIND11_MODULE(_icn, m) {
    m.doc() = "ICN engine (industrial cluster network analysis); use the icn package";
    m.attr("__version__") = ICN_VERSION;
    static py::exception<LoadFailed> load_error(m, "LoadError", PyExc_ValueError);
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const LoadFailed& failed) {
            py::list problems;
            for (const auto& line : failed.problems) problems.append(line);
            PyErr_SetObject(load_error.ptr(), problems.ptr());
        } catch (const RunRefused& refused) {
            std::string text = refused.what();
            for (const OptionError& e : refused.option_errors)
                text += "; " + e.option + " " + e.value + " (allowed: " + e.allowed + ")";
            PyErr_SetString(PyExc_ValueError, text.c_str());
        }
    });

    py::class_<Loaded>(m, "Loaded")
        .def_property_readonly("local_firms",
                               [](const Loaded& l) -> py::object {
                                   const auto& n = l.inputs->summary.local_firms;
                                   return n ? py::object(py::int_(*n)) : py::object(py::none());
                               })
        .def_property_readonly("firms", [](const Loaded& l) { return l.inputs->summary.firms; })
        .def_property_readonly("links", [](const Loaded& l) { return l.inputs->summary.links; })
        .def(
            "warnings",
            [](const Loaded& l, const std::string& lang) {
                std::vector<std::string> lines;
                for (const Issue& issue : l.inputs->issues.sorted()) {
                    if (issue.severity != Severity::error)
                        lines.push_back(format_issue(issue, lang));
                }
                return lines;
            },
            py::arg("lang") = "zh");

    m.def("load", &load_cluster, py::arg("dataset"), py::arg("chain") = "",
          py::arg("regions") = std::vector<std::string>{}, py::arg("criteria") = "",
          py::arg("classified") = "", py::arg("skip_bad_rows") = false, py::arg("threads") = 0,
          py::arg("lang") = "zh",
          "Reads a dataset (and template, regions, criteria); raises LoadError with every "
          "problem");

    py::class_<Analysis>(m, "Analysis")
        .def("to_json", [](const Analysis& a) { return report_json(a.report()).dump(2) + "\n"; })
        .def("tables",
             [](const Analysis& a) {
                 const ReportInput in = a.report();
                 py::dict out;
                 out["gaps"] = table_dict(gaps_table(in));
                 out["attract"] = table_dict(attract_table(in));
                 out["match"] = table_dict(match_table(in));
                 out["leaders"] = table_dict(leaders_table(in));
                 out["cohesion"] = table_dict(segments_table(in));
                 out["diagnostics"] = table_dict(diagnostics_table(in));
                 out["firms"] = table_dict(firms_table(in));
                 return out;
             })
        .def(
            "render",
            [](const Analysis& a, const std::string& out, std::vector<std::string> formats) {
                std::set<std::string> wanted(formats.begin(), formats.end());
                ReportTools tools{find_chromium(), find_pandoc()};
                std::vector<ReportNote> notes;
                {
                    py::gil_scoped_release release;
                    const ReportInput in = a.report();
                    StagedOutput output(out, a.loaded.inputs->paths(),
                                        "icn " ICN_VERSION " python");
                    notes = write_report_files(in, wanted, tools, output);
                    output.commit();
                }
                std::vector<std::string> lines;
                for (const ReportNote& n : notes) lines.push_back(n.file + ": " + n.detail);
                return lines;
            },
            py::arg("out"), py::arg("formats"));

    m.def(
        "analyze",
        [](const Loaded& loaded, std::optional<std::int32_t> year, std::int64_t min_firms,
           double max_external, std::int64_t top, std::uint64_t seed, unsigned threads,
           const std::string& lang) {
            RunOptions options;
            options.analysis.gaps.min_firms = min_firms;
            options.analysis.gaps.max_external = max_external;
            options.analysis.recommendations.top = top;
            options.analysis.seed = seed;
            options.analysis.threads = threads;
            options.year = year;
            Analysis a;
            a.loaded = loaded;
            a.options = options.analysis;
            a.options.threads = 0;
            a.lang = lang;
            a.stamp.version = ICN_VERSION;
            a.stamp.generated_at = utc_now();
            a.stamp.command_line = "python: icn.analyze(" + loaded.display + ")";
            {
                py::gil_scoped_release release;
                a.results = std::make_shared<Results>(run(loaded.inputs, options));
            }
            return a;
        },
        py::arg("loaded"), py::arg("year") = py::none(), py::arg("min_firms") = 2,
        py::arg("max_external") = 0.5, py::arg("top") = 10, py::arg("seed") = 1,
        py::arg("threads") = 0, py::arg("lang") = "zh");

    m.def(
        "whatif",
        [](const Loaded& loaded, const std::vector<std::string>& remove,
           const std::vector<std::string>& add, std::optional<std::int32_t> year,
           const std::string& lang) {
            const Inputs& in = *loaded.inputs;
            std::vector<std::uint32_t> removed, added;
            for (const auto& [ids, out] : {std::pair{&remove, &removed}, std::pair{&add, &added}}) {
                for (const std::string& id : *ids) {
                    const auto firm = in.dataset.find_firm(id);
                    if (!firm) throw py::value_error("no firm '" + id + "' in firms.csv");
                    out->push_back(*firm);
                }
            }
            GapOptions gaps;
            WhatIfResult r;
            {
                py::gil_scoped_release release;
                r = what_if(in.dataset, *in.chain, *in.region, year, removed, added, gaps);
            }
            return whatif_json(r, in.dataset, *in.chain, remove, add, gaps, lang).dump();
        },
        py::arg("loaded"), py::arg("remove") = std::vector<std::string>{},
        py::arg("add") = std::vector<std::string>{}, py::arg("year") = py::none(),
        py::arg("lang") = "zh");

    m.def(
        "diagnose",
        [](const Analysis& a) {
            if (!a.results->diagnostics) throw py::value_error("no criteria were loaded");
            return diagnostics_json(*a.results->diagnostics, a.lang).dump();
        },
        py::arg("analysis"));
}
