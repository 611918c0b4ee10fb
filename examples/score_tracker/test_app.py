"""Tests for app.py, written with lite's testing kit (the `lite_app` fixture)."""


def test_scores_are_shared_by_tabs(lite_app):
    a, b = lite_app("app.py", tabs=2)  # two tabs of one browser
    a.set("Score", 5)
    a.submit()
    b.set("Score", 7)
    b.submit()
    assert b.output("Top Scores") == [7, 5]
    assert a.shared_state() == {"scores": [5, 7]}


def test_reset_starts_the_scores_over(lite_app):
    app = lite_app("app.py")
    app.set("Score", 3)
    app.submit()
    app.reset_shared_state()
    assert app.shared_state() == {"scores": []}
    app.set("Score", 1)
    app.submit()
    assert app.output("Top Scores") == [1]
