"""The pieces the pages are made of, on hand-made input: a quote's sentence, gender from
honorifics and pronouns, merged result columns, the chart, marked-up article text, bidi."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from server.annotate import Span, annotated
from server.charts import counts_by_day
from server.gender import gender_of
from server.page_data import in_context
from server.result_table import Column, columns
from server.views import isolated, plain

TEXT = 'He left. "We will win," Ms. Lee said on Monday. Then rain.\nNew paragraph.'


@pytest.mark.parametrize("quote, expected", [
    ("We will win", ('"', "We will win", '," Ms. Lee said on Monday.')),
    ("New", ("", "New", " paragraph.")),
    ("He", ("", "He", " left.")),
])
def test_a_quote_in_its_sentence(quote, expected):
    begin = TEXT.index(quote)
    found = in_context(TEXT, begin, begin + len(quote))
    assert (found.before, found.quote, found.after) == expected


def test_long_context_is_cut_with_an_ellipsis():
    text = "x" * 1000 + " said it " + "y" * 1000
    found = in_context(text, 1001, 1005)
    assert found.before.startswith("…") and found.after.endswith("…")
    assert len(found.before) < 300 and len(found.after) < 300


@pytest.mark.parametrize("forms, expected", [
    (["mr. trump", "donald trump", "trump"], "men"),
    (["mrs. clinton", "hillary clinton", "she"], "women"),
    (["ms lee"], "women"),
    (["he", "he", "she"], "men"),
    (["he", "she"], "unknown"),
    (["mr. smith", "mrs. smith"], "unknown"),
    (["hillary clinton"], "unknown"),  # first names are not evidence
    (["mrsomething"], "unknown"),
    ([], "unknown"),
])
def test_gender_as_the_text_tells_it(forms, expected):
    assert gender_of(forms) == expected


@pytest.mark.parametrize("names, expected", [
    (["speakerName", "text", "speaker"],
     [Column("speaker", 2, 0), Column("text", 1)]),
    (["person", "name", "quotes"], [Column("person", 0, 1), Column("quotes", 2)]),
    (["quote", "text", "speakerName"],
     [Column("quote", 0), Column("text", 1), Column("speakerName", 2)]),
    (["s", "p", "o"], [Column("s", 0), Column("p", 1), Column("o", 2)]),
])
def test_an_iri_and_its_name_are_one_column(names, expected):
    assert columns(names) == expected


def test_chart_has_a_bar_per_day_with_counts_and_skips_non_dates():
    chart = counts_by_day([("2016-09-01", 2), ("2016-09-03", 4), ("someday", 9),
                           ("2016-09-03", 1)])
    assert [(b.day, b.count) for b in chart.bars] == [("2016-09-01", 2), ("2016-09-03", 5)]
    assert (chart.first, chart.last, chart.peak) == ("2016-09-01", "2016-09-03", 5)
    tallest = max(chart.bars, key=lambda b: b.height)
    assert tallest.day == "2016-09-03" and chart.bars[0].x < chart.bars[1].x
    assert counts_by_day([]).bars == []


def _link(iri: str) -> str:
    return "/id/" + iri


def test_article_text_is_escaped_and_marked():
    text = 'Ann <b>Lee</b> said "go\u202e now" today.'
    quotes = [Span(21, 27, "quote/1", "Ann <Lee>", "person/ann-lee", "quote")]
    mentions = [Span(0, 14, "person/ann-lee", "Ann Lee"), Span(22, 24, "person/x", "X"),
                Span(25, 30, "person/across", "Across")]  # across the quote's edge: plain
    html = annotated(text, quotes, mentions, _link)
    assert isinstance(html, Markup)
    assert "<b>" not in html and "&lt;b&gt;Lee&lt;/b&gt;" in html
    assert "\u202e" not in html
    assert '<mark class="quote" data-quote="/id/quote/1">' in html
    assert '<a class="speaker" href="/id/person/ann-lee" title="">Ann &lt;Lee&gt;</a>' in html
    assert html.count('class="mention person"') == 2  # Ann Lee, and "o\u202e" inside the quote
    assert "/id/person/across" not in html
    assert Markup(html).striptags().startswith("Ann <b>Lee</b> said")


def test_bidi_controls_are_isolated_or_removed():
    assert isolated("\u202eevil <i>") == Markup("<bdi>\u202eevil &lt;i&gt;</bdi>")
    assert plain("a\u202eb\u2066c\u200fd") == "abcd"
