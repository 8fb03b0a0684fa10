"""Long texts: pieces cut at paragraph breaks with the offsets of the whole text, and an
article of a megabyte built in linear time and bounded memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.chunking import PIECE_CHARS, piece_bounds, shifted
from kg.ingest import Article
from kg.nlp import load_pipeline
from kg.pipeline import facts_of_chunk
from tests.faults.conftest import TRAIN, kg_command, kg_env


@pytest.mark.parametrize("text, limit, pieces", [
    ("one paragraph", 50, ["one paragraph"]),
    ("aaaa bbbb.\n\ncccc dddd.\n\neeee", 15, ["aaaa bbbb.\n\n", "cccc dddd.\n\n", "eeee"]),
    ("aaaa bbbb. cccc\ndddd eeee ffff", 20, ["aaaa bbbb. cccc\n", "dddd eeee ffff"]),
    ("aaaa. bbbb cccc dddd eeee", 12, ["aaaa. bbbb ", "cccc dddd ", "eeee"]),
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
])
def test_pieces_cover_the_text_and_end_at_the_best_break(text: str, limit: int,
                                                         pieces: list[str]):
    bounds = piece_bounds(text, limit)
    assert [text[b:e] for b, e in bounds] == pieces
    assert all(e - b <= limit for b, e in bounds)


def _articles() -> tuple[str, str]:
    """Two real articles with quotes, the first the longer."""
    paths = sorted(TRAIN.glob("*.txt"))
    a, b = (paths[i].read_text().strip() for i in (3, 5))
    return (a, b) if len(a) > len(b) else (b, a)


def test_a_text_over_max_length_is_built_in_pieces_with_offsets_into_the_whole(
        monkeypatch: pytest.MonkeyPatch):
    """Two articles joined, over a lowered ``max_length``: the facts are each article's
    own, the second's moved by where it starts (the cut is at the paragraph between them)."""
    first, second = _articles()
    joined = f"{first}\n\n{second}"
    parts = facts_of_chunk([Article("first", first), Article("second", second)])
    pipeline = load_pipeline(None)  # the one facts_of_chunk uses
    monkeypatch.setattr(pipeline, "max_length", len(first) + 3)
    with pytest.raises(ValueError, match="E088"):
        pipeline(joined)
    whole = facts_of_chunk([Article("joined", joined)])[0]
    expected = (*parts[0].quotes, *shifted(parts[1].quotes, len(first) + 2))
    assert whole.quotes and set(whole.quotes) == set(expected)
    assert {m.span for m in whole.mentions} == {
        m.span for m in (*parts[0].mentions, *shifted(parts[1].mentions, len(first) + 2))}
    assert all(joined[q.span.begin:q.span.end] == q.span.text for q in whole.quotes)
    assert whole.text == joined


def _measured(command: list[str], log: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak resident bytes) of a finished subprocess."""
    started = time.perf_counter()
    with log.open("w") as err:
        process = subprocess.Popen(command, env=kg_env(), stdout=err, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, log.read_text()
    return (time.perf_counter() - started, usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss * 1024)


SPACY_ALONE = """import sys, spacy
from pathlib import Path
from kg.chunking import piece_texts
from kg.ingest import Article
from kg.nlp import load_pipeline
from kg.nlp import model_name
nlp = spacy.load(model_name())
for piece in piece_texts(Article("a", Path(sys.argv[1]).read_text())):
    nlp(piece)
"""


@pytest.mark.slow
def test_a_1mb_article_builds_in_at_most_1_5x_spacys_parse_in_under_1_5gb(tmp_path: Path):
    """Both runs are processes started from cold (model load included); CPU time is
    compared, so other load on the machine does not decide the ratio."""
    texts, size = [], 0
    for path in sorted(TRAIN.glob("*.txt")):
        texts.append(path.read_text().strip())
        size += len(texts[-1]) + 2
        if size > 1_050_000:
            break
    article = tmp_path / "joined.txt"
    article.write_text("\n\n".join(texts))
    assert len(article.read_text()) > 1_000_000 > PIECE_CHARS  # over spaCy's max_length
    spacy_wall, spacy_cpu, _ = _measured([sys.executable, "-c", SPACY_ALONE, str(article)],
                                         tmp_path / "spacy.log")
    build_wall, build_cpu, build_rss = _measured(
        kg_command("build", str(article), "--store", str(tmp_path / "store")),
        tmp_path / "build.log")
    print(f"\n1 MB article: spaCy alone {spacy_cpu:.1f} s CPU ({spacy_wall:.1f} s wall); "
          f"kg build {build_cpu:.1f} s CPU ({build_wall:.1f} s wall), ratio "
          f"{build_cpu / spacy_cpu:.2f}, peak {build_rss / 2**20:.0f} MiB")
    assert "1 articles built" in (tmp_path / "build.log").read_text()
    assert build_cpu <= 1.5 * spacy_cpu
    assert build_rss < 1.5 * 2**30
