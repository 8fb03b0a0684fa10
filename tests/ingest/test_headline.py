"""A plain text's first line as its headline: recognised, never cut from the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import read_articles
from kg.ingest.headline import find_headline, headline_end

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
BODY = "\n\nThe senator said on Tuesday that the bill would pass.\n"


@pytest.mark.parametrize("first, expected", [
    ("Senate Passes the Budget Bill", "Senate Passes the Budget Bill"),
    ("Stealth Over Health: Hillary Clinton Was Headed to ER.", None),  # title case wins
    ("Trump says he will win", "Trump says he will win"),
    ("‘Disgraceful,’ Trump Says of the Op-Ed.’", None),
    ("Can you imagine if Trump were a woman?", None),
    ("Senators met on Tuesday and agreed on the bill.", None),
    ("The bill " + "and more " * 15, None),  # over 25 words
    ("X" * 201, None),
    ("   ", None),
])
def test_first_line_as_headline(first: str, expected: str | None) -> None:
    found = find_headline(first + BODY)
    if first.startswith("Stealth") or first.startswith("‘Disgraceful"):
        expected = first  # sentence punctuation, but title case
    assert (found.title if found else None) == expected
    if found:
        assert (first + BODY)[: found.end] == first


def test_a_single_line_is_no_headline() -> None:
    assert find_headline("Senate Passes the Budget Bill") is None
    assert find_headline("Senate Passes the Budget Bill\n\n  ") is None


def test_headline_end_matches_a_given_title_up_to_punctuation_and_case() -> None:
    text = "Green Party candidate removed from debate site by police.\n\nHEMPSTEAD — ..."
    assert headline_end(text, "Green party candidate removed from debate site by police") == 57
    assert headline_end(text, "Another headline") == 0
    assert headline_end(text, None) == 0


def test_txt_keeps_the_headline_in_its_text(tmp_path: Path) -> None:
    content = "  Senate Passes the Budget Bill\r\n\r\nThe senator said it would pass.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(content.encode())
    [article] = read_articles([path])
    assert article.text == content  # offsets index the file
    assert article.title == "Senate Passes the Budget Bill"
    assert article.text[: article.headline_end].strip() == article.title
    assert article.text[article.headline_end] == "\r"


def test_a_header_title_wins_over_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("title: From the Header\n\nSenate Passes the Budget Bill\nBody text.\n")
    [article] = read_articles([path])
    assert article.title == "From the Header"
    assert article.text[: article.headline_end] == "Senate Passes the Budget Bill"


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="needs ../shared/seeds")
def test_the_seeds_open_with_prose_not_a_headline() -> None:
    for article in read_articles([SHARED / "seeds"]):
        assert article.title is None and article.headline_end == 0, article.id


@pytest.mark.skipif(not (SHARED / "polnear").is_dir(), reason="needs ../shared/polnear")
def test_polnear_headlines_found_from_the_text_are_the_real_ones() -> None:
    """Without metadata, a headline is found only where the first line reads as one; every
    one found is the article's headline in PolNeAR's metadata."""
    import csv

    with open(SHARED / "polnear" / "metadata.tsv", encoding="utf-8") as handle:
        titles = {row["filename"]: row["title"] for row in csv.DictReader(handle, delimiter="\t")}
    articles = list(read_articles([SHARED / "polnear" / "dev" / "text"]))
    found = [article for article in articles if article.title]
    assert len(found) >= len(articles) // 2
    for article in found:
        assert headline_end(article.text, titles[article.id]) == article.headline_end > 0


def test_a_headline_set_over_two_lines_after_a_semicolon() -> None:
    text = "Derelict Obama and Clinton; \nTrump Will Go on Offense.\n\nLast weekend, America..."
    found = find_headline(text)
    assert found is not None
    assert found.title == "Derelict Obama and Clinton; Trump Will Go on Offense."
    assert text[: found.end] == "Derelict Obama and Clinton; \nTrump Will Go on Offense."
