"""Tests for app.py, written with lite's testing kit (the `lite_app` fixture)."""


def test_reviews_the_code(lite_app):
    app = lite_app("app.py")
    app.set("Code", "x = 1  # TODO: name it")
    app.set("Label colour", "#22c55e")
    app.set("Due", "2026-12-01")
    app.submit()
    assert app.error() is None
    tokens = app.output("Tokens")
    assert ("x", "name") in tokens
    assert ("# TODO: name it", "comment") in tokens
    user, reply = app.output("Review")
    assert user["role"] == "user" and "x = 1" in user["content"]
    assert reply["role"] == "assistant"
    assert "Please resolve **1 TODO(s)** first." in reply["content"]
    assert "label colour: `#22c55e`" in reply["content"]
    assert "due: 2026-12-01" in reply["content"]
