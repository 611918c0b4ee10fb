"""Which store namespace an app's shared values live in.

By default it is a hash of the app's identity and files: the entry file's name, the page
of an inline app, and every file's name and content. So the same app in two tabs shares
state; two different apps never do, even when built from one folder (their entries
differ); and a changed app starts fresh, like a server restarted after a redeploy. An
explicit key keeps state across code changes.

`lite build` computes the hash once and writes it into app.json (app_namespace), so no
tab reads every file at boot; inline <gradio-lite> apps, which have no build, hash the
files their page names.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

__all__ = ["app_namespace", "namespace_for"]


def namespace_for(
    files: Mapping[str, bytes], state_key: str | None = None, *, entry: str = "", page: str = ""
) -> str:
    """The namespace of the app run from `entry` of `files` ({relative name: content}),
    on `page` for an inline app."""
    if state_key is not None:
        if not state_key:
            raise ValueError("the state key must not be empty")
        # The prefixes keep an explicit key from ever equalling a hash.
        return "key:" + state_key
    digest = hashlib.sha256()
    # Length prefixes make the byte stream unambiguous: no two different apps can
    # produce the same input to the hash.
    for part in (entry.encode(), page.encode()):
        digest.update(len(part).to_bytes(8, "big") + part)
    for name in sorted(files):
        data = files[name]
        encoded_name = name.encode("utf-8")
        digest.update(len(encoded_name).to_bytes(8, "big") + encoded_name)
        digest.update(len(data).to_bytes(8, "big") + data)
    return "app:" + digest.hexdigest()[:32]


def app_namespace(folder: Path, names: list[str], entry: str, page: str = "") -> str:
    """namespace_for() the files `names` of `folder` (what a build ships)."""
    return namespace_for(
        {name: (folder / name).read_bytes() for name in names}, entry=entry, page=page
    )
