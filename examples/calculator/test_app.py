"""Tests for app.py, written with lite's testing kit (the `lite_app` fixture)."""

import pytest


@pytest.mark.parametrize(
    ("a", "operation", "b", "expected"),
    [(45, "add", 3, 48), (3.14, "divide", 2, 1.57), (144, "multiply", 2.5, 360)],
)
def test_calculates(lite_app, a, operation, b, expected):
    app = lite_app("app.py")
    app.set("num1", a)
    app.set("operation", operation)
    app.set("num2", b)
    app.submit()
    assert app.output("output") == pytest.approx(expected)
    assert app.error() is None


def test_dividing_by_zero_shows_the_error_and_the_app_goes_on(lite_app):
    app = lite_app("app.py")
    app.set("num1", 1)
    app.set("operation", "divide")
    app.set("num2", 0)
    app.submit()
    assert app.error() == "Cannot divide by zero!"
    app.set("num2", 4)
    app.submit()
    assert app.error() is None
    assert app.output("output") == 0.25
