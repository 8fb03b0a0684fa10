"""The plain-data hand-off from ingestion to the rest of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article as read from the input, before any NLP.

    ``source`` names where it came from (file, and line for JSONL) so that
    later stages can report problems the way the user sees the input.
    """

    id: str
    text: str
    source: str = ""
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO 8601 date, YYYY-MM-DD
    authors: tuple[str, ...] = field(default_factory=tuple)
    # ``text[:headline_end]`` is the headline line kept in the text (offsets stay the file's);
    # extraction reads it as a title, not as body prose. 0: the text has no headline line.
    headline_end: int = 0


@dataclass(frozen=True)
class InputProblem:
    """An input that was skipped, with the reason a user can act on."""

    source: str  # file name, with ":LINE" when the problem is one record of a file
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class InputError(ValueError):
    """A mistake in the paths or options the user gave; the message is one line naming it."""
