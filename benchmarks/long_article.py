"""One 1 MB article (PolNeAR train articles joined) built by `kg build`, against spaCy alone
parsing the same pieces; both are cold processes (model load included) and CPU time is
compared, so other load on the machine decides less. Issue 14's target: ratio <= 1.5, peak
memory under 1.5 GB.

    .venv/bin/python benchmarks/long_article.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, train_files  # noqa: E402

SPACY_ALONE = """import sys, spacy
from pathlib import Path
from kg.chunking import piece_texts
from kg.ingest import Article
from kg.nlp import model_name
nlp = spacy.load(model_name())
for piece in piece_texts(Article("a", Path(sys.argv[1]).read_text())):
    nlp(piece)
"""


def joined_train_article(path: Path, size: int = 1_050_000) -> Path:
    """Train articles joined by blank lines until ``size`` characters: one long real text."""
    texts, total = [], 0
    for file in train_files():
        texts.append(file.read_text().strip())
        total += len(texts[-1]) + 2
        if total > size:
            break
    path.write_text("\n\n".join(texts))
    return path


def measured(command: list[str], log: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak resident bytes) of a finished subprocess."""
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with log.open("w") as err:
        process = subprocess.Popen(command, env=env, stdout=err, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(log.read_text())
    return (time.perf_counter() - started, usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss * 1024)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        article = joined_train_article(work / "joined.txt")
        spacy_wall, spacy_cpu, _ = measured(
            [sys.executable, "-c", SPACY_ALONE, str(article)], work / "spacy.log")
        build_wall, build_cpu, build_rss = measured(
            [sys.executable, "-m", "kg.cli", "build", str(article), "--store",
             str(work / "store"), "--quiet"], work / "build.log")
        print(f"{len(article.read_text()):,} characters: spaCy alone {spacy_cpu:.1f} s CPU "
              f"({spacy_wall:.1f} s wall); kg build {build_cpu:.1f} s CPU ({build_wall:.1f} s "
              f"wall); ratio {build_cpu / spacy_cpu:.2f} (target <= 1.5); peak "
              f"{build_rss / 2**20:.0f} MiB (target < 1536)")


if __name__ == "__main__":
    main()
