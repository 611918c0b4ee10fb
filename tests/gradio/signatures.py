"""Record the keyword arguments Gradio accepts, for tests/unit/test_gradio_keywords.py.

Run with the Python of a venv that has the pinned Gradio (bench/gradio_server.py makes
one): `bench/.gradio-venv/bin/python tests/gradio/signatures.py`. It rewrites
signatures.json beside it, which is checked in, so the tests need no Gradio."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import gradio as gr


def keywords(fn: object) -> list[str]:
    params = inspect.signature(fn).parameters.values()  # type: ignore[arg-type]
    return sorted(p.name for p in params if p.name != "self" and p.kind != p.VAR_KEYWORD)


def main() -> None:
    components = {
        name: keywords(cls.__init__)
        for name in dir(gr)
        if isinstance(cls := getattr(gr, name), type) and issubclass(cls, gr.components.Component)
    }
    data = {
        "gradio": gr.__version__,
        "components": components,
        "Interface": keywords(gr.Interface.__init__),
        "TabbedInterface": keywords(gr.TabbedInterface.__init__),
        "launch": keywords(gr.Interface.launch),
        "Progress": keywords(gr.Progress.__init__),
    }
    out = Path(__file__).with_name("signatures.json")
    out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    print(f"wrote {out} from Gradio {gr.__version__}")


if __name__ == "__main__":
    main()
