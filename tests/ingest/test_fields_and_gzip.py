"""Records whose fields are named differently (``--field``), and gzip-compressed inputs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kg.ingest import FieldMap, InputError, InputProblem, read_articles
from kg.ingest.common import format_suffix, stem

ALLSIDES_LIKE = {"ID": "004Gt3", "title": "Bomb Suspect Changed After Trip Abroad",
                 "date": "2016-09-20", "authors": "N. R. Kleinfield",
                 "source": "New York Times - News", "url": "http://www.nytimes.com/x",
                 "content": "Lower-cased copy.", "content_original": "Besides his trip, he said."}


def read(*paths: Path, fields: FieldMap | None = None):
    problems: list[InputProblem] = []
    return list(read_articles(paths, problems, fields)), problems


def gz(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data))
    return path


def test_differently_named_fields_are_skipped_without_a_field_map(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(ALLSIDES_LIKE) + "\n")
    articles, problems = read(path)
    assert articles == []
    assert "--field text=" in problems[0].reason


def test_field_map_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(ALLSIDES_LIKE) + "\n")
    fields = FieldMap.parse(["text=content_original", "publisher=source"])
    [article], problems = read(path, fields=fields)
    assert problems == []
    assert article.id == "004Gt3"  # "ID" found ignoring case
    assert article.text == "Besides his trip, he said."
    assert (article.publisher, article.date, article.authors) == (
        "New York Times - News", "2016-09-20", ("N. R. Kleinfield",))
    assert article.title == "Bomb Suspect Changed After Trip Abroad"


def test_a_named_field_replaces_the_default(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Key,Text,Body,Outlet\nk1,ignored,the body,Politico\n")
    fields = FieldMap.parse(["id=key", "text=Body", "publisher=OUTLET"])
    [article], _ = read(path, fields=fields)
    assert (article.id, article.text, article.publisher) == ("k1", "the body", "Politico")


def test_csv_without_the_mapped_column_names_it(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("id,body\n1,hello\n")
    _, [problem] = read(path, fields=FieldMap.parse(["text=content"]))
    assert "no 'content' column (found: id, body)" in problem.reason


@pytest.mark.parametrize("option, message", [
    ("text", "not of the form NAME=SOURCE"),
    ("text=", "not of the form NAME=SOURCE"),
    ("body=content", "unknown field 'body'"),
])
def test_bad_field_options_are_user_errors(option: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        FieldMap.parse([option])


@pytest.mark.parametrize("name, suffix, base", [
    ("feed.jsonl.gz", ".jsonl.gz", "feed"), ("a.b.CSV.GZ", ".csv.gz", "a.b"),
    ("x.txt", ".txt", "x"), ("archive.gz", ".gz", "archive"),
])
def test_format_suffix_and_stem(name: str, suffix: str, base: str) -> None:
    assert (format_suffix(name), stem(name)) == (suffix, base)


def test_gzip_records_of_every_kind(tmp_path: Path) -> None:
    lines = b'{"text": "One."}\n{"id": "b", "text": "Two."}\n'
    jsonl = gz(tmp_path / "a_feed.jsonl.gz", lines)
    as_json = gz(tmp_path / "b_dump.json.gz", b'[{"text": "Three."}]')
    as_csv = gz(tmp_path / "c_sheet.csv.gz", b"id,text\nc,Four.\n")
    articles, problems = read(tmp_path)
    assert problems == []
    assert [(a.id, a.text) for a in articles] == [
        ("a_feed-1", "One."), ("b", "Two."), ("b_dump-1", "Three."), ("c", "Four.")]
    assert articles[0].source == f"{jsonl}:1"
    assert {as_json, as_csv} <= {tmp_path / a.source.split(":")[0] for a in articles}


def test_gzip_is_streamed_and_a_truncated_end_costs_only_the_end(tmp_path: Path) -> None:
    records = b"".join(json.dumps({"id": f"r{n}", "text": "x " * 2000}).encode() + b"\n"
                       for n in range(200))
    data = gzip.compress(records)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles, problems = read(path)
    assert 0 < len(articles) < 200
    assert [a.id for a in articles] == [f"r{n}" for n in range(len(articles))]
    assert problems == [InputProblem(str(path), problems[0].reason)]
    assert "truncated" in problems[0].reason


def test_bad_gzip_files_are_reported(tmp_path: Path) -> None:
    plain = tmp_path / "plain.jsonl.gz"
    plain.write_text('{"text": "not compressed"}\n')
    empty = gz(tmp_path / "empty.csv.gz", b"")
    binary = gz(tmp_path / "binary.json.gz", b"\x89PNG\x00\x00")
    articles, problems = read(plain, empty, binary)
    assert articles == []
    assert [(p.source, p.reason) for p in problems] == [
        (str(plain), "not a valid gzip file"),
        (str(empty), "file is empty"),
        (str(binary), "binary file (contains NUL bytes); expected UTF-8 text"),
    ]
