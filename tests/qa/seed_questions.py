"""Questions about the seeds, shared by the answerer's tests and the QA evaluation's tests."""

from __future__ import annotations

SEEDS_QUESTIONS = [
    ("Who will host international talks on Afghanistan on November 9?", {"moscow", "russia"}),
    ("When is Moscow hosting the conference that Hekmat Khalil Karzai will attend?", {"april"}),
    ("Who facilitated the nine-month long peace process in Doha?", {"pakistan"}),
    (
        "Where are the talks between the Afghanistan government and the Taliban being held?",
        {"doha", "qatar"},
    ),
    ("Who is the Russian Foreign Minister?", {"lavrov"}),
    ("How many Afghan security force personnel were injured in the attacks?", {"15"}),
    ("When was the announcement about the Moscow talks made?", {"saturday"}),
    ("Who led the Afghan Taliban delegation hosted in October?", {"baradar"}),
]  # fmt: skip

WORLD_CUP = "Who won the football World Cup in 2018?"
