"""What the analyst's notebooks use beyond the public API, and running them headless.

:mod:`~workbench.notebook.run` executes notebooks the way papermill does and
keeps them clean in git; :mod:`~workbench.notebook.widgets` is the question box;
:mod:`~workbench.notebook.follow_ups` makes follow-up questions from an events
table. Their public names are re-exported by :mod:`workbench`.
"""

from workbench.notebook.follow_ups import FollowUp, answer_follow_ups, follow_up_questions
from workbench.notebook.widgets import question_box

__all__ = ["FollowUp", "answer_follow_ups", "follow_up_questions", "question_box"]
