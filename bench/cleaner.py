#!/usr/bin/env python3
"""bench/cleaner.py — how much of a scraped page precis's text cleaner keeps
as brief material, on the html-dev pages (../shared/data/html-dev) with
their gold main text.

Each page is flattened to "all visible text" (Python's html.parser: the
text of every element but script, style, noscript, template, svg and
iframe, a line per block element), as a scraper that keeps too much would
leave it. precis reads it as one plain-text article (no HTML extraction)
and build/dump_features prints its selectable sentences: what a brief may
quote. Those are scored against the gold text with the set's own score.py
(4-token shingles, the ScrapingHub benchmark's metric), beside the flattened
text itself. It measures the cleaner (clean.c, cluster.c), not the HTML
extractor (tests/html/run_html.sh has that one's floor).

  python3 bench/cleaner.py            the table
  python3 bench/cleaner.py --check F  exit 1 unless the cleaner's F1 >= F
  BUILD=build-asan python3 bench/cleaner.py ...   another build directory

Pages are decoded as UTF-8, else cp1252: good enough for a gauge whose
pages are mostly one or the other. Dragnet's gold counts readers'
comments as content; precis drops them, so a page with a thread scores
lower than the brief's point of view would.
"""
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV = os.path.join(ROOT, "..", "shared", "data", "html-dev")
BLOCK = set("p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section "
            "article header footer nav aside blockquote pre figure "
            "figcaption form option dt dd title main".split())
SKIP = set("script style noscript template svg iframe".split())


class _Flat(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.skip = 0  # an unclosed <script> in the head
        if tag in SKIP:
            self.skip += 1
        if tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP and self.skip:
            self.skip -= 1
        if tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def flatten(raw):
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")
    p = _Flat()
    p.feed(text)
    p.close()
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", l).strip()
             for l in "".join(p.out).split("\n"))
    return "\n".join(l for l in lines if l) + "\n"


def score(pred_dir):
    out = subprocess.run([sys.executable, os.path.join(DEV, "score.py"),
                          "--pred", pred_dir, "--no-per-page"],
                         capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 7 and f[1] == "F1":
            rows[f[0]] = (float(f[2]), float(f[4]), float(f[6]))
    return rows


def main():
    check = None
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        check = float(sys.argv[2])
    elif len(sys.argv) != 1:
        sys.exit(__doc__.split("\n\n")[2])
    if not os.path.isfile(os.path.join(DEV, "score.py")):
        print("bench cleaner: %s not found (needs ../shared/data); nothing "
              "measured" % DEV)
        return 0
    tool = os.path.join(ROOT, os.environ.get("BUILD", "build"),
                        "dump_features")
    if not os.access(tool, os.X_OK):
        print("bench cleaner: %s not built (make)" % tool)
        return 1
    ids = sorted(f[:-5] for f in os.listdir(DEV) if f.endswith(".html"))
    with tempfile.TemporaryDirectory() as tmp:
        flat_dir, kept_dir = os.path.join(tmp, "flat"), os.path.join(tmp, "kept")
        os.mkdir(flat_dir)
        os.mkdir(kept_dir)
        lines = []
        for i in ids:
            with open(os.path.join(DEV, i + ".html"), "rb") as f:
                text = flatten(f.read())
            with open(os.path.join(flat_dir, i + ".txt"), "w") as f:
                f.write(text)
            lines.append(json.dumps({"id": i, "documents": [text]}))
        out = subprocess.run([tool], input="\n".join(lines) + "\n",
                             capture_output=True, text=True, check=True)
        kept = {i: [] for i in ids}
        for row in out.stdout.splitlines():
            f = row.split("\t")
            kept[f[0]].append(f[-1])
        for i in ids:
            with open(os.path.join(kept_dir, i + ".txt"), "w") as f:
                f.write("".join(s + "\n" for s in kept[i]))
        every, clean = score(flat_dir), score(kept_dir)
    print("html-dev pages flattened to all visible text (%d pages), "
          "scored by score.py:" % len(ids))
    print("%-9s %-28s %-28s" % ("set", "all visible text F1 / P / R",
                                 "precis's selectable F1 / P / R"))
    for k in ("ALL", "Dragnet", "L3S-GN1", "WCXB"):
        if k in every and k in clean:
            print("%-9s %.3f / %.3f / %.3f        %.3f / %.3f / %.3f" %
                  ((k,) + every[k] + clean[k]))
    if check is not None:
        f1 = clean.get("ALL", (0.0,))[0]
        print("%s cleaner F1 %.4f >= %.4f" %
              ("ok" if f1 >= check else "not ok", f1, check))
        return 0 if f1 >= check else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
