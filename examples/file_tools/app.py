"""File tools: upload text files, get word counts back and a CSV report to download."""

import csv
import re
from collections import Counter
from pathlib import Path

import gradio as gr


def word_report(files, top):
    counts = Counter()
    per_file = {}
    for path in files or []:
        words = re.findall(r"[\w']+", Path(path).read_text(encoding="utf-8").lower())
        per_file[Path(path).name] = len(words)
        counts.update(words)
    report = Path("word_report.csv").resolve()
    with report.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["word", "count"])
        writer.writerows(counts.most_common())
    return per_file, dict(counts.most_common(int(top))), str(report)


demo = gr.Interface(
    word_report,
    [
        gr.File(label="Text files", file_count="multiple", file_types=[".txt", ".md"]),
        gr.Slider(1, 20, value=5, step=1, label="Top words"),
    ],
    [gr.JSON(label="Words per file"), gr.Label(label="Most common"), gr.File(label="Report")],
    title="Word counter",
    description="Upload one or more text files. Everything runs in your browser.",
)

if __name__ == "__main__":
    demo.launch()
