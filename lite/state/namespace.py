"""Which store namespace an app's shared values live in.

By default it is a hash of the app's files: the same app in two tabs shares state, two
different apps never do, and a changed app starts fresh, like a server restarted after
a redeploy. An explicit key keeps state across code changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

__all__ = ["namespace_for"]


def namespace_for(files: Mapping[str, bytes], state_key: str | None = None) -> str:
    """The namespace of an app made of `files` ({relative name: content})."""
    if state_key is not None:
        if not state_key:
            raise ValueError("the state key must not be empty")
        # The prefixes keep an explicit key from ever equalling a hash.
        return "key:" + state_key
    digest = hashlib.sha256()
    for name in sorted(files):
        data = files[name]
        encoded_name = name.encode("utf-8")
        # Length prefixes make the byte stream unambiguous: no two different file
        # sets can produce the same input to the hash.
        digest.update(len(encoded_name).to_bytes(8, "big") + encoded_name)
        digest.update(len(data).to_bytes(8, "big") + data)
    return "app:" + digest.hexdigest()[:32]
