#!/usr/bin/env python3
"""bench/outlet_voice.py — brief sentences in which an outlet speaks of
itself ("a source told us", "as we reported", "our reporter").

The phrases are read from src/lib/clean.c (the self_a[] to self_w[]
lists clean_self_ref() matches), word-bounded, the first letter in
either case, the rest as written (so "told US officials" is not one). A sentence
counts once, however many phrases it holds. The second count is of those
with no quotation mark at all, where the phrase cannot be a speaker's;
the rest need reading (precis leaves a phrase inside quotation marks in).

  python3 bench/outlet_voice.py OUT.jsonl ...
      OUT.jsonl: `precis --jsonl -f json` output. Prints, per file:
      brief sentences, sentences with a phrase, of which without any
      quotation mark, and the clusters holding one.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def phrases():
    src = open(os.path.join(ROOT, 'src/lib/clean.c'), encoding='utf-8').read()
    out = []
    for m in re.finditer(r'self_[a-z]\[\] = \{(.*?)NULL\}', src, re.S):
        out += re.findall(r'"([^"]+)"', m.group(1))
    return out


def pattern():
    # an apostrophe in a phrase matches ' or U+2019, as in C
    alts = ['[%s%s]%s' % (p[0], p[0].upper(),
                          re.escape(p[1:]).replace("'", "['\u2019]"))
            for p in sorted(phrases(), key=len, reverse=True)]
    # the C rule: no letter, digit, apostrophe or non-ASCII byte on
    # either side
    return re.compile(r"(?<![A-Za-z0-9'\x80-\U0010ffff])(?:%s)"
                      r"(?![A-Za-z0-9'\x80-\U0010ffff])" % '|'.join(alts))


def holds(pat, t):
    """Does t hold a phrase? "... us weekly" names the magazine."""
    for m in pat.finditer(t):
        if not (m.group(0).endswith(' us') and
                t.startswith(' weekly', m.end())):
            return True
    return False


QUOTES = ('"', '\u201c', '\u201d', '``', "''")


def count(path, pat):
    n = hit = bare = 0
    clusters = set()
    f = sys.stdin if path == '-' else open(path, encoding='utf-8')
    for line in f:
        line = line.strip()
        if not line:
            continue
        d = json.loads(line)
        for s in d.get('sentences', []):
            n += 1
            t = s['text']
            if holds(pat, t):
                hit += 1
                bare += not any(q in t for q in QUOTES)
                clusters.add(d.get('id'))
    return n, hit, bare, len(clusters)


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    pat = pattern()
    for p in argv:
        n, hit, bare, k = count(p, pat)
        print('%s: %d sentences, %d with a self-reference (%d without a '
              'quotation mark), in %d clusters' % (p, n, hit, bare, k))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
