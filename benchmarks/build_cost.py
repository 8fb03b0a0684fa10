"""Build cost against its floor: `kg build` versus spaCy's nlp.pipe alone, same model, same
articles; then one versus two worker processes, and Dask local:2 versus --workers 2.

    python benchmarks/build_cost.py [--limit N] [--repeat N]

Targets (issue 7): parse-alone / build >= 0.80; 2 workers / 1 worker speed-up >= 1.3.
This machine's speed drifts by a quarter between minutes (shared host), so every run is
repeated, the runs interleaved, and medians compared.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, table, timer, train_files  # noqa: E402
from kg import nlp  # noqa: E402
from kg.api import build_with_summary  # noqa: E402


def parse_alone(files: list[Path]) -> float:
    pipeline = nlp.load_pipeline()
    texts = [f.read_text(encoding="utf-8") for f in files]
    with timer() as elapsed:
        for _ in nlp.parse(texts, pipeline):
            pass
    return elapsed[0]


def build(files: list[Path], **options) -> float:
    with timer() as elapsed:
        summary = build_with_summary(files, **options)[1]
    assert summary.built == len(files), summary
    return elapsed[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=120, help="train articles to use")
    parser.add_argument("--repeat", type=int, default=3, help="times to run each (median)")
    args = parser.parse_args()
    files = train_files(args.limit)
    nlp.load_pipeline()  # model loading is not part of either measurement
    parse_alone(files[:8])  # warm up
    runs = {
        "spaCy nlp.pipe alone": lambda: parse_alone(files),
        "kg build, 1 worker": lambda: build(files),
        "kg build, --workers 2": lambda: build(files, workers=2),
        "kg build, --dask local:2": lambda: build(files, dask="local:2"),
    }
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):  # interleaved, so a slow spell hits every run alike
        for name, run in runs.items():
            samples[name].append(run())
    times = {name: statistics.median(seconds) for name, seconds in samples.items()}
    baseline = times["kg build, 1 worker"]
    rows = [[name, f"{seconds:.1f}", f"{min(samples[name]):.1f}-{max(samples[name]):.1f}",
             f"{len(files) / seconds:.2f}", f"{baseline / seconds:.2f}"]
            for name, seconds in times.items()]
    print(f"# build cost: {len(files)} PolNeAR train articles, each run {args.repeat} times; "
          f"{machine()}\n")
    print(table(["run", "median s", "range s", "articles/s", "speed vs 1 worker"], rows))
    print()
    ratios = [
        ["parse alone / build (1 worker)", f"{times['spaCy nlp.pipe alone'] / baseline:.2f}",
         ">= 0.80"],
        ["speed-up, 2 workers vs 1", f"{baseline / times['kg build, --workers 2']:.2f}",
         ">= 1.3"],
        ["Dask local:2 time / --workers 2 time",
         f"{times['kg build, --dask local:2'] / times['kg build, --workers 2']:.2f}", "(report)"],
    ]
    print(table(["ratio", "measured", "target"], ratios))


if __name__ == "__main__":
    main()
