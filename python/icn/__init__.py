"""ICN for Python: analyse an industrial cluster (产业集群) from files or pandas DataFrames.

    import icn
    ds = icn.load("datasets/sample/linqing-bearing")          # or icn.Dataset.from_frames(...)
    r = icn.analyze(ds, chain="bearing", region="371581")
    r.gaps, r.leaders, r.attract, r.match                      # pandas DataFrames
    r.to_json()                                                # the text of report.json
    icn.render(r, "icn-out")                                   # report.html, .xlsx, ... as the CLI

Bad input raises icn.InputError, whose .problems lists every problem as "FILE:LINE: message".
The engine releases the GIL while it works; Debian's igraph is not thread-safe, so the engine
makes its igraph calls one at a time behind a lock: analyses on several Python threads are safe
and correct, and run in parallel outside those calls. docs/python.md says more.
"""
import json
import os
import shutil
import tempfile

import pandas as pd

from . import _icn

__version__ = _icn.__version__
__all__ = ["InputError", "Dataset", "Result", "load", "analyze", "whatif", "diagnose", "render"]


class InputError(ValueError):
    """Bad input: .problems lists every problem found, "FILE:LINE: message"."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def _load(path, chain="", regions=(), criteria="", lang="zh", **options):
    try:
        return _icn.load(str(path), chain=chain or "", regions=list(regions),
                         criteria=criteria or "", lang=lang, **options)
    except _icn.LoadError as error:
        raise InputError(error.args[0]) from None


def _regions(region):
    if region is None:
        return []
    return [region] if isinstance(region, str) else list(region)


class Dataset:
    """A dataset folder (firms.csv, links.csv, ... or firms.xlsx), read and checked."""

    def __init__(self, path, lang="zh", skip_bad_rows=False, _owned=None):
        self.path = os.fspath(path)
        self.lang = lang
        self.skip_bad_rows = skip_bad_rows
        self._owned = _owned  # a temporary folder made by from_frames, removed with this
        self._checked = _load(self.path, lang=lang, skip_bad_rows=skip_bad_rows)

    @classmethod
    def from_frames(cls, firms, links, cluster=None, firm_years=None, lang="zh"):
        """A dataset from DataFrames with the columns of firms.csv and links.csv (SPEC 1.1),
        optionally firm_years.csv's and cluster.json's fields (a dict). They are written as the
        CSV files ICN reads, so they are checked exactly as files are."""
        folder = tempfile.mkdtemp(prefix="icn-frames-")
        try:
            firms.to_csv(os.path.join(folder, "firms.csv"), index=False)
            links.to_csv(os.path.join(folder, "links.csv"), index=False)
            if firm_years is not None:
                firm_years.to_csv(os.path.join(folder, "firm_years.csv"), index=False)
            if cluster is not None:
                with open(os.path.join(folder, "cluster.json"), "w", encoding="utf-8") as f:
                    json.dump(cluster, f, ensure_ascii=False)
            return cls(folder, lang=lang, _owned=folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise

    @property
    def firms(self):
        return self._checked.firms

    @property
    def links(self):
        return self._checked.links

    def warnings(self):
        return self._checked.warnings(self.lang)

    def __del__(self):
        if getattr(self, "_owned", None):
            shutil.rmtree(self._owned, ignore_errors=True)

    def __repr__(self):
        return f"icn.Dataset({self.path!r}: {self.firms} firms, {self.links} links)"


def load(path, lang="zh", skip_bad_rows=False):
    """Reads and checks a dataset folder; raises InputError listing every problem."""
    return Dataset(path, lang=lang, skip_bad_rows=skip_bad_rows)


def _frame(table):
    return pd.DataFrame(table["rows"], columns=table["columns"])


class Result:
    """One cluster's analysis. Tables are DataFrames with the report's headers (amounts in the
    dataset's unit, named in the header); to_json() is report.json's text."""

    def __init__(self, dataset, analysis, lang):
        self.dataset = dataset
        self._analysis = analysis
        self.lang = lang
        self._tables = None
        self._json = None

    def _table(self, name):
        if self._tables is None:
            self._tables = self._analysis.tables()
        return _frame(self._tables[name])

    def to_json(self):
        return self._analysis.to_json()

    @property
    def report(self):
        """report.json as a dict."""
        if self._json is None:
            self._json = json.loads(self.to_json())
        return self._json

    gaps = property(lambda self: self._table("gaps"))
    attract = property(lambda self: self._table("attract"))
    match = property(lambda self: self._table("match"))
    leaders = property(lambda self: self._table("leaders"))
    cohesion = property(lambda self: self._table("cohesion"))
    diagnostics = property(lambda self: self._table("diagnostics"))
    firms = property(lambda self: self._table("firms"))

    @property
    def resilience(self):
        """The cut points (articulation points): firm, name, local firms cut off."""
        return pd.DataFrame(self.report["resilience"]["articulation_points"])


def _dataset(ds):
    return ds if isinstance(ds, Dataset) else load(ds)


def analyze(ds, chain, region, year=None, criteria="national-2022", min_firms=2,
            max_external=0.5, top=10, seed=1, threads=0, lang="zh", classified=None):
    """Analyses the cluster of `ds` (a Dataset or a folder) in `region` (a code or a place name,
    or a list of them) against the template `chain`."""
    ds = _dataset(ds)
    loaded = _load(ds.path, chain=chain, regions=_regions(region), criteria=criteria,
                   classified=os.fspath(classified) if classified else "",
                   skip_bad_rows=ds.skip_bad_rows, threads=threads, lang=lang)
    analysis = _icn.analyze(loaded, year=year, min_firms=min_firms, max_external=max_external,
                            top=top, seed=seed, threads=threads, lang=lang)
    return Result(ds, analysis, lang)


def whatif(ds, chain, region, remove=(), add=(), year=None, lang="zh"):
    """What the cluster loses if firms leave (remove) or gains if external firms move in (add):
    the dict of `icn whatif --json`."""
    ds = _dataset(ds)
    loaded = _load(ds.path, chain=chain, regions=_regions(region), lang=lang)
    return json.loads(_icn.whatif(loaded, remove=list(remove), add=list(add), year=year,
                                  lang=lang))


def diagnose(ds, chain, region, criteria="national-2022", year=None, lang="zh"):
    """The cluster against a programme's criteria: the dict of `icn diagnose --json`."""
    result = analyze(ds, chain, region, year=year, criteria=criteria, lang=lang)
    return json.loads(_icn.diagnose(result._analysis))


def render(result, out, formats=("json", "html", "md", "svg", "csv", "xlsx")):
    """Writes the report's files into the folder `out`, as `icn analyze --out` does (a new or
    empty folder, or one ICN wrote before; only ICN's files are replaced). pdf and docx are
    written where Chromium and pandoc are installed. Returns notes on what could not be done."""
    return result._analysis.render(os.fspath(out), list(formats))
