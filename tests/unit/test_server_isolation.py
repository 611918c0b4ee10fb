"""`lite serve` makes pages cross-origin isolated (so Stop can use the interrupt buffer)."""

from __future__ import annotations

import urllib.request

from lite.server import start


def headers(isolated: bool, tmp_path) -> dict[str, str]:
    (tmp_path / "index.html").write_text("<p>hi</p>")
    server = start(tmp_path, isolated=isolated)
    try:
        with urllib.request.urlopen(server.url + "index.html") as response:
            return dict(response.headers)
    finally:
        server.shutdown()
        server.server_close()


def test_isolated_server_sends_coop_and_coep(tmp_path):
    sent = headers(True, tmp_path)
    assert sent["Cross-Origin-Opener-Policy"] == "same-origin"
    assert sent["Cross-Origin-Embedder-Policy"] == "credentialless"


def test_plain_server_sends_neither(tmp_path):
    sent = headers(False, tmp_path)
    assert "Cross-Origin-Opener-Policy" not in sent
    assert "Cross-Origin-Embedder-Policy" not in sent
