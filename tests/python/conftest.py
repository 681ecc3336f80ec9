"""Shared for the Python tests: where the source, the icn binary and the sample are."""
import os
import pathlib

import pytest

SOURCE = pathlib.Path(__file__).resolve().parents[2]
ICN = os.environ.get("ICN_BINARY", str(SOURCE / "build" / "release" / "cli" / "icn"))
SAMPLE = SOURCE / "datasets" / "sample" / "linqing-bearing"


@pytest.fixture
def icn_binary():
    return ICN
