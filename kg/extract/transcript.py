"""Transcript layout: 'NAME: words' paragraphs, interviewer and guest, and stage directions.

In a transcript the label, not the prose around it, says who speaks: 'WALLACE: If I may,
sir' is Chris Wallace's line even when the article quotes the whole transcript after 'Pence
said'. A label is an upper-case name at the start of a paragraph (after an opening mark);
it names the article's person with that surname or name, else a person of that name when
the transcript shows it is one (it labels several paragraphs, or 'JAKE TAPPER' then
'TAPPER'). '(CROSSTALK.)', '(LAUGHTER)' and the like are stage directions, never quotes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.extract.records import EntityRef, Span
from kg.extract.table import EntityTable

_LABEL = re.compile(r"^[ \t\"“]*((?:[A-Z][A-Z.'’-]*[A-Z.]|[A-Z])(?: [A-Z][A-Z.'’-]*[A-Z.]){0,3}):"
                    r"[ \t]+(?=\S)", re.MULTILINE)
_STAGE = re.compile(r"^[ \t\"“]*\([A-Z][A-Z ,.'’-]*\)\.?[ \t\"”]*$", re.MULTILINE)
# Upper-case leads that are no speaker ('UPDATE: ...', 'VIDEO: ...', 'BYLINE: ...').
_NOT_NAMES = {"UPDATE", "VIDEO", "WATCH", "PHOTO", "PHOTOS", "EXCLUSIVE", "BREAKING", "NOTE",
              "EDITOR'S NOTE", "CORRECTION", "READ", "LOOK", "BYLINE", "EMAIL", "SOURCE",
              "CLAIM", "FACT", "VERDICT", "Q", "A", "BOOM", "BUSTED", "LIVE", "ANALYSIS",
              "OPINION", "WASHINGTON", "NEW YORK", "LONDON", "DEVELOPING", "REPORT", "POLL"}


@dataclass(frozen=True)
class Line:
    """One labelled paragraph: who the label names and where the words begin."""

    label: Span
    speaker: EntityRef | None
    words_begin: int


def labelled(text: str, begin: int) -> bool:
    """Whether the words at ``begin`` open a line of a transcript (an article with several
    labelled paragraphs: 'TAPPER: Do you ...'; one 'HUFFPOLLSTER: ...' headline is none)."""
    start = text.rfind("\n", 0, begin) + 1
    match = _LABEL.match(text, start)
    return match is not None and match.end() == begin and match.group(1) not in _NOT_NAMES \
        and sum(m.group(1) not in _NOT_NAMES for m in _LABEL.finditer(text)) > 1


def stage_directions(text: str) -> list[tuple[int, int]]:
    """Paragraphs that are a stage direction ('(CROSSTALK.)', '(LAUGHTER)')."""
    return [m.span() for m in _STAGE.finditer(text)]


def _person(label: str, people: list[EntityRef]) -> EntityRef | None:
    """The person whose surname or full name the upper-case label is."""
    words = label.lower().replace("’", "'").split()
    named = [ref for ref in people if (names := ref.name.lower().replace("’", "'").split())
             == words or len(words) == 1 and names[-1:] == words]
    return max(named, key=lambda ref: len(ref.name.split()), default=None)


def transcript_lines(text: str, table: EntityTable) -> dict[int, Line]:
    """Each labelled paragraph by the offset of its label, with the person it names.

    A label that names no person of the article is a new person only when the transcript
    shows it is one: it labels several paragraphs, or its surname labels another.
    """
    found = [m for m in _LABEL.finditer(text) if m.group(1) not in _NOT_NAMES]
    counts = Counter(m.group(1) for m in found)
    people = [ref for ref in table.entities if ref.kind == "person"]
    for label in counts:
        surname = label.split()[-1]
        if _person(label, people) is None and (
                counts[label] > 1 or " " in label and counts[surname] > 0):
            people.append(EntityRef("person", label.title()))
    lines: dict[int, Line] = {}
    for match in found:
        speaker = _person(match.group(1), people)
        if speaker is not None:
            begin = match.start(1)
            lines[begin] = Line(Span(begin, match.end(1), match.group(1)), speaker, match.end())
    return lines
