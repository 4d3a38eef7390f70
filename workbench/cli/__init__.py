"""The ``workbench`` command line: parse arguments, call the package, print.

Each sub-command is a thin wrapper over the Python API that notebooks use, so
the two never disagree. Errors the user can fix (a missing folder, an empty
question) print one line to standard error and exit with status 2; a traceback
means a bug.

:func:`build_parser` names every command in the order ``workbench --help``
lists them; each is defined with its options beside the commands of its kind:
:mod:`~workbench.cli.corpus` (``corpus``, ``search``, ``summarise``),
:mod:`~workbench.cli.answers` (``ask``, ``events``, ``export``),
:mod:`~workbench.cli.evaluations` (``eval ...``),
:mod:`~workbench.cli.notebooks` and :mod:`~workbench.cli.train` (``train qa``);
:mod:`~workbench.cli.options` holds what they share. Tables are laid out by
:func:`workbench.terminal.format_table`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from workbench.cli.answers import add_ask_parser, add_events_parser, add_export_parser
from workbench.cli.corpus import (
    add_corpus_parser,
    add_index_parser,
    add_search_parser,
    add_summarise_parser,
)
from workbench.cli.evaluations import add_eval_parser
from workbench.cli.notebooks import add_notebooks_parser
from workbench.cli.options import EXIT_USAGE, Command
from workbench.cli.train import add_train_parser
from workbench.config import EXIT_INTERRUPTED
from workbench.errors import WorkbenchError
from workbench.terminal import PrintableStream, format_table, printable

__all__ = ["EXIT_USAGE", "build_parser", "format_table", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    command: Command | None = getattr(arguments, "command", None)
    if command is None:
        parser.print_help()
        return EXIT_USAGE
    stdout = sys.stdout
    sys.stdout = PrintableStream(stdout)  # no escape code from a file name reaches the terminal
    try:
        return command(arguments)
    except WorkbenchError as error:
        print(f"workbench: error: {printable(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `workbench corpus | head`
        return 0
    except OSError as error:  # the system refused something no check above foresaw
        where = f" ({printable(str(error.filename))[:80]})" if error.filename else ""
        print(f"workbench: error: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C: one line, and the shell's own exit status for it
        print("workbench: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        sys.stdout = stdout


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    from workbench.config import VERSION

    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Search, summarise and question a folder of news articles.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {VERSION}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    add_corpus_parser(commands)
    add_index_parser(commands)
    add_eval_parser(commands)
    add_search_parser(commands)
    add_summarise_parser(commands)
    add_events_parser(commands)
    add_ask_parser(commands)
    add_export_parser(commands)
    add_notebooks_parser(commands)
    add_train_parser(commands)
    return parser
