"""The `kg` command loads only what the command being run needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HEAVY = ["spacy", "pyvis", "pyshacl", "flask", "trafilatura"]
PROBE = """import json, sys
from kg.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(m for m in {heavy} if m in sys.modules)))"""


def loaded(*argv: str) -> list[str]:
    """The heavy libraries a fresh interpreter has imported after running ``kg argv``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *argv], cwd=ROOT,
                          env=env, capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"], ["query", "--help"],
                                  ["stats", "--help"]])
def test_reading_commands_import_no_parser_drawing_or_server(argv):
    assert loaded(*argv) == []


def test_a_command_still_gets_its_own_options_and_the_others_their_help(capsys):
    from kg.cli import COMMANDS, main

    with pytest.raises(SystemExit):
        main(["--help"])
    listing = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert all(name in listing and help_text in listing
               for name, help_text in COMMANDS.items())
    with pytest.raises(SystemExit):
        main(["viz", "--help"])
    assert "--limit" in capsys.readouterr().out
    assert "pyvis" in loaded("viz", "--help")
