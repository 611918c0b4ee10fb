"""Random events on shared data, and the one-process model they must match.

The hypothesis test (tests/unit/test_state_property.py) and the browser soak
(tests/browser/test_global_state_soak.py) draw events from random_ops() and run them in
several tabs at once. Each successful event returns the shared event count, which is
its place in the lock's order; running the same events in that order in one plain
Python namespace (model()) must give the same shared values, type for type.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

# Every operation the deltas cover, on a list, a dict and a set, plus rebinding,
# in-place changes of a nested list, and an event that fails after changing things.
APP = '''
import json

# Big enough that most changes are stored as deltas, not whole values. (No list appears
# twice: stored data keeps values, not shared references.)
items = [x for _ in range(15) for x in (0, "a", [1])]
table = {"a": [1], "b": 2, **{f"k{i}": i for i in range(20)}}
tags = {"x", 1, *range(10, 30)}
count = 0


def step(op_json):
    global items, count
    name, *args = json.loads(op_json)
    if name == "read":
        return json.dumps([count, snapshot()])
    count += 1
    n = len(items)
    if name == "append":
        items.append(args[0])
    elif name == "extend":
        items.extend(args[0])
    elif name == "pop" and n:
        items.pop(args[0] % n)
    elif name == "setitem" and n:
        items[args[0] % n] = args[1]
    elif name == "insert":
        items.insert(args[0], args[1])
    elif name == "remove" and args[0] in items:
        items.remove(args[0])
    elif name == "nested" and n and type(items[args[0] % n]) is list:
        items[args[0] % n].append(args[1])
    elif name == "rebind":
        items = list(args[0])
    elif name == "dset":
        table[args[0]] = args[1]
    elif name == "ddel":
        table.pop(args[0], None)
    elif name == "sadd":
        tags.add(args[0])
    elif name == "sdiscard":
        tags.discard(args[0])
    elif name == "fail":
        items.append(args[0])
        table["failed"] = True
        raise ValueError("this event fails after changing things")
    return json.dumps([count, None])


def snapshot():
    """The shared values, type for type (repr tells 1, 1.0 and True apart)."""
    return repr((items, sorted(table.items(), key=repr), sorted(map(repr, tags)), count))
'''


def _value(rng: random.Random) -> Any:
    kind = rng.randrange(6)
    if kind == 0:
        return rng.randint(-3, 3)
    if kind == 1:
        return rng.choice([True, False, None])
    if kind == 2:
        return rng.choice(["a", "b", "é"])
    if kind == 3:
        return rng.choice([1.0, -0.0, 2.5])
    if kind == 4:
        return [rng.randint(0, 3) for _ in range(rng.randrange(3))]
    return rng.randint(0, 2)


def _hashable(rng: random.Random) -> Any:
    return rng.choice([1, True, 1.0, 0, "x", "y", 2])


def random_op(rng: random.Random) -> str:
    """One event's input: a JSON list [name, *args]."""
    name = rng.choice(
        ["append", "extend", "pop", "setitem", "insert", "remove", "nested", "rebind",
         "dset", "ddel", "sadd", "sdiscard", "fail", "append", "dset", "sadd"]
    )  # fmt: skip
    if name in ("append", "remove", "fail"):
        args: list[Any] = [_value(rng)]
    elif name in ("extend", "rebind"):
        args = [[_value(rng) for _ in range(rng.randrange(4))]]
    elif name == "pop":
        args = [rng.randrange(10)]
    elif name in ("setitem", "insert", "nested"):
        args = [rng.randrange(10), _value(rng)]
    elif name == "dset":
        args = [rng.choice(["a", "b", "c"]), _value(rng)]
    elif name == "ddel":
        args = [rng.choice(["a", "b", "c"])]
    else:
        args = [_hashable(rng)]
    return json.dumps([name, *args])


def random_ops(rng: random.Random, tabs: int, count: int) -> list[list[str]]:
    """`count` events dealt at random to `tabs` tabs: each tab's events in order."""
    dealt: list[list[str]] = [[] for _ in range(tabs)]
    for _ in range(count):
        dealt[rng.randrange(tabs)].append(random_op(rng))
    return dealt


def model(ordered: list[str]) -> str:
    """The snapshot one Python process gives after running `ordered` events in turn.

    A failed event's changes are undone, as the transaction undoes them."""
    namespace: dict[str, Any] = {}
    exec(APP, namespace)
    for op in ordered:
        saved = {
            name: copy.deepcopy(namespace[name]) for name in ("items", "table", "tags", "count")
        }
        try:
            namespace["step"](op)
        except ValueError:
            namespace.update(saved)
    return str(namespace["snapshot"]())
