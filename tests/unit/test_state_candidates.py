"""Which module-level names are shared: plain data, minus and plus the app's overrides."""

from __future__ import annotations

import pytest
from apps import make_app

from lite.state.candidates import find_candidates, label, per_tab, shared

APP = """
import threading
from collections import Counter, defaultdict

scores = []
total = 0
_cache = {}
name = "x"
blob = b"\\x00"
nested = {"a": [1, (2, 3)], 4: {5}}
votes = Counter()
by_user = defaultdict(list)
maybe = None
lock = threading.Lock()
models = [object()]

class Model:
    pass

model = Model()

def fn():
    return scores
"""


def test_plain_data_names_are_shared_and_everything_else_is_not() -> None:
    found = find_candidates(make_app(__main__=APP), max_bytes=1000)
    assert sorted(found.slots) == [
        f"__main__:{n}"
        for n in sorted(
            ["scores", "total", "_cache", "name", "blob", "nested", "votes", "by_user", "maybe"]
        )
    ]
    assert found.initial["__main__:nested"] == '{"#d":[["a",[1,{"#t":[2,3]}]],[4,{"#s":[5]}]]}'
    assert not found.problems
    assert not found.warnings


def test_keys_name_the_module() -> None:
    util, main = make_app(util="counter = 0\n", __main__="import util\nn = 1\n")
    found = find_candidates([main, util], max_bytes=1000)
    assert sorted(found.slots) == ["__main__:n", "util:counter"]
    assert label("util:counter") == "util.counter"
    assert label("__main__:n") == "n"


def test_an_imported_list_is_one_entry_under_its_home_module() -> None:
    util, main = make_app(util="scores = []\n", __main__="from util import scores\n")
    found = find_candidates([main, util], max_bytes=1000)
    assert list(found.slots) == ["util:scores"]
    assert found.aliases == {"util:scores": "util:scores", "__main__:scores": "util:scores"}


def test_overrides() -> None:
    (main,) = make_app(
        __main__="""
        from lite.state.candidates import shared, per_tab
        per_tab("history", "missing")
        shared("model")
        history = []
        class Model:
            pass
        model = Model()
        """
    )
    found = find_candidates([main], max_bytes=1000)
    assert "__main__:history" not in found.slots
    assert found.excluded == {"__main__:history"}
    assert "cannot share object of type Model" in found.problems["__main__:model"]
    assert found.warnings == {
        "__main__:missing": "per_tab('missing'): module __main__ has no variable 'missing'"
    }


def test_overrides_only_accept_names() -> None:
    with pytest.raises(TypeError):
        shared("not a name")
    with pytest.raises(TypeError):
        per_tab(3)  # type: ignore[arg-type]


def test_a_value_too_big_stays_per_tab_with_a_warning() -> None:
    (main,) = make_app(__main__="words = ['word'] * 1000\nsmall = [1]\n")
    found = find_candidates([main], max_bytes=1000)
    assert list(found.slots) == ["__main__:small"]
    assert found.warnings == {
        "__main__:words": "global 'words' is too big to share between tabs (7,001 bytes "
        "encoded, the limit is 1,000); it stays per tab"
    }
