"""The headline line at the top of an article's text, found without changing the text.

Many plain-text articles (PolNeAR's among them) open with their headline on its own
line. It is recognised, not removed: character offsets must keep indexing the file
(gold annotations do), so the article records where the line ends instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 200
MAX_WORDS = 25
# Quotes and brackets that may close a headline after its last word.
_CLOSERS = "\"'”’»)]"
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# Short words headline style leaves in lower case ("Trump Says He Is in the Race").
_SMALL = 3


@dataclass(frozen=True)
class Headline:
    title: str  # the line, stripped
    end: int  # offset in the text just past the line's last character


def first_line(text: str) -> Headline | None:
    """The text's first non-blank line and where it ends, if a line break follows it.

    A line ending in ";" goes on in the next one ("Derelict Obama and Clinton; / Trump
    will go on offense"): a headline set over two lines.
    """
    start = end = len(text) - len(text.lstrip())
    while True:
        newline = text.find("\n", end)
        if newline < 0:
            return None
        end = start + len(text[start:newline].rstrip())
        if text[end - 1 : end] != ";" or not text[newline + 1 :].split("\n", 1)[0].strip():
            break
        end = newline + 1
    if end <= start or not text[end:].strip():
        return None
    return Headline(" ".join(text[start:end].split()), end)


def find_headline(text: str) -> Headline | None:
    """The first line if it reads as a headline: short, followed by a line break, and
    either not ended like a sentence (``.?!``) or in title case."""
    line = first_line(text)
    if line is None or len(line.title) > MAX_CHARS:
        return None
    words = _WORD.findall(line.title)
    if not words or len(line.title.split()) > MAX_WORDS:
        return None
    ends_like_sentence = line.title.rstrip(_CLOSERS).endswith((".", "?", "!"))
    return line if not ends_like_sentence or _title_case(words) else None


def headline_end(text: str, title: str | None) -> int:
    """Where the first line ends when it is ``title`` (up to case, punctuation and
    quotes), else 0: a headline given in metadata and repeated atop the text."""
    line = first_line(text)
    if not title or line is None:
        return 0
    return line.end if _words(line.title) == _words(title) else 0


def _title_case(words: list[str]) -> bool:
    """Most words longer than a short function word start with a capital."""
    long_words = [word for word in words if len(word) > _SMALL]
    capitalised = sum(word[0].isupper() for word in long_words)
    return len(long_words) >= 2 and capitalised >= 0.8 * len(long_words)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold().replace("’", "'"))
