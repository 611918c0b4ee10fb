"""Reach: which shared names an event function can read or write."""

from __future__ import annotations

from typing import Any

import pytest
from apps import make_app

from lite.state.candidates import find_candidates
from lite.state.reach import Reach, Reacher


def reach_of(fn_name: str, **sources: str) -> Reach:
    modules = make_app(**sources)
    main = modules[-1]
    return Reacher(modules, find_candidates(modules, max_bytes=10**6)).reach(vars(main)[fn_name])


MAIN = """
import functools, json, threading
a = []
b = {}
c = 0
d = "unused"
lock = threading.Lock()
class Model:
    def __init__(self):
        self.weights = [1.0]
    def __call__(self, x):
        return x
model = Model()
"""


@pytest.mark.parametrize(
    ("body", "keys"),
    [
        ("def f(x):\n    return x * 2", []),
        ("def f(x):\n    return json.dumps(x)", []),
        ("def f(x):\n    a.append(x)", ["a"]),
        ("def f(x):\n    global c\n    c += x", ["c"]),
        ("def f(x):\n    return [v for v in a if v in b]", ["a", "b"]),
        ("def f(x):\n    return (lambda: c)()", ["c"]),
        ("def f(x):\n    def inner():\n        return b\n    return inner()", ["b"]),
        ("def helper():\n    return c\ndef f(x):\n    return helper()", ["c"]),
        ("def f(x):\n    return f(x - 1) if x else a", ["a"]),  # recursion ends
        ("def g(x):\n    return h(x)\ndef h(x):\n    return g(x) + c\nf = g", ["c"]),
        ("f = functools.partial(lambda s, x: s.append(x), a)", ["a"]),
        ("def make(s):\n    return lambda x: s.append(x)\nf = make(b)", ["b"]),
        ("def f(x, store=a):\n    store.append(x)", ["a"]),
        ("def f(x):\n    return globals()['c']", ["a", "b", "c", "d"]),
        ("async def f(x):\n    b[x] = 1", ["b"]),
        ("def f(x):\n    yield from a", ["a"]),
    ],
)
def test_names_in_code_closures_and_called_functions(body: str, keys: list[str]) -> None:
    reach = reach_of("f", __main__=MAIN + body)
    assert sorted(reach.keys) == [f"__main__:{k}" for k in keys]


@pytest.mark.parametrize(
    "body",
    [
        # A method of an app class, through an instance global
        "class Tracker:\n    def add(self, x):\n        a.append(x)\n"
        "tracker = Tracker()\ndef f(x):\n    tracker.add(x)",
        # A bound method itself as the event function
        "class Tracker:\n    def add(self, x):\n        a.append(x)\nf = Tracker().add",
        # A static method, a class method and a property
        "class T:\n    @staticmethod\n    def s():\n        return a\ndef f(x):\n    return T.s()",
        "class T:\n    @classmethod\n    def s(cls):\n        return a\n"
        "def f(x):\n    return T.s()",
        "class T:\n    @property\n    def p(self):\n        return a\ndef f(x):\n    return T().p",
        # Decorated functions
        "@functools.lru_cache\ndef g(x):\n    return len(a)\ndef f(x):\n    return g(x)",
        "def deco(fn):\n    @functools.wraps(fn)\n    def wrapper(*args):\n"
        "        return fn(*args)\n    return wrapper\n@deco\ndef f(x):\n    a.append(x)",
        # A callable instance of an app class
        "class Adder:\n    def __call__(self, x):\n        a.append(x)\nf = Adder()",
        # Functions found through a dispatch table or a list of handlers
        "def add(x):\n    a.append(x)\nACTIONS = {'add': add}\n"
        "def f(x):\n    return ACTIONS['add'](x)",
        "def add(x):\n    a.append(x)\nSTEPS = [add]\ndef f(x):\n    for step in STEPS:\n"
        "        step(x)",
    ],
)
def test_methods_classes_and_wrappers_are_followed(body: str) -> None:
    assert reach_of("f", __main__=MAIN + body).keys == {"__main__:a"}


def test_other_app_modules_are_followed() -> None:
    util = "scores = []\ncount = 0\ndef add(x):\n    scores.append(x)\n"
    cases = {
        "import util\ndef f(x):\n    util.add(x)": {"util:scores"},
        "from util import add\ndef f(x):\n    add(x)": {"util:scores"},
        "import util\ndef f(x):\n    util.count += 1": {"util:count"},
        "def f(x):\n    import util\n    return util.count": {"util:count"},
        "def f(x):\n    from util import count\n    return count": {"util:count"},
        "from util import scores\ndef f(x):\n    scores.append(x)": {"util:scores"},
        "import util\ndef f(x):\n    return getattr(util, x)": {"util:count", "util:scores"},
    }
    for main, keys in cases.items():
        assert reach_of("f", util=util, __main__=main).keys == keys, main


def test_library_functions_are_not_followed() -> None:
    # json's own globals are not the app's, even if names coincide.
    reach = reach_of("f", __main__="import json\ndumps = 1\ndef f(x):\n    return json.loads(x)")
    assert reach.keys == set()


def test_per_tab_globals_touched_are_reported() -> None:
    reach = reach_of(
        "f",
        __main__=MAIN + "def f(x):\n    with lock:\n        return model(x), json.dumps(a)",
    )
    assert reach.keys == {"__main__:a"}
    assert reach.per_tab == {"__main__:lock", "__main__:model"}


def test_names_kept_per_tab_on_purpose_are_not_reported() -> None:
    source = "from lite.state.candidates import per_tab\nper_tab('h')\nh = []\n"
    reach = reach_of("f", __main__=source + "def f(x):\n    h.append(x)")
    assert reach.keys == set()
    assert reach.per_tab == set()


def test_results_are_cached_per_function() -> None:
    modules = make_app(__main__=MAIN + "def f(x):\n    a.append(x)")
    reacher = Reacher(modules, find_candidates(modules, max_bytes=10**6))
    fn: Any = vars(modules[0])["f"]
    assert reacher.reach(fn) is reacher.reach(fn)


def test_callables_that_cannot_be_cached_are_still_analysed() -> None:
    modules = make_app(
        __main__="a = []\nclass Slotted:\n    __slots__ = ()\n"
        "    def __call__(self, x):\n        a.append(x)\n"
    )
    reacher = Reacher(modules, find_candidates(modules, max_bytes=10**6))
    fn: Any = vars(modules[0])["Slotted"]()
    assert reacher.reach(fn).keys == {"__main__:a"}
    assert reacher.reach(fn).keys == {"__main__:a"}
