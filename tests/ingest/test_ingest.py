"""Behaviour of the input stage: every format, header forms, bad input, ordering."""

from __future__ import annotations

import builtins
import json
import os
from pathlib import Path

import pytest

from kg.ingest import (
    SUPPORTED_EXTENSIONS,
    Article,
    InputError,
    InputProblem,
    read_articles,
)
from kg.ingest.common import normalise_date, split_authors
from kg.ingest.text import split_header

DATA = Path(__file__).resolve().parents[2] / "data"

BODY = "Senator Bob Corker said the op-ed reflected what many people say privately."

HTML = """<!DOCTYPE html>
<html><head><title>Op-ed stirs Washington | The Daily Planet</title>
<meta property="og:title" content="Op-ed stirs Washington">
<meta property="og:site_name" content="The Daily Planet">
<meta name="author" content="Lois Lane, Clark Kent">
<meta property="article:published_time" content="2018-09-06T10:00:00Z">
<link rel="canonical" href="https://planet.example/oped">
</head><body><nav>Home | World | Sports | Subscribe</nav>
<article><h1>Op-ed stirs Washington</h1>
<p>The New York Times on Wednesday published an anonymous op-ed written by a senior
official in the Trump administration, which caused a stir across Washington.</p>
<p>White House press secretary Sarah Sanders called the author a coward and urged
the newspaper to apologise for publishing it.</p>
<p>Senator Bob Corker said the op-ed reflected what many people in the administration
have said privately for a long time.</p>
</article><footer>Copyright 2018 Daily Planet Media</footer></body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read(*paths: str | Path) -> tuple[list[Article], list[InputProblem]]:
    problems: list[InputProblem] = []
    return list(read_articles(paths, problems)), problems


def only(*paths: str | Path) -> Article:
    articles, problems = read(*paths)
    assert problems == []
    assert len(articles) == 1
    return articles[0]


# --- sample seeds -------------------------------------------------------------


def test_sample_data_files() -> None:
    articles, problems = read(DATA)
    assert problems == []
    assert [a.id for a in articles] == [
        "000_2ace28bdd7d1dd52",
        "001_f457e3f353f4ff45",
        "002_06b8419ccf7e219c",
    ]
    by_id = {a.id: a for a in articles}
    dated = by_id["002_06b8419ccf7e219c"]
    assert dated.date == "2018-09-05"
    assert dated.text.startswith("The New York Times")
    assert "date 2018" not in dated.text[:50]
    assert dated.source == str(DATA / "002_06b8419ccf7e219c.txt")
    undated = by_id["000_2ace28bdd7d1dd52"]
    assert undated.date is None
    original = (DATA / "000_2ace28bdd7d1dd52.txt").read_text(encoding="utf-8-sig")
    assert undated.text == original  # no header: text kept byte for byte


# --- text ---------------------------------------------------------------------


def test_txt_plain_file_kept_exactly(tmp_path: Path) -> None:
    content = "  Leading spaces stay.\n\nTitle: not a header because prose came first.\n"
    article = only(write(tmp_path / "plain.txt", content))
    assert article.id == "plain"
    assert article.text == content
    assert article.title is None


def test_txt_key_value_header(tmp_path: Path) -> None:
    content = (
        "Title: Op-ed stirs Washington\n"
        "URL: https://planet.example/oped\n"
        "publisher: The Daily Planet\n"
        "Date: 2018-09-06T10:00:00Z\n"
        "author: Lois Lane and Clark Kent\n"
        "Author: Jimmy Olsen, Perry White\n"
        "\n\n"
        f"{BODY}\n"
    )
    article = only(write(tmp_path / "oped.txt", content))
    assert article.text == f"{BODY}\n"
    assert article.title == "Op-ed stirs Washington"
    assert article.url == "https://planet.example/oped"
    assert article.publisher == "The Daily Planet"
    assert article.date == "2018-09-06"
    assert article.authors == ("Lois Lane", "Clark Kent", "Jimmy Olsen", "Perry White")


def test_txt_header_needs_every_line_to_be_known_key(tmp_path: Path) -> None:
    content = f"Title: Something\nNote: unknown key\n\n{BODY}"
    assert only(write(tmp_path / "a.txt", content)).text == content
    content = f"Title: Something\nThis is prose.\n\n{BODY}"
    assert only(write(tmp_path / "b.txt", content)).text == content
    content = f"Title: no blank line, so no header\n{BODY}"
    assert only(write(tmp_path / "c.txt", content)).text == content


@pytest.mark.parametrize(
    "content",
    [
        f" date 2018-09-05 {BODY}",
        f"date 2018-09-05\n{BODY}",
        f"\tdate 2018-09-05\r\n\r\n{BODY}",
        f"Date 2018-09-05   {BODY}",
    ],
)
def test_txt_date_line(tmp_path: Path, content: str) -> None:
    article = only(write(tmp_path / "d.txt", content))
    assert article.date == "2018-09-05"
    assert article.text == BODY


def test_txt_date_word_in_prose_is_not_a_header(tmp_path: Path) -> None:
    content = f"date night was planned. {BODY}"
    article = only(write(tmp_path / "p.txt", content))
    assert article.date is None
    assert article.text == content


def test_txt_invalid_date_dropped(tmp_path: Path) -> None:
    article = only(write(tmp_path / "x.txt", f"date: 2018-13-45\n\n{BODY}"))
    assert article.date is None
    assert article.text == BODY


def test_txt_header_without_text_is_a_problem(tmp_path: Path) -> None:
    articles, problems = read(write(tmp_path / "h.txt", "date 2018-09-05\n\n"))
    assert articles == []
    assert [p.source for p in problems] == [str(tmp_path / "h.txt")]
    assert "no article text" in problems[0].reason


def test_txt_utf8_bom_removed(tmp_path: Path) -> None:
    article = only(write(tmp_path / "bom.txt", "\ufeffCafé owners reacted.".encode()))
    assert article.text == "Café owners reacted."


def test_split_header_offsets_index_remaining_text() -> None:
    fields, text = split_header("title: T\n\n  Body here")
    assert fields == {"title": ["T"]}
    assert text == "Body here"


# --- JSONL / JSON -------------------------------------------------------------


def test_jsonl_records(tmp_path: Path) -> None:
    lines = [
        {
            "id": "a1",
            "text": BODY,
            "title": "T",
            "url": "https://x.example/a",
            "publisher": "X",
            "date": "2018-09-05T08:00:00+00:00",
            "authors": ["A B", "C D"],
        },
        {"text": "Second article.", "authors": "E F; G H", "date": "yesterday"},
        {"id": 7, "text": "Third."},
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in lines) + "\n\n")
    articles, problems = read(path)
    assert problems == []
    first, second, third = articles
    assert first == Article(
        id="a1",
        text=BODY,
        source=f"{path}:1",
        title="T",
        url="https://x.example/a",
        publisher="X",
        date="2018-09-05",
        authors=("A B", "C D"),
    )
    assert second.id == "feed-2"
    assert second.source == f"{path}:2"
    assert second.authors == ("E F", "G H")
    assert second.date is None
    assert third.id == "7"


def test_jsonl_bad_lines_reported_rest_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        b'{"id": "ok1", "text": "Fine."}\n'
        b'{"id": "broken", "text": \n'
        b'{"id": "empty", "text": "   "}\n'
        b'{"id": "none"}\n'
        b"[1, 2]\n"
        b'{"id": "latin", "text": "caf\xe9"}\n'
        b'{"id": "ok2", "text": "Also fine."}\n',
    )
    articles, problems = read(path)
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert articles[1].source == f"{path}:7"
    assert [p.source for p in problems] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]
    reasons = [p.reason for p in problems]
    assert reasons[0].startswith("malformed JSON")
    assert reasons[1] == "record has no text"
    assert reasons[2].startswith("record has no 'text' field") and "--field text=" in reasons[2]
    assert reasons[3] == "record is not a JSON object"
    assert "not valid UTF-8" in reasons[4] and "line 6" in reasons[4]


@pytest.mark.parametrize(
    ("payload", "sources"),
    [
        ('[\n  {"id": "a", "text": "One."},\n  {"text": "Two."}\n]', ["2", "3"]),
        (
            '{"meta": {"articles": 1},\n "articles": [\n{"text": "One."}, {"text": "Two."}]}',
            ["3", "3"],
        ),
    ],
)
def test_json_lists(tmp_path: Path, payload: str, sources: list[str]) -> None:
    path = write(tmp_path / "dump.json", payload)
    articles, problems = read(path)
    assert problems == []
    assert [a.text for a in articles] == ["One.", "Two."]
    assert [a.source for a in articles] == [f"{path}:{s}" for s in sources]
    assert articles[1].id == f"dump-{sources[1]}"


def test_json_single_object(tmp_path: Path) -> None:
    path = write(tmp_path / "one.json", json.dumps({"text": BODY, "authors": "A and B"}))
    article = only(path)
    assert (article.id, article.source, article.authors) == ("one", str(path), ("A", "B"))


def test_json_problems(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.json", '[\n{"text": "x"},\n{oops}\n]')
    notext = write(tmp_path / "notext.json", '[\n{"id": "a"},\n"str",\n{"text": "Kept."}\n]')
    scalar = write(tmp_path / "scalar.json", "42")
    empty_list = write(tmp_path / "zero.json", "[]")
    articles, problems = read(bad, notext, scalar, empty_list)
    assert [a.text for a in articles] == ["Kept."]
    assert [(p.source, p.reason.split(":")[0]) for p in problems] == [
        (f"{bad}:3", "malformed JSON"),
        (f"{notext}:2", "record has no 'text' field (say which field holds the text"),
        (f"{notext}:3", "record is not a JSON object"),
        (str(scalar), 'expected a list of records, one object or {"articles"'),
        (str(empty_list), "file has no records"),
    ]


# --- CSV ----------------------------------------------------------------------


def test_csv_records(tmp_path: Path) -> None:
    path = write(
        tmp_path / "sheet.csv",
        "ID,Text,Title,Date,Authors,Publisher,URL\n"
        'c1,"First line\nsecond line",T1,2018-09-05,A B; C D,Pub,https://x.example\n'
        "\n"
        ',Third-line article,,not a date,"E F, G H",,\n'
        "c3,,,,,,\n",
    )
    articles, problems = read(path)
    assert [a.id for a in articles] == ["c1", "sheet-5"]
    first, second = articles
    assert first.text == "First line\nsecond line"
    assert (first.title, first.date, first.publisher, first.url) == (
        "T1",
        "2018-09-05",
        "Pub",
        "https://x.example",
    )
    assert first.authors == ("A B", "C D")
    assert first.source == f"{path}:2"
    assert second.authors == ("E F", "G H")
    assert second.date is None
    assert second.source == f"{path}:5"
    assert problems == [InputProblem(f"{path}:6", "record has no text")]


def test_csv_long_cell(tmp_path: Path) -> None:
    text = "word " * 60_000  # larger than the stdlib's default field limit
    path = write(tmp_path / "long.csv", f"id,text\nbig,{text}\n")
    assert only(path).text == text


def test_csv_problems(tmp_path: Path) -> None:
    no_text = write(tmp_path / "a.csv", "id,body\n1,hello\n")
    latin = write(tmp_path / "b.csv", b"id,text\nx,fine\ny,caf\xe9\nz,never read\n")
    header_only = write(tmp_path / "c.csv", "id,text\n")
    articles, problems = read(no_text, latin, header_only)
    assert [a.id for a in articles] == ["x"]
    assert [p.source for p in problems] == [str(no_text), f"{latin}:3", str(header_only)]
    assert "no 'text' column (found: id, body)" in problems[0].reason
    assert "not valid UTF-8" in problems[1].reason
    assert problems[2].reason == "file has no records"


# --- HTML ---------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_main_text_and_metadata(tmp_path: Path, suffix: str) -> None:
    article = only(write(tmp_path / f"page{suffix}", HTML))
    assert article.id == "page"
    assert article.title == "Op-ed stirs Washington"
    assert article.publisher == "The Daily Planet"
    assert article.date == "2018-09-06"
    assert article.url == "https://planet.example/oped"
    assert article.authors == ("Lois Lane", "Clark Kent")
    assert "Sarah Sanders called the author a coward" in article.text
    assert "Subscribe" not in article.text and "Copyright" not in article.text


def test_html_without_text_is_a_problem(tmp_path: Path) -> None:
    page = "<html><head><title>Only a title</title></head><body><script>x=1</script></body></html>"
    path = write(tmp_path / "blank.html", page)
    articles, problems = read(path)
    assert articles == []
    assert problems == [InputProblem(str(path), "no article text found in the HTML")]


# --- bad files in general -----------------------------------------------------


@pytest.mark.parametrize("suffix", [s for s in SUPPORTED_EXTENSIONS if not s.endswith(".gz")])
def test_bad_files_every_format(tmp_path: Path, suffix: str) -> None:
    empty = write(tmp_path / f"empty{suffix}", "  \n")
    binary = write(tmp_path / f"binary{suffix}", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    good = write(tmp_path / "good.txt", BODY)
    articles, problems = read(empty, binary, good)
    assert [a.id for a in articles] == ["good"]
    assert [(p.source, p.reason.split(" ")[0]) for p in problems] == [
        (str(empty), "file"),
        (str(binary), "binary"),
    ]
    assert problems[0].reason == "file is empty"


@pytest.mark.parametrize("suffix", [".txt", ".json", ".html"])
def test_non_utf8_whole_file_formats(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path / f"latin{suffix}", b"line one\nline two caf\xe9\n")
    articles, problems = read(path, write(tmp_path / "good.txt", BODY))
    assert [a.id for a in articles] == ["good"]
    assert problems == [
        InputProblem(str(path), "not valid UTF-8 (byte 0xe9 on line 2); convert the file to UTF-8")
    ]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "a_locked.txt", BODY)
    write(tmp_path / "b_open.txt", BODY)
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    articles, problems = read(tmp_path)
    assert [a.id for a in articles] == ["b_open"]
    assert problems == [InputProblem(str(locked), "cannot read file: Permission denied")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_real_permissions(tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.jsonl", '{"text": "x"}\n')
    locked.chmod(0)
    try:
        articles, problems = read(locked, write(tmp_path / "good.txt", BODY))
    finally:
        locked.chmod(0o644)
    assert [a.id for a in articles] == ["good"]
    assert [p.source for p in problems] == [str(locked)]
    assert problems[0].reason.startswith("cannot read file")


# --- paths, folders, ordering ---------------------------------------------------


def test_folder_recursion_sorted_hidden_and_unknown_skipped(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "b")
    write(tmp_path / "a" / "z.txt", "a/z")
    write(tmp_path / "a" / "deeper" / "x.json", '{"text": "a/deeper/x"}')
    write(tmp_path / "a" / "c.csv", "text\na/c\n")
    write(tmp_path / "c" / "n.jsonl", '{"text": "c/n"}\n')
    write(tmp_path / "c" / "notes.md", "ignored")
    write(tmp_path / "c" / "image.png", b"\x00\x01")
    write(tmp_path / ".hidden.txt", "hidden file")
    write(tmp_path / ".git" / "x.txt", "hidden dir")
    write(tmp_path / "D.TXT", "upper-case suffix")
    articles, problems = read(tmp_path)
    assert problems == []
    assert [a.text for a in articles] == [
        "upper-case suffix",
        "a/c",
        "a/deeper/x",
        "a/z",
        "b",
        "c/n",
    ]
    assert articles[3].source == str(tmp_path / "a" / "z.txt")
    # deterministic: the same again
    assert [a.text for a in read(tmp_path)[0]] == [a.text for a in articles]


def test_paths_read_in_given_order_and_files_only_once(tmp_path: Path) -> None:
    second = write(tmp_path / "z.txt", "z")
    write(tmp_path / "a.txt", "a")
    articles, _ = read(second, tmp_path)
    assert [a.text for a in articles] == ["z", "a"]


def test_explicit_hidden_file_is_read(tmp_path: Path) -> None:
    assert only(write(tmp_path / ".draft.txt", BODY)).text == BODY


def test_nonexistent_path_raises_before_reading(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", BODY)
    missing = tmp_path / "nope.txt"
    articles = read_articles([good, missing])
    with pytest.raises(InputError) as caught:
        next(articles)
    message = str(caught.value)
    assert str(missing) in message and "does not exist" in message
    assert "\n" not in message
    assert isinstance(caught.value, ValueError)


def test_explicit_unknown_extension_raises(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.md", "hello")
    with pytest.raises(InputError, match="notes.md") as caught:
        list(read_articles([path]))
    assert ".txt, .jsonl, .json, .csv, .html, .htm, .jsonl.gz" in str(caught.value)


def test_problems_logged_when_no_list_given(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "ok.txt", BODY)
    assert [a.id for a in read_articles([tmp_path])] == ["ok"]
    assert "empty.txt: file is empty" in caplog.text


def test_is_lazy(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "a")
    write(tmp_path / "b.txt", "b")
    stream = read_articles([tmp_path])
    assert next(stream).text == "a"
    (tmp_path / "b.txt").write_text("changed", encoding="utf-8")
    assert next(stream).text == "changed"


# --- field helpers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-09-05", "2018-09-05"),
        ("2018-09-05T10:00:00Z", "2018-09-05"),
        (" 2018-09-05 10:00", "2018-09-05"),
        ("2018-02-30", None),
        ("2018-09-051", None),
        ("Sept 5, 2018", None),
        (20180905, None),
        (None, None),
    ],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_split_authors() -> None:
    assert split_authors("A B, C D and E F; A B & G H") == ("A B", "C D", "E F", "G H")
    assert split_authors(["A", " ", 3, "B"]) == ("A", "B")
    assert split_authors("Alexander Anderson") == ("Alexander Anderson",)
    assert split_authors(None) == ()
