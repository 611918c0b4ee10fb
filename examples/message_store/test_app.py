"""Tests for app.py, written with lite's testing kit (the `lite_app` fixture)."""


def test_history_is_per_page_session(lite_app):
    app = lite_app("app.py")
    for message in ["hi", "there"]:
        app.set("message", message)
        app.submit()
    assert app.output("output 0") == {"Current messages": "there", "Previous messages": ["hi"]}
    # Another tab is another session: its history starts empty.
    other = lite_app("app.py")
    other.set("message", "solo")
    other.submit()
    assert other.output("output 0") == {"Current messages": "solo", "Previous messages": []}


def test_clear_starts_a_fresh_session(lite_app):
    app = lite_app("app.py")
    app.set("message", "one")
    app.submit()
    app.clear()
    app.set("message", "two")
    app.submit()
    assert app.output("output 0")["Previous messages"] == []
