"""Long texts: pieces cut at paragraph breaks with the offsets of the whole text, and an
article of a megabyte built in linear time and bounded memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.long_article import joined_train_article, measured
from kg.chunking import PIECE_CHARS, piece_bounds, shifted
from kg.ingest import Article
from kg.nlp import load_pipeline
from kg.pipeline import facts_of_chunk
from tests.faults.conftest import TRAIN, kg_command


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


@pytest.mark.slow
def test_a_1mb_article_builds_whole_in_under_1_5gb(tmp_path: Path):
    """Over spaCy's max_length, built in pieces as one article; its speed against spaCy
    alone is measured by benchmarks/long_article.py (no timed assertion here)."""
    article = joined_train_article(tmp_path / "joined.txt")
    assert len(article.read_text()) > 1_000_000 > PIECE_CHARS
    _, _, peak = measured(kg_command("build", str(article), "--store", str(tmp_path / "store")),
                          tmp_path / "build.log")
    log = (tmp_path / "build.log").read_text()
    assert "1 articles built" in log and " 0 quotes" not in log
    assert peak < 1.5 * 2**30
