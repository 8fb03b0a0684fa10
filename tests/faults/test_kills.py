"""A build killed (SIGKILL) at any moment, while parsing, writing articles or merging
entities, converges: building again, or serving the store, gives exactly the graph of a
build that was never interrupted."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.journal import JOURNAL, PENDING, needs_recovery
from tests.faults.conftest import kg_command, kg_env, run_kg, store_quads
from tests.server.conftest import start_server, stop_server

pytestmark = pytest.mark.slow
SEED = 14
PHASES = ["parsing"] * 3 + ["writing"] * 4 + ["merging"] * 3
POLL = 0.002


@dataclass
class Timeline:
    """When a clean build reached each phase, in seconds from its start."""

    writing: float  # the pending marker appeared: the first article is about to be written
    merging: float  # the merge's journal appeared
    merged: float  # the marker was removed


def _merging(store: Path) -> bool:
    try:
        return (store / JOURNAL).read_text().startswith("# merge")
    except FileNotFoundError:
        return False


def _start(corpus: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen(kg_command("build", str(corpus), "--store", str(store)),
                            env=kg_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for(process: subprocess.Popen, ready, started: float) -> float | None:
    """Seconds from ``started`` until ``ready()``; None if the build ended first."""
    while process.poll() is None:
        if ready():
            return time.perf_counter() - started
        time.sleep(POLL)
    return None


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    """The graph of an uninterrupted build, and when that build went through each phase."""
    store = tmp_path_factory.mktemp("clean") / "store"
    started = time.perf_counter()
    process = _start(corpus, store)
    writing = _wait_for(process, (store / PENDING).exists, started)
    merging = _wait_for(process, lambda: _merging(store), started)
    merged = _wait_for(process, lambda: not (store / PENDING).exists(), started)
    assert process.wait() == 0, process.stderr.read().decode()
    assert None not in (writing, merging, merged), (writing, merging, merged)
    return store_quads(store), Timeline(writing, merging, merged)


def _kill_during(phase: str, process: subprocess.Popen, store: Path, timeline: Timeline,
                 rng: random.Random) -> bool:
    """Kill the build at a random moment of ``phase``; True if it was still running."""
    started = time.perf_counter()
    if phase == "parsing":
        time.sleep(rng.uniform(0.5, 0.9 * timeline.writing))
    elif phase == "writing":
        _wait_for(process, (store / PENDING).exists, started)
        time.sleep(rng.uniform(0, timeline.merging - timeline.writing))
    else:
        _wait_for(process, lambda: _merging(store), started)
        time.sleep(rng.uniform(0, 0.8 * (timeline.merged - timeline.merging)))
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    return process.wait() == -signal.SIGKILL


def test_a_build_killed_at_random_moments_converges_on_the_next_build_or_serve(
        corpus: Path, clean, tmp_path: Path):
    expected, timeline = clean
    rng = random.Random(SEED)
    hits: Counter[str] = Counter()
    for number, phase in enumerate(PHASES):
        store = tmp_path / f"store-{number}"
        process = _start(corpus, store)
        if not _kill_during(phase, process, store, timeline, rng):
            continue
        interrupted = needs_recovery(store)
        hits[phase] += interrupted == (phase != "parsing")
        if phase == "merging" and not hits["served"]:
            hits["served"] += 1  # the server finishes the merge before it serves
            server, _ = start_server(store)
            stop_server(server)
        else:
            done = run_kg("build", str(corpus), "--store", str(store))
            assert done.returncode == 0, done.stderr
        assert store_quads(store) == expected, f"killed while {phase} (kill {number})"
        assert not needs_recovery(store)
    print(f"\nclean build: writing from {timeline.writing:.1f} s, merging "
          f"{timeline.merging:.1f}-{timeline.merged:.1f} s; kills that landed: {dict(hits)}")
    assert hits["parsing"] and hits["writing"] and hits["merging"], hits
