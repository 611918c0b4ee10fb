"""The codec: exact round trips, deterministic text, and nothing but data read back."""

from __future__ import annotations

import json
import math
from collections import Counter, OrderedDict, defaultdict
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lite.state.codec import CodecError, decode, encode

# Hashable values (set elements, dict keys). No NaN: it is never equal to itself, so a
# set holding one can't be compared; NaN inside lists and dicts is covered below.
leaf_keys = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**52, max_value=2**200)
    | st.integers(max_value=-(2**52), min_value=-(2**200))
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
    | st.binary(max_size=8)
)
keys = st.recursive(
    leaf_keys,
    lambda inner: st.lists(inner, max_size=3).map(tuple) | st.frozensets(inner, max_size=3),
    max_leaves=8,
)
leaves = leaf_keys | st.floats(allow_nan=True, allow_infinity=True) | st.just(-0.0)
values = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.lists(inner, max_size=5).map(tuple)
        | st.dictionaries(keys, inner, max_size=4)
        | st.dictionaries(st.text(max_size=4), inner, max_size=4)
        | st.sets(keys, max_size=4)
        | st.frozensets(keys, max_size=4)
    ),
    max_leaves=30,
)


def same(a: Any, b: Any) -> bool:
    """Equal with exact types all the way down, NaN equal to NaN, -0.0 apart from 0.0."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        if math.isnan(a):
            return math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        pairs = zip(a.items(), b.items(), strict=False)
        return len(a) == len(b) and all(same(k, j) and same(x, y) for (k, x), (j, y) in pairs)
    if isinstance(a, (set, frozenset)):
        return len(a) == len(b) and all(any(same(x, y) for y in b) for x in a)
    return bool(a == b)


@given(values)
@settings(max_examples=300, deadline=None, database=None)
def test_round_trip_is_exact(value: Any) -> None:
    text = encode(value)
    assert same(decode(text), value)
    assert encode(decode(text)) == text  # deterministic: what a change check relies on


@given(st.sets(keys, max_size=8))
@settings(database=None)
def test_sets_encode_the_same_whatever_their_insertion_order(items: set[Any]) -> None:
    forward, backward = set(), set()
    for x in list(items):
        forward.add(x)
    for x in reversed(list(items)):
        backward.add(x)
    assert encode(forward) == encode(backward)


@pytest.mark.parametrize(
    "value",
    [
        True,
        1,
        [True, 1, 1.0],
        {True: "bool", 2: "int"},
        {(1, 2): "tuple key", frozenset({3}): "frozenset key", None: "none", b"k": 1},
        {"#t": "a dict whose key looks like a tag"},
        {"#t": 1, "other": 2},
        [float("nan"), float("inf"), float("-inf"), -0.0, 5e-324, 1.7976931348623157e308],
        [2**53, -(2**53), 2**53 - 1, 10**5000, -(10**5000)],
        (),
        ((),),
        [[], {}, set(), frozenset()],
        b"\x00\xff" * 10,
        "ünïcødé \u2028 \ud7ff",
        defaultdict(list, {"a": [1]}),
        defaultdict(None, {1: 2}),
        Counter("mississippi"),
        OrderedDict([("b", 1), ("a", 2)]),
    ],
)
def test_examples_round_trip(value: Any) -> None:
    back = decode(encode(value))
    assert same(back, value)
    if isinstance(value, defaultdict):
        assert back.default_factory is value.default_factory


def test_bool_and_int_keep_their_types() -> None:
    assert [type(x) for x in decode(encode([True, 1, False, 0]))] == [bool, int, bool, int]
    assert type(next(iter(decode(encode({True: 1}))))) is bool


def test_dict_key_order_is_kept() -> None:
    value = {3: "c", 1: "a", 2: "b"}
    assert list(decode(encode(value))) == [3, 1, 2]


class Model:
    pass


@pytest.mark.parametrize(
    ("value", "where"),
    [
        ([1, 2, 3, Model()], "scores[3]"),
        ({"a": [1, {"b": Model()}]}, "scores['a'][1]['b']"),
        ((1, [Model()]), "scores[1][0]"),
        ([(0, 1), (2, {"k": [Model()]})], "scores[1][1]['k'][0]"),
        ({1: [Model()]}, "scores[1][0]"),
        ({Model()}, "scores{…}"),
    ],
)
def test_unencodable_values_name_their_path(value: Any, where: str) -> None:
    with pytest.raises(CodecError) as info:
        encode(value, "scores")
    assert str(info.value).startswith(f"{where}: cannot share object of type Model")


@pytest.mark.parametrize(
    "value",
    [
        bytearray(b"x"),
        defaultdict(lambda: 0),
        type("MyList", (list,), {})(),
        object(),
        print,
        {1, 2, (3, Model())},
    ],
)
def test_other_types_are_refused(value: Any) -> None:
    with pytest.raises(CodecError, match="cannot share object of type"):
        encode(value, "x")


def nested(depth: int, kind: type) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = kind([value])
    return value


def test_deep_nesting_within_the_limit_round_trips() -> None:
    for value in [nested(400, list), nested(400, tuple), ["[" * 5000, "{" * 5000]]:
        assert decode(encode(value)) == value  # == tells tuples from lists


def test_nesting_too_deep_for_the_parser_is_refused_both_ways() -> None:
    # Deeper than the depth Pyodide's stack can parse: never written, never parsed.
    with pytest.raises(CodecError, match=r"^x: nested too deeply"):
        encode(nested(600, tuple), "x")  # two JSON levels per tuple
    with pytest.raises(CodecError, match="nested too deeply"):
        decode("[1," * 2000 + "1" + "]" * 2000)


def test_a_value_that_contains_itself_is_refused() -> None:
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(CodecError, match="nested too deeply, or contains itself"):
        encode(loop, "loop")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[1, 2",
        "NaN",
        "[Infinity]",
        '{"#x": 1}',
        "{\"#eval\": \"__import__('os').system('true')\"}",
        '{"#t": 1}',
        '{"#t": "abc"}',
        '{"#i": "xyz"}',
        '{"#i": 5}',
        '{"#f": "1.5"}',
        '{"#b": "not base64!"}',
        '{"#s": [[1, 2]]}',
        '{"#fs": [{"a": 1}]}',
        '{"#d": [[[1], 2]]}',
        '{"#d": [[1, 2, 3]]}',
        '{"#d": {"a": 1}}',
        '{"#dd": ["os.system", []]}',
        '{"#dd": "list"}',
        '{"#C": [["a"]]}',
        "[" * 100_000 + "]" * 100_000,
        "1" * 5000,
    ],
)
def test_corrupt_text_is_refused(text: str) -> None:
    with pytest.raises(CodecError):
        decode(text)


def test_non_text_is_refused() -> None:
    with pytest.raises(CodecError):
        decode(b"[]")  # type: ignore[arg-type]


def test_output_is_compact_json() -> None:
    text = encode({"a": [1, (2,), {3}]})
    assert json.loads(text) == {"a": [1, {"#t": [2]}, {"#s": [3]}]}
    assert " " not in text
