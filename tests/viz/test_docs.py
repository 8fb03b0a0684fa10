"""Every `kg viz` option and query-string filter is documented in docs/graph.md."""

from __future__ import annotations

import pytest

from kg.cli import parser
from kg.commands.viz import FILTER_OPTIONS
from kg.viz.style import KINDS, RELATIONS
from tests.viz.conftest import HERE

DOC = (HERE.parent.parent / "docs" / "graph.md").read_text(encoding="utf-8")


def filter_options() -> list[str]:
    subparsers = next(a for a in parser()._actions if a.dest == "command")
    return [option for action in subparsers.choices["viz"]._actions
            if action.dest in FILTER_OPTIONS for option in action.option_strings]


def test_every_filter_has_an_option():
    assert len(filter_options()) == len(FILTER_OPTIONS)


@pytest.mark.parametrize("option", filter_options())
def test_cli_option_is_documented(option):
    assert f"`{option} " in DOC or f"`{option}`" in DOC


@pytest.mark.parametrize("name", ["focus", "depth", "relations", "types", "since", "until",
                                  "min_degree", "limit"])
def test_query_string_filter_is_documented(name):
    assert f"`{name}=`" in DOC


@pytest.mark.parametrize("name", list(KINDS) + [r.replace(" ", "-") for r in RELATIONS])
def test_filter_values_are_documented(name):
    assert f"`{name}`" in DOC
