"""Tests for app.py, written with lite's testing kit (the `lite_app` fixture)."""


def test_costs_and_total_of_the_list(lite_app):
    app = lite_app("app.py")
    app.submit()  # the list as the app starts
    assert app.output("Costs") == [["tea", 5.0, True], ["bread", 1.8, False], ["apples", 2.4, False]]
    assert app.output("Still to pay") == 4.2


def test_a_list_of_rows(lite_app):
    app = lite_app("app.py")
    app.set("Shopping list", [["milk", 1.2, 2, False], ["eggs", 3, 1, True]])
    app.submit()
    assert app.output("Costs") == [["milk", 2.4, False], ["eggs", 3.0, True]]
    assert app.output("Still to pay") == 2.4
