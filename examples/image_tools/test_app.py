"""Tests for app.py, written with lite's testing kit (the `lite_app` fixture)."""

from pathlib import Path

HERE = Path(__file__).parent


def test_reads_the_size_of_a_png(lite_app):
    app = lite_app("app.py")
    app.set("Photo", HERE / "sunset.png")
    app.submit()
    info = app.output("Info")
    assert (info["name"], info["format"]) == ("sunset.png", "PNG")
    assert info["bytes"] == (HERE / "sunset.png").stat().st_size
    # The image comes back as a file: the kit downloads it from the page.
    assert Path(app.output("Image")).read_bytes() == (HERE / "sunset.png").read_bytes()


def test_asks_for_an_image_first(lite_app):
    app = lite_app("app.py")
    app.submit()
    assert app.error() == "Pick an image first."
