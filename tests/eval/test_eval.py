"""`kg eval`: the brat reader, the matching rules and a floor on real dev articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.eval import evaluate, format_report
from kg.eval.brat import Attribution, GoldArticle, read_ann, read_gold
from kg.eval.score import layout, score_article, score_reported
from kg.extract.cues import names_reported_speech
from kg.extract.records import EntityRef, Quote, Span

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "polnear" / "dev"
TEXT = '"We will win," Jones said. Rain fell. "It is late," he added.'


def _gold(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT)
    (tmp_path / "attributions" / "a_x.ann").write_text(
        "T1\tContent 0 14\t\"We will win,\"\nT2\tSource 15 20\tJones\nT3\tCue 21 25\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Source:T2 Cue:T3\n")
    (tmp_path / "attributions" / "a_y.ann").write_text(
        "T1\tContent 0 14\t\"We will win,\"\nT2\tSource 15 20\tJones\nT3\tCue 21 25\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Source:T2 Cue:T3\n"
        "T4\tContent 38 50\t\"It is late,\"\nT5\tSource 51 53\the\nT6\tCue 54 59\tadded\n"
        "E2\tAttribution:T6 Content:T4 Source:T5 Cue:T6\n")
    return tmp_path


def test_reader_keeps_the_annotation_with_most_attributions(tmp_path):
    [article] = read_gold(_gold(tmp_path))
    assert len(article.attributions) == 2 and len(article.direct_quotes()) == 2
    assert read_ann(tmp_path / "attributions" / "a_x.ann")[0].source == ((15, 20),)


def _quote(begin, end, mention=None, speaker=None, cue=None):
    return Quote(Span(begin, end, TEXT[begin:end]), direct=True,
                 cue_span=Span(*cue, TEXT[cue[0]:cue[1]]) if cue else None,
                 speaker_mention=Span(*mention, TEXT[mention[0]:mention[1]]) if mention else None,
                 speaker=EntityRef("person", speaker) if speaker else None)


@pytest.mark.parametrize("quotes, matched, speaker_right", [
    ([_quote(1, 12, (15, 20)), _quote(39, 48, (51, 53))], 2, 2),
    ([_quote(1, 12, speaker="Tom Jones"), _quote(39, 48, (15, 20))], 2, 1),
    ([_quote(27, 36)], 0, 0),  # "Rain fell" overlaps no gold quote
])
def test_matching_rules(tmp_path, quotes, matched, speaker_right):
    [article] = read_gold(_gold(tmp_path))
    counts = score_article(article, quotes).by_layout
    total_matched = sum(c.matched for c in counts.values())
    assert total_matched == matched
    assert sum(c.speaker_right for c in counts.values()) == speaker_right


def test_quotes_of_one_cue_are_one_attribution():
    article = GoldArticle("a", TEXT, ())
    quotes = [_quote(1, 12, cue=(21, 25)), _quote(39, 48, cue=(21, 25))]
    assert sum(c.system for c in score_article(article, quotes).by_layout.values()) == 1


@pytest.mark.parametrize("content, cue, source, cue_text, expected", [
    (((0, 10),), ((15, 19),), ((12, 14),), "said", "quote-source-cue"),
    (((0, 10),), ((12, 16),), ((17, 20),), "said", "quote-cue-source"),
    (((20, 30),), ((5, 9),), ((0, 4),), "said", "source-cue-quote"),
    (((0, 10), (20, 30)), ((15, 19),), ((12, 14),), "said", "split"),
    (((0, 10),), ((12, 24),), ((25, 30),), "according to", "according-to"),
    (((0, 10),), (), (), "", "no-source"),
])
def test_layouts(content, cue, source, cue_text, expected):
    assert layout(content, cue, source, cue_text) == expected


@pytest.mark.parametrize("offset, limit, articles, gold", [
    (0, None, 2, 2), (0, 1, 1, 2), (1, None, 1, 0), (1, 1, 1, 0), (2, None, 0, 0),
])
def test_offset_and_limit_pick_a_slice(tmp_path, offset, limit, articles, gold):
    """Articles in name order: a holds two gold quotes, b none."""
    _gold(tmp_path)
    (tmp_path / "text" / "b.txt").write_text("Rain fell all day.")
    (tmp_path / "attributions" / "b_x.ann").write_text("")
    result = evaluate(tmp_path, limit=limit, offset=offset)
    assert (result.articles, result.overall.gold) == (articles, gold)


@pytest.mark.slow
@pytest.mark.skipif(not DEV.is_dir(), reason="PolNeAR dev split not available")
def test_dev_floor():
    result = evaluate(DEV, limit=12)
    figures = result.figures
    assert "overall" in format_report(result)
    # Floors set from the measurement on these 12 articles (quote F1 0.87, speaker
    # accuracy 0.87, end-to-end F1 0.76), with a margin.
    assert figures.f1 >= 0.83
    assert figures.speaker_accuracy >= 0.83
    assert figures.e2e_f1 >= 0.72
    # Reported speech on the same articles: precision 0.854 (82/96), recall 0.863 (63/73).
    reported = result.reported
    assert reported.right / reported.system >= 0.80
    assert reported.found / reported.gold >= 0.80


NYT = "''We will win,'' Jones said."


@pytest.mark.parametrize("strict_marks, gold, system, matched", [
    (False, 1, 1, 1),  # '' is a quotation mark: the gold quote counts, the system quote too
    (True, 0, 0, 0),   # the strict rule: neither side is scored
])
def test_mark_rules(strict_marks, gold, system, matched):
    article = GoldArticle("nyt", NYT, (Attribution(((0, 16),), ((23, 27),), ((17, 22),)),))
    quote = Quote(Span(2, 13, NYT[2:13]), direct=True, cue_span=Span(23, 27, "said"),
                  speaker_mention=Span(17, 22, "Jones"))
    counts = score_article(article, [quote], strict_marks).by_layout.values()
    assert (sum(c.gold for c in counts), sum(c.system for c in counts),
            sum(c.matched for c in counts)) == (gold, system, matched)


REPORTED = ("Jones said the plan would fail. A poll found voters were angry. "
            "Smith told reporters the vote was rigged. Turnout was low, Lee wrote.")


def _indirect(begin: int, end: int, mention: tuple[int, int] | None = None) -> Quote:
    return Quote(Span(begin, end, REPORTED[begin:end]), direct=False,
                 speaker_mention=Span(*mention, REPORTED[mention[0]:mention[1]])
                 if mention else None)


def _at(words: str) -> tuple[int, int]:
    begin = REPORTED.index(words)
    return begin, begin + len(words)


def test_reported_speech_scorer_counts_by_hand():
    """Gold: Jones said (speech), a poll found (no speech cue: out of recall, still an
    attribution precision can match), Smith told (speech), Lee wrote (speech)."""
    gold = tuple(Attribution((_at(content),), (_at(cue),), (_at(source),)) for content, cue,
                 source in [("the plan would fail", "said", "Jones"),
                            ("voters were angry", "found", "A poll"),
                            ("the vote was rigged", "told", "Smith"),
                            ("Turnout was low", "wrote", "Lee")])
    article = GoldArticle("r", REPORTED, gold)
    quotes = [
        _indirect(*_at("the plan would fail"), mention=_at("Jones")),  # right
        _indirect(*_at("voters were angry"), mention=_at("A poll")),  # right, not in recall
        _indirect(*_at("the vote was rigged"), mention=_at("reporters")),  # wrong speaker
        _indirect(*_at("A poll found")),  # overlaps only the poll's Source, not its Content
        Quote(Span(*_at("Turnout was low"), "Turnout was low"), direct=True),  # direct: ignored
    ]
    counts, errors = score_reported(article, quotes)
    assert (counts.system, counts.right) == (4, 2)
    assert (counts.gold, counts.found, counts.found_speaker) == (3, 2, 1)
    assert sorted(e.kind for e in errors) == ["reported missed", "reported spurious",
                                              "reported wrong"]


@pytest.mark.parametrize("cue, source, counted", [
    ("said", "Jones", True), ("has said", "Jones", True), ("told", "Smith", True),
    ("wrote", "Lee", True), ("argued", "Lee", True), ("according to", "the senator", True),
    ("according to", "a new poll", False), ("according to", "early results", False),
    ("found", "a poll", False), ("believes", "Jones", False), ("indicate", "trends", False),
    ("mentioned", "Jones", False),
])
def test_speech_cues_in_one_list(cue, source, counted):
    assert names_reported_speech(cue, source) is counted


@pytest.mark.parametrize("text, direct", [
    ("TAPPER: Do you think so?\n\nFALLIN: I think he is trying.", 2),  # a transcript
    ("HUFFPOLLSTER: Voters May Have Won Cruz The Caucus.\n\nCruz won.", 0),  # one headline
])
def test_transcript_lines_are_direct_gold(text, direct):
    """Transcript lines are verbatim speech without marks: gold direct quotes."""
    contents = [(m.end(), text.index("\n", m.end()) if "\n" in text[m.end():] else len(text))
                for m in re.finditer(r"^[A-Z]+: ", text, re.MULTILINE)]
    article = GoldArticle("t", text, tuple(Attribution((c,)) for c in contents))
    assert len(article.direct_quotes()) == direct
