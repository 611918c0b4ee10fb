"""The benchmark harness: lite beside bare Pyodide and a Gradio server, in real Chromium.

Run it with `make bench` (or `python -m bench --help`); bench/README.md explains the figures.
"""
