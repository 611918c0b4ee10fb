"""Tests for app.py, written with lite's testing kit (the `lite_app` fixture)."""

import csv


def test_counts_words_and_writes_a_report(lite_app, tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.md"
    one.write_text("the cat and the hat")
    two.write_text("The end")
    app = lite_app("app.py")
    app.set("Text files", [one, two])
    app.set("Top words", 2)
    app.submit()
    assert app.error() is None
    assert app.output("Words per file") == {"one.txt": 5, "two.md": 2}
    assert app.output("Most common") == {"the": 3, "cat": 1}
    with open(app.output("Report"), newline="", encoding="utf-8") as report:
        rows = list(csv.reader(report))
    assert rows[:2] == [["word", "count"], ["the", "3"]]


def test_refuses_other_file_types(lite_app, tmp_path):
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG")
    app = lite_app("app.py")
    app.set("Text files", [image])
    app.submit()
    assert "Invalid file type" in app.error()
