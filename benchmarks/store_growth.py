"""Growing an on-disk store past a million triples: articles per second, peak memory and
bytes on disk per triple at each size, so the table shows how cost grows with size.

    python benchmarks/store_growth.py [--triples 1000000] [--limit N] [--whole-store]

The PolNeAR train split (or its first N articles) is parsed and extracted once, its
records streamed to a file (``--reuse``: those of the last run); each round then
re-ingests those records under new ids (``ID~rK``) into the same store folder, one article
graph at a time, followed by entity resolution of the round's graphs (``--whole-store``:
the store-wide pass). So the articles/s column is the store's cost as it grows, without
the NLP, which build_cost.py measures. The store is kept in benchmarks/.work/ for
query_latency.py.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
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
from kg.extract.records import ArticleFacts  # noqa: E402
from kg.ingest import InputProblem, read_articles  # noqa: E402
from kg.pipeline import extract_all, settle, store_facts  # noqa: E402
from kg.rdf.iris import article_graph_iri  # noqa: E402
from kg.rdf.namespaces import DEFAULT_BASE  # noqa: E402
from kg.store import triple_count  # noqa: E402

STORE = WORK / "growth-store"
RECORDS = WORK / "train-records.pickle"


def save_records(files: list[Path], workers: int) -> int:
    """Extract once, streaming records to disk; returns the number of articles."""
    count = 0
    with RECORDS.open("wb") as out:
        for facts in extract_all(read_articles(files), workers=workers):
            if isinstance(facts, InputProblem):  # an article that could not be built
                continue
            pickle.dump(facts, out)
            count += 1
    return count


def records(round_number: int) -> Iterator[ArticleFacts]:
    with RECORDS.open("rb") as source:
        while True:
            try:
                facts = pickle.load(source)
            except EOFError:
                return
            yield dataclasses.replace(facts, article_id=f"{facts.article_id}~r{round_number}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="stop past this size")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, help="train articles per round (default: all)")
    parser.add_argument("--max-rounds", type=int, default=40)
    parser.add_argument("--reuse", action="store_true", help="the records of the last run")
    parser.add_argument("--whole-store", action="store_true",
                        help="settle with the whole-store pass, not the new graphs only")
    args = parser.parse_args()
    files = train_files(args.limit)
    shutil.rmtree(STORE, ignore_errors=True)
    STORE.parent.mkdir(parents=True, exist_ok=True)
    with timer() as extraction:
        per_round = (sum(1 for _ in records(0)) if args.reuse and RECORDS.exists()
                     else save_records(files, args.workers))
    dataset = open_dataset(STORE)
    print(f"# store growth: {per_round} articles per round (extracted once in "
          f"{extraction[0]:.0f} s, --workers {args.workers}); {machine()}\n", flush=True)
    headers = ["round", "articles", "triples", "articles/s", "peak RSS MiB", "disk MiB",
               "bytes/triple"]
    rows: list[list[object]] = []
    articles = triples = 0
    for round_number in range(1, args.max_rounds + 1):
        with timer() as elapsed:
            graphs = []
            for facts in records(round_number):
                store_facts(dataset, facts, DEFAULT_BASE)
                graphs.append(article_graph_iri(DEFAULT_BASE, facts.article_id))
            settle(dataset, DEFAULT_BASE, None if args.whole_store else graphs)
        articles += per_round
        triples = triple_count(dataset)
        disk = folder_bytes(STORE)
        rows.append([round_number, articles, f"{triples:,}", f"{per_round / elapsed[0]:.1f}",
                     f"{peak_rss_mib()[0]:.0f}", f"{disk / 2**20:.0f}",
                     f"{disk / triples:.0f}"])
        print(table(headers, rows[-1:]).splitlines()[-1], flush=True)
        if triples >= args.triples:
            break
    dataset.close()
    print()
    print(table(headers, rows))


if __name__ == "__main__":
    main()
