"""The fast subset of `make parity`: lite against the checked-in Gradio recordings.

No Gradio server is needed: tests/parity/recorded/ holds Gradio's answers, made by
`make parity`. Every difference must be listed, with its reason, in known.py and
PARITY.md."""

from __future__ import annotations

import cases
import compare
import pytest

RECORDINGS = compare.recordings()


def test_every_app_has_a_recording():
    missing = sorted(set(cases.apps()) - set(RECORDINGS))
    assert not missing, f"no Gradio recording for {missing}: run `make parity`"


def test_recordings_come_from_the_pinned_gradio():
    versions = {r["gradio"] for r in RECORDINGS.values()}
    assert versions == {"6.31.0"}, versions


@pytest.mark.parametrize("name", sorted(RECORDINGS))
def test_app_matches_gradio(name):
    rows, differences = compare.compare_app(name, RECORDINGS[name])
    assert rows > 1 or RECORDINGS[name].get("load_error")
    unexplained = [d.show() for d in differences if d.reason is None]
    assert not unexplained, "\n".join(unexplained)
