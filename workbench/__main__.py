"""``python -m workbench`` and the ``workbench`` script: the command line.

:func:`run` imports the command line inside its guard, so a Ctrl-C while the
package is still loading (its imports take a second or two) ends like one later
on: one line and the shell's status for an interrupt, not a traceback.
"""

from __future__ import annotations

import sys

from workbench.config import EXIT_INTERRUPTED


def run() -> None:
    """Run the command line on ``sys.argv`` and exit with its status."""
    try:
        from workbench.cli import main

        status = main()
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        status = EXIT_INTERRUPTED
    raise SystemExit(status)


if __name__ == "__main__":
    run()
