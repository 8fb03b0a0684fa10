"""Plain-text articles (``.txt``), with an optional metadata header.

Two header forms are recognised and removed from the text:

* ``key: value`` lines (title, url, publisher, date, author) ended by a blank
  line -- only if *every* line before the first blank line is such a line, so
  ordinary prose that happens to contain a colon is never eaten;
* a first line ``date YYYY-MM-DD`` as in the sample seeds, where the article
  text may follow on the same line after a space.

A first line of the text that reads as a headline becomes the title (a header's title
wins) and is marked by ``Article.headline_end``; it stays in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.article import Article, InputProblem
from kg.ingest.common import normalise_date, read_file_text, split_authors
from kg.ingest.headline import find_headline, headline_end

HEADER_KEYS = frozenset({"title", "url", "publisher", "date", "author"})

_DATE_LINE = re.compile(r"\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|\Z)\s*", re.IGNORECASE)
_HEADER_LINE = re.compile(r"[ \t]*([A-Za-z]+)[ \t]*:[ \t]*(.*?)\s*")


def read_txt(path: str | Path) -> Iterator[Article | InputProblem]:
    """Yield the one article in a text file, or the problem that stops it."""
    source = str(path)
    content = read_file_text(path)
    if isinstance(content, InputProblem):
        yield content
        return
    fields, text = split_header(content)
    if not text.strip():
        yield InputProblem(source, "file has a header but no article text")
        return
    authors: list[str] = []
    for value in fields.get("author", []):
        authors.extend(split_authors(value))

    def first(key: str) -> str | None:
        values = fields.get(key)
        return values[0] if values else None

    title = first("title")
    headline = find_headline(text)
    yield Article(
        id=Path(path).stem,
        text=text,
        source=source,
        title=title or (headline.title if headline else None),
        url=first("url"),
        publisher=first("publisher"),
        date=normalise_date(first("date")),
        authors=tuple(dict.fromkeys(authors)),
        headline_end=headline.end if headline else headline_end(text, title),
    )


def split_header(content: str) -> tuple[dict[str, list[str]], str]:
    """Separate header fields (key -> values) from the article text.

    Without a recognised header the content is returned unchanged, so that
    character offsets stay valid for the user's own file.
    """
    match = _DATE_LINE.match(content)
    if match:
        return {"date": [match.group(1)]}, content[match.end() :]
    fields: dict[str, list[str]] = {}
    offset = 0
    for line in content.splitlines(keepends=True):
        if not line.strip():
            if offset == 0:
                break  # blank first line: no header
            return fields, content[offset:].lstrip()
        header = _HEADER_LINE.fullmatch(line)
        if not header or header.group(1).lower() not in HEADER_KEYS:
            break
        if header.group(2):
            fields.setdefault(header.group(1).lower(), []).append(header.group(2))
        else:
            fields.setdefault(header.group(1).lower(), [])
        offset += len(line)
    return {}, content
