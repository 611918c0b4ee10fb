"""Tests for app.py, written with lite's testing kit (the `lite_app` fixture)."""


def test_greets(lite_app):
    app = lite_app("app.py")
    app.set("name", "Ada")
    app.set("intensity", 3)
    app.submit()
    assert app.output("output") == "Hello, Ada!!!"
    assert app.error() is None
