"""Tests for app.py, written with lite's testing kit (the `lite_app` fixture)."""


def test_every_input_reaches_the_function(lite_app):
    app = lite_app("app.py")
    app.set("Name", "Ada")
    app.set("Bio", "Wrote the *first* program.")
    app.set("Age", 36)
    app.set("Level", 9)
    app.set("Subscribe", True)
    app.set("Topics", ["maths", "engines"])
    app.set("Size", "S")
    app.set("Colour", "green")
    app.set("Extras", ["notes", "tables"])
    app.submit()
    assert app.error() is None
    assert app.output("Greeting") == "Ada (36)"
    assert app.output("Profile") == {
        "name": "Ada",
        "age": 36,
        "level": 9,
        "subscribe": True,
        "topics": ["maths", "engines"],
        "size": "S",
        "colour": "green",
        "extras": ["notes", "tables"],
    }
    assert app.output("Interests") == {"maths": 0.5, "engines": 0.5}
    assert app.output("Summary") == "## Ada\n\nWrote the *first* program.\n\n*Level 9*"
    assert app.output("Badge") == "<p>Size <strong>S</strong>, colour <em>green</em></p>"


def test_unchecking_and_emptying(lite_app):
    app = lite_app("app.py")
    app.set("Topics", ["poetry"])
    app.set("Topics", [])
    app.set("Extras", [])
    app.set("Subscribe", False)
    app.submit()
    profile = app.output("Profile")
    assert (profile["topics"], profile["extras"], profile["subscribe"]) == ([], [], False)
    assert app.output("Interests") == {"none": 1.0}


def test_a_negative_age_is_refused(lite_app):
    app = lite_app("app.py")
    app.set("Age", -1)
    app.submit()
    assert app.error() == "Age can't be negative."
