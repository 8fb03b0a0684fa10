"""What keeping the person summary costs a build: the recount of the people one batch of
articles quotes (kg.resolve.person_summary), on a store as it is (read-only, nothing
written); median of 3, wall and CPU.

    python benchmarks/person_summary.py --store DIR --batch RECORDS.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.query_latency import _cpu  # noqa: E402
from kg.rdf import iris  # noqa: E402
from kg.rdf.namespaces import DEFAULT_BASE  # noqa: E402
from kg.resolve.corroboration import corroboration_graph  # noqa: E402
from kg.resolve.person_summary import summary_quads  # noqa: E402
from kg.resolve.scope import in_graphs  # noqa: E402
from kg.store import open_store  # noqa: E402


def timed(work) -> tuple[float, float]:
    """Median wall and CPU seconds of three runs of ``work()``."""
    walls, cpus = [], []
    for _ in range(3):
        cpu, started = _cpu(), time.perf_counter()
        work()
        walls.append(time.perf_counter() - started)
        cpus.append(_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--batch", type=Path, required=True, help="AllSides records (ID field)")
    args = parser.parse_args()
    with gzip.open(args.batch, "rt", encoding="utf-8") as records:
        ids = [json.loads(line)["ID"] for line in records]
    dataset = open_store(args.store, read_only=True)
    graphs = [iris.article_graph_iri(DEFAULT_BASE, article_id) for article_id in ids]
    people = in_graphs(dataset, graphs, "?s nkg:said ?q")
    graph = corroboration_graph(DEFAULT_BASE)
    print(f"{len(ids)} articles, {len(people)} speakers")
    wall, cpu = timed(lambda: summary_quads(dataset, graph, people))
    print(f"person summary recount: {wall:.2f} s wall, {cpu:.2f} s CPU")


if __name__ == "__main__":
    main()
