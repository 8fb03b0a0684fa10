"""The `kg` command: thin sub-commands over the library's functions.

Each sub-command lives in its own module under ``kg.commands`` with
``register(parser)``; a user mistake is one line on stderr and exit code 2. Only the
module of the command being run is imported: the others pull in spaCy, pyvis, pyshacl or
Flask, which cost more than a second of start-up that ``kg export`` or ``kg query`` never use.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kg.errors import UserError

COMMANDS = {
    "build": "build the graph of articles",
    "query": "run a SPARQL query over the graph",
    "export": "export the graph to a file",
    "stats": "count what the graph holds",
    "validate": "check a graph file against the shapes",
    "eval": "score quotes and speakers against brat attribution annotations",
    "remove": "delete articles from a store",
    "viz": "draw the graph as an interactive HTML page",
    "serve": "serve the graph over HTTP (SPARQL, pages)",
}


def parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser, with full options for the command ``argv`` names (every
    command's, when ``argv`` is None) and the one-line help of the others."""
    top = argparse.ArgumentParser(prog="kg", description="Build and query a knowledge graph "
                                  "of who said what, who published what and who reacted to what.")
    subparsers = top.add_subparsers(dest="command", required=True)
    chosen = None if argv is None else next((a for a in argv if not a.startswith("-")), None)
    for name, help_text in COMMANDS.items():
        command = subparsers.add_parser(name, help=help_text)
        if argv is None or name == chosen:
            importlib.import_module(f"kg.commands.{name}").register(command)
    return top


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser(argv).parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except UserError as error:
        print(f"kg {args.command}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
