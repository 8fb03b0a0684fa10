"""`kg export` against pyoxigraph's own dump of the same store: time, ratio and peak RSS
per format, in one run.

    python benchmarks/export.py [--store DIR] [--limit 60] [--copies K] [--formats ...]

Without --store, the first --limit PolNeAR train articles are built once into
benchmarks/.work/export-store (kept for later runs). --copies K loads the store's quads K
times under renamed IRIs into benchmarks/.work/export-copies-K, for a store K times larger.
Each side runs as its own process on the same store, whole process timed (interpreter,
imports and opening the store included), its peak RSS read from wait4:
- `kg export --store DIR -o FILE --format F` (Turtle from the union, TriG and N-Quads with the
  article graphs: what the data model says each format carries);
- pyoxigraph `Store.dump` of the same store: Turtle from the default graph, TriG and N-Quads
  of the whole dataset (which also holds the materialised union, so it writes more quads).
"of which writing" is `kg.export.export` alone, timed in a third process after its imports
and the opening of the store: the whole-process time less that is kg's fixed start-up cost.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, WORK, machine, table, train_files  # noqa: E402
from kg.formats import by_name  # noqa: E402

NATIVE_DUMP = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
fmt = ox.RdfFormat.from_media_type(sys.argv[3])
graph = None if fmt.supports_datasets else ox.DefaultGraph()
store.dump(sys.argv[2], fmt, from_graph=graph)
"""

# `kg export`'s own writing, timed after its imports and the opening of the store.
KG_WRITE = """
import sys, time
from kg.api import open_dataset
from kg.export import export
dataset = open_dataset(sys.argv[1])
started = time.perf_counter()
export(dataset, sys.argv[2], sys.argv[3])
print(time.perf_counter() - started)
"""

# Renames every IRI under the instance base with a copy number, so each copy is new data.
COPY = """
import re, sys, pyoxigraph as ox
source, target, copies = ox.Store.read_only(sys.argv[1]), ox.Store(sys.argv[2]), int(sys.argv[3])
data = source.dump(format=ox.RdfFormat.N_QUADS)
for copy in range(copies):
    renamed = re.sub(rb"<(https://newskg\\.example\\.org/id/[^>#]*)", rb"<\\1~c%d" % copy, data)
    target.bulk_load(renamed, ox.RdfFormat.N_QUADS)
target.flush()
"""


def run(argv: list[str]) -> tuple[float, float, bytes]:
    """Wall seconds, peak RSS (MiB) and output of one child process."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(argv)}")
    return elapsed, usage.ru_maxrss / 1024, output


def build_store(limit: int) -> Path:
    store = WORK / "export-store"
    if not (store / "CURRENT").is_file():
        files = [str(path) for path in train_files(limit)]
        run([sys.executable, "-m", "kg.cli", "build", *files, "--store", str(store), "--quiet"])
    return store


def copied_store(store: Path, copies: int) -> Path:
    target = WORK / f"export-copies-{copies}"
    if not (target / "CURRENT").is_file():
        run([sys.executable, "-c", COPY, str(store), str(target), str(copies)])
    return target


def quad_count(store: Path) -> int:
    """Counted in a child: opening the store here would raise the RSS every later child
    starts with (wait4's peak includes the parent's pages at fork)."""
    code = "import sys, pyoxigraph as ox; print(len(ox.Store.read_only(sys.argv[1])))"
    return int(subprocess.check_output([sys.executable, "-c", code, str(store)]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="an existing store folder")
    parser.add_argument("--limit", type=int, default=60, help="train articles to build")
    parser.add_argument("--copies", type=int, default=1, help="make the store K times larger")
    parser.add_argument("--formats", nargs="+", default=["turtle", "trig", "nquads"])
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    store = args.store or build_store(args.limit)
    if args.copies > 1:
        store = copied_store(store, args.copies)
    out = WORK / "export-out"
    out.mkdir(exist_ok=True)
    print(f"# export: {store} ({quad_count(store):,} quads); {machine()}")
    rows = []
    for name in args.formats:
        fmt = by_name(name)
        kg_file, native_file = out / f"kg.{fmt.extension}", out / f"native.{fmt.extension}"
        kg_time, kg_rss, _ = run([sys.executable, "-m", "kg.cli", "export", "--store", str(store),
                               "-o", str(kg_file), "--format", fmt.name, "--quiet"])
        native_time, native_rss, _ = run([sys.executable, "-c", NATIVE_DUMP, str(store),
                                          str(native_file), fmt.media_type])
        write_time = float(run([sys.executable, "-c", KG_WRITE, str(store), str(kg_file),
                                fmt.name])[2])
        rows.append([fmt.name, f"{kg_time:.2f}", f"{write_time:.2f}", f"{native_time:.2f}",
                     f"{kg_time / native_time:.2f}", f"{kg_rss:.0f}", f"{native_rss:.0f}",
                     f"{kg_file.stat().st_size / 2**20:.1f}",
                     f"{native_file.stat().st_size / 2**20:.1f}"])
        print(table(HEADERS, rows[-1:]).splitlines()[-1], flush=True)
    print()
    print(table(HEADERS, rows))


HEADERS = ["format", "kg export s", "of which writing s", "pyoxigraph dump s", "ratio",
           "kg peak RSS MiB", "dump peak RSS MiB", "kg MiB", "dump MiB"]

if __name__ == "__main__":
    main()
