#!/usr/bin/env python3
"""Writes a variant of an example scenario with many risks or many uncertain posts (to time
weerstandsvermogen and gevoeligheid against the number of inputs, docs/performance.md; not a test).

Usage: python3 tools/many_inputs.py risks|posts N OUT.toml [BASE.toml]
Then e.g.: build/swvsim weerstandsvermogen OUT.toml --paden 100 --stil --uit /tmp/x
"""
import os
import sys

kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
base = os.path.abspath(sys.argv[4] if len(sys.argv) > 4 else os.path.join(os.path.dirname(__file__), "..", "scenarios", "voorbeeld-po.toml"))
lines = ['schema = "swvsim/1"', f'basis = "{base}"', ""]
for i in range(n):
    if kind == "risks":
        lines += ["[[risico]]", f'code = "X{i}"', f'naam = "Risico {i}"', f"kans = {0.02 + 0.1 * (i % 7) / 7:.4f}",
                  f"impact = {{ verdeling = \"lognormaal\", gemiddelde = {10_000 + 97 * i}, sd = 5_000 }}", ""]
    elif kind == "posts":
        lines += ["[[post]]", f'code = "9.{i}"', f'naam = "Onzekere post {i}"', 'kant = "lasten"',
                  f"bedrag = {{ verdeling = \"normaal\", gemiddelde = {1_000 + i}, sd = 100 }}", ""]
    else:
        sys.exit("kind must be risks or posts")
with open(out, "w") as f:
    f.write("\n".join(lines))
