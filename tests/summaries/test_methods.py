"""The method registry: every method runs on both engines, and says which engine ran."""

from __future__ import annotations

import importlib

import pytest
from summaries.seed_articles import seed

from workbench.summaries import METHODS, summarise
from workbench.summaries.api import engine_used
from workbench.summaries.fast import FAST_RANKERS
from workbench.summaries.methods import (
    DEFAULT_METHOD,
    ENGINES,
    REGISTRY,
    Method,
    check_engine,
    method_named,
)
from workbench.summaries.sumy_engine import SUMY_SUMMARIZERS


@pytest.mark.parametrize("engine", ["fast", "sumy"])
@pytest.mark.parametrize("method", METHODS)
def test_every_method_runs_on_a_seed_with_both_engines(seeds_corpus, method, engine):
    document = seed(seeds_corpus, "003")
    summary = summarise(document, method=method, engine=engine, sentences=2)
    assert len(summary) == 2
    assert summary.method == method
    assert all(document.raw[s.start : s.end] == s.text for s in summary)


def test_methods_without_a_fast_version_run_sumys_code_and_say_so(seeds_corpus):
    assert summarise(seeds_corpus, method="edmundson").engine == "sumy"
    assert summarise(seeds_corpus, method="kl").engine == "fast"
    assert summarise(seeds_corpus, method="lead", engine="sumy").engine == "fast"


def test_methods_are_listed_in_the_registry_order_the_command_line_shows():
    assert METHODS == (
        "textrank-cosine",
        "luhn",
        "edmundson",
        "lsa",
        "lexrank",
        "textrank",
        "reduction",
        "sumbasic",
        "kl",
        "random",
        "lead",
    )
    assert tuple(method.name for method in REGISTRY) == METHODS
    assert DEFAULT_METHOD == "textrank-cosine" and DEFAULT_METHOD in METHODS
    assert ENGINES == ("fast", "sumy")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("method", METHODS)
def test_every_method_has_exactly_one_way_to_run_on_each_engine(method, engine):
    entry = method_named(method)
    used = entry.engine_for(engine)
    runner = {"fast": entry.fast, "sumy": entry.sumy}[used]
    assert runner is not None
    assert engine_used(method, engine) == used
    # the engine asked for runs, unless the method has no code for it
    assert used == engine or {"fast": entry.fast, "sumy": entry.sumy}[engine] is None


def test_each_method_is_registered_once_with_a_one_line_description():
    assert len({method.name for method in REGISTRY}) == len(REGISTRY)
    for method in REGISTRY:
        assert method.description and "\n" not in method.description, method.name
        assert len(method.description) <= 100, method.name


def test_the_tables_read_from_the_registry_agree_with_it():
    assert list(FAST_RANKERS) == [m.name for m in REGISTRY if m.fast and m.sumy]
    assert {m.name: m.sumy for m in REGISTRY if m.sumy} == SUMY_SUMMARIZERS
    assert [m.name for m in REGISTRY if m.own] == ["textrank-cosine", "lead"]
    assert [m.name for m in REGISTRY if m.fast is None] == ["edmundson", "random"]


@pytest.mark.parametrize("method", [m for m in REGISTRY if m.sumy], ids=lambda m: m.name)
def test_every_sumy_summarizer_in_the_registry_exists_in_sumy(method):
    module_name, class_name = method.sumy
    module = importlib.import_module(f"sumy.summarizers.{module_name}")
    assert isinstance(getattr(module, class_name), type)


def test_an_unknown_method_or_engine_raises_value_error_naming_the_allowed_ones():
    allowed = "textrank-cosine, luhn, edmundson, lsa, lexrank, textrank, reduction, sumbasic"
    with pytest.raises(ValueError, match=rf"method must be one of {allowed}, kl, random, lead; "):
        method_named("bart")
    with pytest.raises(ValueError, match=r"method must be one of .*; got 'bart'$"):
        method_named("bart")
    with pytest.raises(ValueError, match=r"^engine must be one of fast, sumy; got 'gpu'$"):
        check_engine("gpu")
    assert check_engine("sumy") == "sumy"


def test_a_method_with_no_code_for_either_engine_is_refused():
    with pytest.raises(ValueError, match="method 'empty' needs a fast ranker, a sumy summarizer"):
        Method("empty", "does nothing")
