"""gr.Request in a browser: what a function annotated with it learns about the page.

There is no HTTP request, so the page describes itself: its URL (and so `?name=Ada`),
headers built from `navigator` (user-agent, accept-language) and the page's host, and
`client.host` "127.0.0.1", because the app runs on the user's own machine. One
`session_hash` per page session, like Gradio's per-connection hash.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

__all__ = ["Client", "Headers", "Request", "new_session_hash"]


def new_session_hash() -> str:
    return secrets.token_hex(6)


class Headers(dict[str, str]):
    """Case-insensitive lookups, as Starlette's headers are (`request.headers["User-Agent"]`)."""

    def __init__(self, items: dict[str, str] | None = None) -> None:
        super().__init__({k.lower(): v for k, v in (items or {}).items()})

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key.lower() if isinstance(key, str) else key)

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


@dataclass(frozen=True)
class Client:
    host: str = "127.0.0.1"
    port: int | None = None


class Request:
    """The page as a request: url, query_params, headers, client, session_hash."""

    def __init__(
        self,
        url: str = "",
        headers: dict[str, str] | None = None,
        session_hash: str | None = None,
        username: str | None = None,
    ) -> None:
        self.url = url
        self.headers = Headers(headers)
        self.session_hash = session_hash
        self.username = username  # no login in a static page
        self.request = None  # no underlying server request
        self.client = Client()
        parts = urlsplit(url)
        self.query_params: dict[str, str] = dict(parse_qsl(parts.query, keep_blank_values=True))
        self.path_params: dict[str, str] = {}
        self.cookies: dict[str, str] = {}
        self.base_url = f"{parts.scheme}://{parts.netloc}/" if parts.netloc else ""

    @classmethod
    def from_page(cls, page: dict[str, Any] | None, session_hash: str) -> Request:
        page = page or {}
        return cls(page.get("url", ""), page.get("headers") or {}, session_hash)

    def __repr__(self) -> str:
        return f"Request(url={self.url!r}, session_hash={self.session_hash!r})"
