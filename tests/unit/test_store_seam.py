"""Every store call Python makes (lite/_browser.py's BrowserStore) exists in both JS
stores it can meet: the browser's (web/src/store.ts) and the testing kit's Node runner's
in-memory one (lite/testing/node_runner.mjs), which copies its interface by hand."""

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_both_js_stores_have_every_method_python_calls():
    called = set(re.findall(r"self\._js\.(\w+)\(", (ROOT / "lite/_browser.py").read_text()))
    assert {"acquire", "commit", "readSince", "takeRead"} <= called
    for path in ("web/src/store.ts", "lite/testing/node_runner.mjs"):
        text = (ROOT / path).read_text()
        missing = [m for m in called if not re.search(rf"^\s+(async\s+)?{m}\(", text, re.M)]
        assert not missing, f"{path} lacks {missing}"
