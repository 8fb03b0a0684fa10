"""The AllSides scale run: real news articles built into one store folder in batches, as a
user would (`kg build FILE --store DIR --workers 2`, one process per batch), and after each
batch what the store costs and how fast it answers.

    python benchmarks/scale.py [--articles 27978] [--batch 2000] [--minutes 60]

Per batch: articles/s and peak RSS of the build process, bytes per quad of the store
folder beside `oxigraph load` of the same quads, every named query (median of 3, over
the read-only store) and the most-quoted person's page from a real `kg serve`. Then 100
articles not built yet are added to the large store and built into an empty one, and
`kg export` is timed beside pyoxigraph's own dump of the same store. ``--minutes`` stops
starting new batches once that much time has gone, so the closing measures still run.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import WORK, folder_bytes, machine, measured_run, table  # noqa: E402
from benchmarks.endpoint import free_port, wait_until_up  # noqa: E402
from benchmarks.query_latency import EXAMPLES  # noqa: E402
from kg.queries import bind_variables, named_queries  # noqa: E402
from kg.rdf.namespaces import PREFIX_IRIS  # noqa: E402

CORPUS = ROOT.parent / "shared" / "allsides" / "train.jsonl.gz"
FIELDS = ["text=content_original", "publisher=source", "id=ID"]
OXIGRAPH = Path(sys.executable).parent / "oxigraph"
MOST_QUOTED = """SELECT ?x WHERE { ?x a schema:Person ; nkg:said ?q }
                 GROUP BY ?x ORDER BY DESC(COUNT(?q)) ?x LIMIT 1"""
EXPORTS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "ttl": ox.RdfFormat.TURTLE}


def write_batches(count: int, size: int, folder: Path,
                  skip: int = 0) -> Iterator[tuple[Path, int]]:
    """The ``count`` records of the corpus after the first ``skip``, as gzip JSON-lines
    files of ``size``."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as records:
        for _ in itertools.islice(records, skip):
            pass
        for number in itertools.count(1):
            lines = list(itertools.islice(records, min(size, count)))
            if not lines:
                return
            count -= len(lines)
            path = folder / f"batch-{number:02d}.jsonl.gz"
            with gzip.open(path, "wt", encoding="utf-8") as out:
                out.writelines(lines)
            yield path, len(lines)


def kg_build(inputs: Path, store: Path, workers: int) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds (user + system) of one build, its
    workers included: CPU time tells a batch slowed by other work on the machine apart."""
    command = [sys.executable, "-m", "kg.cli", "build", str(inputs), "--store", str(store),
               "--workers", str(workers), "--quiet"]
    for field in FIELDS:
        command += ["--field", field]
    wall, cpu, peak = measured_run(command)
    return wall, peak, cpu


def median_seconds(action, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def query_times(store: ox.Store) -> dict[str, float]:
    """Each named query, all rows read, median of 3, its parameters bound as the query
    latency benchmark binds them (unbound, one ran past 40 s at 3.6M quads)."""
    times = {}
    for name, query in named_queries().items():
        bindings = {param: EXAMPLES[param] for param, _ in query.params}
        text = bind_variables(query.text, bindings)
        times[name] = median_seconds(
            lambda text=text: list(store.query(text, prefixes=PREFIX_IRIS)))
    return times


def loaded_bytes_per_quad(dump: Path, scratch: Path, quads: int) -> float:
    """Bytes per quad of a store that `oxigraph load` makes from the same N-Quads."""
    shutil.rmtree(scratch, ignore_errors=True)
    subprocess.run([str(OXIGRAPH), "load", "--location", str(scratch), "--file", str(dump)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    size = folder_bytes(scratch)
    shutil.rmtree(scratch)
    return size / quads


def page_seconds(store: Path, path: str) -> float | None:
    """The page at ``path`` from a real `kg serve` on the store, median of 3 after a warm-up
    (None: the server did not come up in 5 minutes)."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store),
                                "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(f"{url}/sparql", process, seconds=300)
        except RuntimeError:
            return None
        with requests.Session() as session:
            session.get(url + path, timeout=600).raise_for_status()
            return median_seconds(
                lambda: session.get(url + path, timeout=600).raise_for_status())
    finally:
        process.terminate()
        process.wait(timeout=30)


def measure(store: Path, work: Path) -> dict[str, object]:
    """Quads, bytes per quad (ours and `oxigraph load`'s), query and page times."""
    graph = ox.Store.read_only(str(store))
    quads = len(graph)
    queries = query_times(graph)
    person = [row["x"].value for row in graph.query(MOST_QUOTED, prefixes=PREFIX_IRIS)]
    dump = work / "dump.nq"
    graph.dump(str(dump), ox.RdfFormat.N_QUADS)
    del graph
    return {"quads": quads, "bytes/quad": folder_bytes(store) / quads,
            "load bytes/quad": loaded_bytes_per_quad(dump, work / "loaded", quads),
            "queries": queries,
            "page": page_seconds(store, urlsplit(person[0]).path) if person else None}


def export_times(store: Path, work: Path, limit: float) -> list[list[object]]:
    """`kg export` beside pyoxigraph's dump of the same store, per format (None: timed out)."""
    rows = []
    for ext, rdf_format in EXPORTS.items():
        target = work / f"export.{ext}"
        started = time.perf_counter()
        try:
            subprocess.run([sys.executable, "-m", "kg.cli", "export", "--store", str(store),
                            "-o", str(target)], cwd=ROOT, check=True, timeout=limit)
            ours: str = f"{time.perf_counter() - started:.1f}"
        except subprocess.TimeoutExpired:
            ours = f"> {limit:.0f}"
        graph = ox.Store.read_only(str(store))
        started = time.perf_counter()
        union = {} if rdf_format.supports_datasets else {"from_graph": ox.DefaultGraph()}
        graph.dump(str(work / f"dump.{ext}"), rdf_format, **union)
        native = time.perf_counter() - started
        del graph
        rows.append([ext, ours, f"{native:.1f}"])
        for path in (target, work / f"dump.{ext}"):
            path.unlink(missing_ok=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=27_978)
    parser.add_argument("--batch", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--minutes", type=float, default=24 * 60,
                        help="start no batch after this long")
    parser.add_argument("--resume", type=int, default=0, metavar="N",
                        help="keep the store, which holds the first N articles; go on from there")
    parser.add_argument("--export-limit", type=float, default=600, metavar="SECONDS")
    args = parser.parse_args()
    started = time.monotonic()
    work = WORK / "scale"
    if not args.resume:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    store = work / "store"
    print(f"# AllSides scale run: batches of {args.batch}, --workers {args.workers}; "
          f"{machine()}\n", flush=True)
    headers = ["batch", "articles", "quads", "articles/s", "CPU s/article", "load",
               "peak RSS MiB", "bytes/quad",
               "oxigraph load bytes/quad", "slowest query s", "person page s"]
    rows: list[list[object]] = []
    built = args.resume
    for path, size in write_batches(args.articles - built, args.batch, work, built):
        if (time.monotonic() - started) / 60 > args.minutes:
            break
        seconds, rss, cpu = kg_build(path, store, args.workers)
        load = os.getloadavg()[1]
        built += size
        found = measure(store, work)
        queries: dict[str, float] = found["queries"]  # type: ignore[assignment]
        slowest = max(queries, key=queries.__getitem__)
        page = found["page"]
        rows.append([built // args.batch, built, f"{found['quads']:,}", f"{size / seconds:.2f}",
                     f"{cpu / size:.3f}", f"{load:.1f}", f"{rss:.0f}", f"{found['bytes/quad']:.0f}",
                     f"{found['load bytes/quad']:.0f}",
                     f"{queries[slowest]:.2f} ({slowest})",
                     "-" if page is None else f"{page:.2f}"])
        print(table(headers, rows[-1:]).splitlines()[-1], flush=True)
        print("  queries: " + ", ".join(f"{n} {s:.2f}" for n, s in queries.items()),
              flush=True)
        path.unlink()
    print("\n" + table(headers, rows), flush=True)
    fresh = work / "next-100.jsonl.gz"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as records, \
            gzip.open(fresh, "wt", encoding="utf-8") as out:
        out.writelines(itertools.islice(records, built, built + 100))
    into_large = kg_build(fresh, store, args.workers)[0]
    into_empty = kg_build(fresh, work / "empty-store", args.workers)[0]
    print(f"\n100 new articles: {into_large:.1f} s into the store of {built} articles, "
          f"{into_empty:.1f} s into an empty store ({into_large / into_empty:.2f}x)", flush=True)
    print("\n" + table(["format", "kg export s", "pyoxigraph dump s"],
                       export_times(store, work, args.export_limit)), flush=True)


if __name__ == "__main__":
    main()
