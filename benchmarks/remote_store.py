"""The remote store against the local one: the same articles built by `kg build` into a
store folder and into a real `oxigraph serve` (same options, one process each), the rate
ratio, and whether the two hold the same graph.

    python benchmarks/remote_store.py [--limit 200] [--workers 1] [--repeat 1]
    python benchmarks/remote_store.py --allsides 2000 --workers 2

``--allsides N`` builds the first N records of the AllSides corpus instead of PolNeAR
train articles (the issue's measure: 2,000 articles).

Prints per store the whole-process wall time and the build's own seconds (the summary
line: reading, parsing, writing, resolution), their articles/s and the ratio remote/local
(target >= 0.7); then the store writes alone (every article graph of the built store
written again with ``put_graph`` into an empty store of each kind); then whether the
article graphs and the union are equal, quad for quad. ``--repeat`` alternates the builds
and reports medians, since the machine is shared.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from rdflib import URIRef

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import machine, table, train_files  # noqa: E402
from benchmarks.endpoint import free_port, wait_until_up  # noqa: E402
from benchmarks.scale import CORPUS, FIELDS  # noqa: E402
from kg.store import GraphStore, named_quads, open_store  # noqa: E402

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
SUMMARY = re.compile(r"(\d+) articles built.* in ([\d.]+) s")


class OxigraphServer:
    """``oxigraph serve`` on a free loopback port over an empty folder, for one build."""

    def __init__(self, folder: Path) -> None:
        self.root = f"http://127.0.0.1:{free_port()}"
        self.process = subprocess.Popen(
            [str(OXIGRAPH), "serve", "--location", str(folder), "--bind", self.root[7:]],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until_up(f"{self.root}/query", self.process)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def kg_build(inputs: Path, store: str, workers: int) -> tuple[float, float, int]:
    """Wall seconds of the `kg build` process, the seconds its summary line gives, and
    the articles it built."""
    command = [sys.executable, "-m", "kg.cli", "build", str(inputs), "--store", store,
               "--workers", str(workers), "--quiet"]
    if inputs.suffix == ".gz":
        command += [option for field in FIELDS for option in ("--field", field)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    match = SUMMARY.search(done.stdout)
    if match is None:
        raise RuntimeError(f"no summary line in: {done.stdout!r}")
    return wall, float(match.group(2)), int(match.group(1))


def article_graphs(store: GraphStore) -> dict[URIRef, list]:
    by_graph: dict[URIRef, list] = defaultdict(list)
    for quad in named_quads(store, (None, None, None)):
        by_graph[quad[3]].append(quad)
    return by_graph


def write_seconds(graphs: dict[URIRef, list], store: GraphStore) -> float:
    """Seconds to write every graph into ``store`` as a build does (one transaction each)."""
    started = time.perf_counter()
    for graph, quads in graphs.items():
        with store.transaction("article"):
            store.put_graph(graph, quads)
    return time.perf_counter() - started


def same_graph(local: GraphStore, remote: GraphStore) -> tuple[int, int, bool, bool]:
    """Quads of the article graphs and triples of the union, and whether each is equal."""
    named = [set(store.statements(named_graphs=True)) for store in (local, remote)]
    union = [{q.triple for q in store.statements(named_graphs=False)}
             for store in (local, remote)]
    return len(named[0]), len(union[0]), named[0] == named[1], union[0] == union[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=200, help="PolNeAR train articles")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="builds of each kind")
    parser.add_argument("--allsides", type=int, metavar="N",
                        help="the first N AllSides records instead of PolNeAR articles")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-remote-bench-"))
    try:
        run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path) -> None:
    if args.allsides:
        inputs = work / "allsides.jsonl.gz"
        with gzip.open(CORPUS, "rt", encoding="utf-8") as corpus, \
                gzip.open(inputs, "wt", encoding="utf-8") as out:
            out.writelines(line for _, line in zip(range(args.allsides), corpus))
        source = f"the first {args.allsides} AllSides records"
    else:
        inputs = work / "articles"
        inputs.mkdir()
        for path in train_files(args.limit):
            shutil.copy(path, inputs / path.name)
        source = f"{args.limit} PolNeAR train articles"
    print(f"{machine()}; {source}, --workers {args.workers}")
    times: dict[str, list[tuple[float, float, int]]] = {"local": [], "remote": []}
    server = None
    try:
        for attempt in range(args.repeat):
            for kind in ("remote", "local") if attempt % 2 == 0 else ("local", "remote"):
                folder = work / f"{kind}-{attempt}"
                if kind == "local":
                    times[kind].append(kg_build(inputs, str(folder), args.workers))
                    continue
                if server is not None:
                    server.stop()
                server = OxigraphServer(folder)
                times[kind].append(kg_build(inputs, server.root, args.workers))
        compare(work / f"local-{args.repeat - 1}", server, work)
    finally:
        if server is not None:
            server.stop()
    rows = []
    for kind, runs in times.items():
        wall = statistics.median(r[0] for r in runs)
        build = statistics.median(r[1] for r in runs)
        built = runs[0][2]
        rows.append([kind, built, f"{wall:.1f}", f"{built / wall:.2f}", f"{build:.1f}",
                     f"{built / build:.2f}"])
    print(table(["store", "articles", "process s", "articles/s", "build s", "articles/s"],
                rows))
    local, remote = (statistics.median(r[1] for r in times[k]) for k in ("local", "remote"))
    print(f"rate ratio remote/local (build s): {local / remote:.2f} (target >= 0.7)")


def compare(local_folder: Path, server: OxigraphServer, work: Path) -> None:
    """Equality of the two builds, and the writes alone into an empty store of each kind."""
    local, remote = open_store(local_folder, read_only=True), open_store(server.root)
    quads, triples, named_equal, union_equal = same_graph(local, remote)
    print(f"same graph: article graphs {named_equal} ({quads} quads), union {union_equal} "
          f"({triples} triples)")
    graphs = article_graphs(local)
    blank = OxigraphServer(work / "writes-remote")
    try:
        written = {"local": write_seconds(graphs, open_store(work / "writes-local")),
                   "remote": write_seconds(graphs, open_store(blank.root))}
    finally:
        blank.stop()
    print(table(["store", "article graphs", "put_graph s", "graphs/s"],
                [[kind, len(graphs), f"{s:.2f}", f"{len(graphs) / s:.1f}"]
                 for kind, s in written.items()]))
    print(f"write ratio remote/local: {written['local'] / written['remote']:.2f}")


if __name__ == "__main__":
    main()
