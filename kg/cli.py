"""The `kg` command: thin sub-commands over the library's functions.

Each sub-command lives in its own module under ``kg.commands`` with
``register(subparsers)``; a user mistake is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kg.errors import UserError

COMMANDS = ["build", "query", "export", "stats", "validate", "eval", "remove", "viz", "serve"]


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kg", description="Build and query a knowledge graph "
                                  "of who said what, who published what and who reacted to what.")
    subparsers = top.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"kg.commands.{name}").register(subparsers)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
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
