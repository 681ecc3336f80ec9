"""docs/python.md's code blocks, run top to bottom in an empty folder: the notebook works."""
import os
import re
import warnings

from conftest import SAMPLE, SOURCE


def test_the_notebook_in_docs_runs(tmp_path):
    text = (SOURCE / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 4
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        scope = {"SAMPLE": SAMPLE}
        with warnings.catch_warnings():
            warnings.simplefilter("error", UserWarning)  # a missing glyph is a failure
            for block in blocks:
                exec(compile(block, "docs/python.md", "exec"), scope)
    finally:
        os.chdir(cwd)
    assert (tmp_path / "local_firms_by_segment.png").stat().st_size > 5000
    assert (tmp_path / "icn-out" / "report.html").exists()
