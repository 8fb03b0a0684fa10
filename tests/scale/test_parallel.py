"""Worker processes and a Dask cluster build the same graph as one process."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from kg.api import build_with_summary
from kg.export import serialize
from tests.scale.conftest import quads

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_workers(corpus: Path) -> Dataset:
    return build_with_summary([corpus], workers=2)[0]


def test_two_workers_build_the_same_graph_as_one(serial: Dataset, two_workers: Dataset):
    assert quads(two_workers) == quads(serial)
    assert len(quads(serial)) > 1000


@pytest.mark.parametrize("fmt", ["turtle", "nt", "trig", "nquads"])
def test_two_worker_exports_are_byte_identical_to_one(serial: Dataset, two_workers: Dataset,
                                                      fmt: str):
    assert serialize(two_workers, fmt) == serialize(serial, fmt)


def test_dask_local_cluster_builds_the_same_graph_as_serial(serial: Dataset, corpus: Path):
    dataset, summary = build_with_summary([corpus], dask="local:2")
    assert summary.built == 8
    assert quads(dataset) == quads(serial)
