"""Tests of serve.py and its trash_server package (run: python3 -m unittest discover -s tests/server -t .)."""
