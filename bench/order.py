#!/usr/bin/env python3
"""bench/order.py — how well a brief's sentence order follows the reference.

    python3 bench/order.py BRIEFS.jsonl REFS

BRIEFS.jsonl: `precis --jsonl -q --words W [--order O] INPUT` output (the
"sentences" array, in the brief's order). REFS: a Multi-News style JSONL
file ({"id", "summary"}) or a directory of <cluster>.<annotator>.txt
references (DUC, MultiLing).

Each brief sentence is placed in the reference at the median first
position of the content bigrams it shares with it (at least two; fewer
and the sentence is left out), and the brief's order is compared with
those places by Kendall's tau (Lapata 2006), averaged over briefs with
at least one comparable pair (per reference when there are several).
Printed for the brief as given and, from the same sentences, for two
fixed orders: `source` (article, then offset: precis --order source) and
`lead` (runs of consecutive sentences by their first sentence's number in
its article, then article), and the paired difference between the brief
as given and the source order. An automatic proxy: the reference is one
writer's order, and paraphrase defeats the alignment.
"""
import itertools
import json
import os
import re
import statistics
import sys

STOP = set('the a an of to in and or for on at by with from as is was were be '
           'been are that this it its he she they his her their said says '
           'will would has have had not but'.split())


def toks(s):
    return re.findall(r'[a-z0-9]+', s.lower())


def bigrams(t):
    return [(t[i], t[i + 1]) for i in range(len(t) - 1)
            if not (t[i] in STOP and t[i + 1] in STOP)]


def ref_positions(ref):
    t = toks(ref)
    pos = {}
    for i, b in enumerate(zip(t, t[1:])):
        pos.setdefault(b, i)
    return pos


def place(sent, pos):
    hits = sorted({pos[b] for b in bigrams(toks(sent)) if b in pos})
    return statistics.median(hits) if len(hits) >= 2 else None


def tau(xs):
    c = d = 0
    for a, b in itertools.combinations(xs, 2):
        if a != b:
            c, d = (c + 1, d) if a < b else (c, d + 1)
    return None if c + d == 0 else (c - d) / (c + d)


def runs(sents):
    s = sorted(sents, key=lambda x: (x['source'], x['offset']))
    out = []
    for x in s:
        if (out and out[-1][-1]['source'] == x['source'] and
                out[-1][-1]['sentence_index'] + 1 == x['sentence_index']):
            out[-1].append(x)
        else:
            out.append([x])
    return out


ORDERS = {
    'as given': lambda S: list(S),
    'source': lambda S: sorted(S, key=lambda x: (x['source'], x['offset'])),
    'lead': lambda S: [x for r in sorted(runs(S), key=lambda r: (
        r[0]['sentence_index'], r[0]['source'])) for x in r],
}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    briefs, refs = sys.argv[1], sys.argv[2]
    R = {}
    if os.path.isdir(refs):
        for f in sorted(os.listdir(refs)):
            with open(os.path.join(refs, f), errors='replace') as fh:
                R.setdefault(f.split('.')[0], []).append(fh.read())
    else:
        with open(refs) as fh:
            for line in fh:
                d = json.loads(line)
                R[d['id']] = [d['summary']]
    res = {k: [] for k in ORDERS}
    with open(briefs) as fh:
        for line in fh:
            b = json.loads(line)
            S = b.get('sentences') or []
            for ref in R.get(b['id'], []):
                pos = ref_positions(ref)
                for k, f in ORDERS.items():
                    xs = [p for p in (place(x['text'], pos) for x in f(S))
                          if p is not None]
                    t = tau(xs)
                    if t is not None:
                        res[k].append(t)
    for k, v in res.items():
        print(f'{k:9s} briefs {len(v):5d}  tau {statistics.mean(v):.4f}'
              if v else f'{k:9s} no comparable briefs')
    # the same briefs are comparable under every order (placing does not
    # depend on it): paired difference, normal 95% interval
    a, b = res['as given'], res['source']
    if len(a) == len(b) and len(a) > 1:
        d = [x - y for x, y in zip(a, b)]
        m, h = statistics.mean(d), 1.96 * statistics.stdev(d) / len(d) ** .5
        print(f'as given - source: {m:+.4f} (95% {m - h:+.4f} to {m + h:+.4f})')


if __name__ == '__main__':
    main()
