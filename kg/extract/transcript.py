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

from spacy.lang.en.stop_words import STOP_WORDS

from kg.extract.records import EntityRef, Span
from kg.extract.table import EntityTable

_LABEL = re.compile(r"^[ \t\"“]*((?:[A-Z][A-Z.'’-]*[A-Z.]|[A-Z])(?: [A-Z][A-Z.'’-]*[A-Z.]){0,3}):"
                    r"[ \t]+(?=\S)", re.MULTILINE)
_STAGE = re.compile(r"^[ \t\"“]*\([A-Z][A-Z ,.'’-]*\)\.?[ \t\"”]*$", re.MULTILINE)
# Upper-case leads that are no speaker ('UPDATE: ...', 'SEE ALSO: ...', 'FILE PHOTO: ...').
_NOT_NAMES = {"UPDATE", "VIDEO", "WATCH", "PHOTO", "PHOTOS", "EXCLUSIVE", "BREAKING", "NOTE",
              "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "CLARIFICATION", "ADDENDUM",
              "READ", "LOOK", "BYLINE", "EMAIL", "SOURCE", "CLAIM", "FACT", "VERDICT", "BOOM",
              "BUSTED", "LIVE", "ANALYSIS", "OPINION", "WASHINGTON", "NEW YORK", "LONDON",
              "DEVELOPING", "REPORT", "POLL", "FILE PHOTO", "SPECIAL COVERAGE", "FLASHBACK",
              "MYTH", "QUESTION", "ANSWER", "GRAPHIC", "URGENT", "QUIZ", "CREDIT", "STORY",
              "RELATED", "NEW", "POWER PLAY", "WATCH LIVE", "TRANSCRIPT", "AUDIENCE MEMBER", "Q"}
# Titles before the name in a label ('SEN. ELIZABETH WARREN', 'MAYOR-ELECT BILL DE BLASIO').
_TITLES = {"PRESIDENT", "SENATOR", "SPEAKER", "GOVERNOR", "MAYOR", "MAYOR-ELECT", "SECRETARY",
           "ACTING", "JUDGE", "JUSTICE", "VICE", "FORMER"}


def _name(label: str) -> list[str] | None:
    """The name words of a label (titles left out); None when the label is no name: a
    newsroom lead, a phrase with a function word ('SEE ALSO', 'THE FACTS')."""
    if label in _NOT_NAMES or any(w.lower() in STOP_WORDS for w in label.split()):
        return None
    words = label.split()
    while len(words) > 1 and (words[0].endswith(".") or words[0] in _TITLES):
        words = words[1:]
    return [w.lower().replace("’", "'") for w in words]


@dataclass(frozen=True)
class Line:
    """One labelled paragraph: who the label names and where the words begin."""

    label: Span
    speaker: EntityRef
    words_begin: int


def labelled(text: str, begin: int) -> bool:
    """Whether the words at ``begin`` open a line of a transcript (an article with several
    labelled paragraphs: 'TAPPER: Do you ...'; one 'HUFFPOLLSTER: ...' headline is none)."""
    start = text.rfind("\n", 0, begin) + 1
    match = _LABEL.match(text, start)
    return match is not None and match.end() == begin and _name(match.group(1)) is not None \
        and sum(_name(m.group(1)) is not None for m in _LABEL.finditer(text)) > 1


def stage_directions(text: str) -> list[tuple[int, int]]:
    """Paragraphs that are a stage direction ('(CROSSTALK.)', '(LAUGHTER)')."""
    return [m.span() for m in _STAGE.finditer(text)]


def _cased(word: str) -> str:
    """A name word of an upper-case label in name case ("o'rourke" -> "O'Rourke",
    'mccain' -> 'McCain')."""
    word = word.title()
    return "Mc" + word[2:].capitalize() if word.startswith("Mc") and len(word) > 3 else word


def _person(words: list[str], people: list[EntityRef]) -> EntityRef | None:
    """The person whose surname or full name the label's name words are (the fullest)."""
    named = [ref for ref in people if (names := ref.name.lower().replace("’", "'").split())
             == words or len(words) == 1 and names[-1:] == words]
    return max(named, key=lambda ref: len(ref.name.split()), default=None)


def _ends_a_sentence(text: str, begin: int) -> bool:
    """Whether the paragraph from ``begin`` ends as speech does (with . ? ! or …)."""
    end = text.find("\n", begin)
    return text[begin:None if end < 0 else end].rstrip(" \t\"”’'").endswith((".", "?", "!", "…"))


def transcript_lines(text: str, table: EntityTable) -> dict[int, Line]:
    """Each labelled paragraph by the offset of its label, with the person it names.

    A label that names no person of the article is a new person only when the transcript
    shows it is one (it labels several paragraphs, or its surname labels another, and one of
    its paragraphs ends like a sentence) and it is no acronym ('CNN', 'AP') nor the name of an
    organisation of the article. A list of fields ('TARGET: Two wounded', 'ATTAKER:
    Unidentified') is no transcript.
    """
    found = [(m, words) for m in _LABEL.finditer(text) if (words := _name(m.group(1)))]
    counts = Counter(tuple(words) for _, words in found)
    spoken = {tuple(words) for match, words in found if _ends_a_sentence(text, match.end())}
    people = [ref for ref in table.entities if ref.kind == "person"]
    others = {ref.name.lower() for ref in table.entities if ref.kind != "person"}
    for words in counts:
        shown = counts[words] > 1 or len(words) > 1 and counts[words[-1:]] > 0
        if _person(list(words), people) is None and " ".join(words) not in others and \
                len("".join(words)) > 3 and words in spoken and shown:
            people.append(EntityRef("person", " ".join(map(_cased, words))))
    lines: dict[int, Line] = {}
    for match, words in found:
        speaker = _person(words, people)
        if speaker is not None:
            begin = match.start(1)
            lines[begin] = Line(Span(begin, match.end(1), match.group(1)), speaker, match.end())
    return lines
