"""``python -m workbench``: the same commands as the ``workbench`` script."""

from workbench.cli import main

raise SystemExit(main())
