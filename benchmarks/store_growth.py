"""Growing an on-disk store past a million triples: articles per second, peak memory and
bytes on disk per triple at each size, so the table shows how cost grows with size.

    python benchmarks/store_growth.py [--triples 1000000] [--workers 2] [--limit N]

Each round re-ingests the PolNeAR train split under new ids (``ID~rK``), parsed and
extracted for real, into the same store folder (kept in benchmarks/.work/ for
query_latency.py). Articles are streamed, so the build's memory should not grow with the
store: the peak-memory columns check that.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import (  # noqa: E402
    WORK,
    folder_bytes,
    machine,
    peak_rss_mib,
    table,
    timer,
    train_files,
)
from kg.api import open_dataset  # noqa: E402
from kg.ingest import Article, read_articles  # noqa: E402
from kg.pipeline import build_into  # noqa: E402
from kg.rdf.namespaces import DEFAULT_BASE  # noqa: E402
from kg.store import triple_count  # noqa: E402

STORE = WORK / "growth-store"


def renamed(files: list[Path], round_number: int) -> Iterator[Article]:
    for article in read_articles(files):
        yield dataclasses.replace(article, id=f"{article.id}~r{round_number}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="stop past this size")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, help="train articles per round (default: all)")
    parser.add_argument("--max-rounds", type=int, default=6)
    args = parser.parse_args()
    files = train_files(args.limit)
    shutil.rmtree(STORE, ignore_errors=True)
    STORE.parent.mkdir(parents=True, exist_ok=True)
    dataset = open_dataset(STORE)
    print(f"# store growth: {len(files)} articles per round, --workers {args.workers}; "
          f"{machine()}\n", flush=True)
    headers = ["round", "articles", "triples", "articles/s", "peak RSS main MiB",
               "peak RSS worker MiB", "disk MiB", "bytes/triple"]
    rows: list[list[object]] = []
    articles = triples = 0
    for round_number in range(1, args.max_rounds + 1):
        with timer() as elapsed:
            summary = build_into(dataset, renamed(files, round_number), DEFAULT_BASE,
                                 workers=args.workers)
        articles += summary.built
        triples = triple_count(dataset)
        disk = folder_bytes(STORE)
        own, child = peak_rss_mib()
        rows.append([round_number, articles, triples, f"{summary.built / elapsed[0]:.2f}",
                     f"{own:.0f}", f"{child:.0f}", f"{disk / 2**20:.0f}",
                     f"{disk / triples:.0f}"])
        print(table(headers, rows[-1:]).splitlines()[-1], flush=True)
        if triples >= args.triples:
            break
    dataset.close()
    print()
    print(table(headers, rows))


if __name__ == "__main__":
    main()
