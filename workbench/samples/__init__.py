"""The sample articles and the notebooks, reachable in an installed package.

``seeds/`` (the five seed articles) and ``notebooks/`` (the analyst's four
notebooks) live at the project's root; this package links to them, so a wheel
carries copies and :mod:`importlib.resources` finds them whether the workbench
was installed or cloned (:func:`workbench.config.default_corpus_dir`,
:func:`workbench.config.notebooks_dir`).
"""
