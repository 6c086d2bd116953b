#!/usr/bin/env python3
"""Writes emoji-rgi-15.0.txt: every fully-qualified RGI emoji sequence of Emoji 15.0 and earlier.

Source: the `emoji` package on PyPI (pip install emoji==2.16.0), whose EMOJI_DATA is generated
from Unicode's emoji-test.txt; each entry carries its status and the Emoji version (E) that added it.
One sequence a line: code points in hexadecimal, then `# E<version> <name>`.
"""
import os

import emoji

assert emoji.__version__ == "2.16.0", emoji.__version__
rows = []
for sequence, data in emoji.EMOJI_DATA.items():
    if data["status"] == emoji.STATUS["fully_qualified"] and data["E"] <= 15:
        rows.append((data["E"], " ".join("%04X" % ord(c) for c in sequence), data["en"]))
rows.sort(key=lambda row: [int(part, 16) for part in row[1].split()])
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "emoji-rgi-15.0.txt")
with open(target, "w") as out:
    out.write("# Fully-qualified RGI emoji sequences, Emoji 15.0 and earlier (%d), from the PyPI package emoji %s.\n"
              % (len(rows), emoji.__version__))
    for version, codes, name in rows:
        out.write("%s # E%s %s\n" % (codes, version, name))
