#!/usr/bin/env python3
"""check_quotes.py - pairwise precision and recall of precis's quote groups.

Usage:
  check_quotes.py [--start N] [--min-precision P] [--min-recall R]
                  LABELS.tsv OUTPUT...

LABELS   quotes-labels.tsv: cluster_id, doc_index, offset, length, sha1,
         group (see tests/data/README.md). Offsets and lengths are bytes of
         precis's normalized article text; sha1 is the hex SHA-1 of those
         bytes. Rows with the same cluster_id and group are one statement.
OUTPUT   `precis report --format json` output: JSON Lines or one pretty
         object. An object without an id takes the name given as
         NAME=FILE (e.g. seeds=seeds.json).

A labelled quotation is found in the output when a variant has exactly its
span (then its text must hash to the label's sha1, or the labels are out of
sync), or else when a variant of the same article overlaps it by at least
half of both lengths. Over every pair of labelled quotations of a cluster:
a true pair is two quotations with the same group; a predicted pair is two
found quotations in the same output group. Precision = predicted true
pairs / predicted pairs, recall = predicted true pairs / true pairs.

Prints TAP, numbered from N (default 1): one informational line per
cluster, then "pairwise precision" and "pairwise recall" checked against
the minimums (defaults 0.95 and 0.8). Exit status 0 if all ok, 1 if not,
2 on a usage or input error.
"""
import hashlib
import json
import sys


def die(msg):
    print("Bail out! %s" % msg)
    sys.exit(2)


def load_labels(path):
    by_cluster = {}
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            p = line.rstrip("\n").split("\t")
            if len(p) != 6:
                die("%s:%d: expected 6 fields" % (path, ln))
            cid, doc, off, length, sha, group = p
            by_cluster.setdefault(cid, []).append(
                (int(doc), int(off), int(length), sha, group))
    return by_cluster


def load_outputs(args):
    out = {}
    for a in args:
        name = None
        if "=" in a:
            name, a = a.split("=", 1)
        with open(a, encoding="utf-8") as f:
            text = f.read()
        objs = []
        try:
            objs = [json.loads(text)]
        except ValueError:
            for line in text.splitlines():
                if line.strip():
                    objs.append(json.loads(line))
        for o in objs:
            cid = o.get("id") or name
            if cid is not None:
                out[str(cid)] = o
    return out


def variants(obj):
    """[(doc, offset, length, text, group_id)]"""
    v = []
    for g in obj.get("quotes", {}).get("groups", []):
        for q in g["variants"]:
            v.append((q["source"] - 1, q["offset"], q["length"], q["text"],
                      g["id"]))
    return v


def find(label, vs):
    doc, off, length, sha, _ = label
    best, best_ov = None, 0
    for v in vs:
        if v[0] != doc:
            continue
        if v[1] == off and v[2] == length:
            return v, hashlib.sha1(v[3].encode("utf-8")).hexdigest() == sha
        ov = min(off + length, v[1] + v[2]) - max(off, v[1])
        if ov * 2 >= length and ov * 2 >= v[2] and ov > best_ov:
            best, best_ov = v, ov
    return best, True


def main(argv):
    start, pmin, rmin = 1, 0.95, 0.8
    args = []
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("--start", "--min-precision", "--min-recall"):
            if i + 1 >= len(argv):
                die("%s needs a value" % a)
            v = argv[i + 1]
            if a == "--start":
                start = int(v)
            elif a == "--min-precision":
                pmin = float(v)
            else:
                rmin = float(v)
            i += 2
            continue
        args.append(a)
        i += 1
    if len(args) < 2:
        die("usage: check_quotes.py LABELS.tsv OUTPUT...")
    labels = load_labels(args[0])
    outputs = load_outputs(args[1:])
    n = start - 1
    ok_all = True
    tp = fp = fn = 0
    for cid in sorted(labels):
        ls = labels[cid]
        n += 1
        if cid not in outputs:
            print("not ok %d - quotes %s: no output for this cluster" %
                  (n, cid))
            ok_all = False
            continue
        vs = variants(outputs[cid])
        pred = []
        stale = []
        for lab in ls:
            v, fresh = find(lab, vs)
            if not fresh:
                stale.append(lab)
            pred.append(v[4] if v else None)
        ctp = cfp = cfn = 0
        for a in range(len(ls)):
            for b in range(a + 1, len(ls)):
                same = ls[a][4] == ls[b][4]
                guess = pred[a] is not None and pred[a] == pred[b]
                ctp += same and guess
                cfp += guess and not same
                cfn += same and not guess
        tp, fp, fn = tp + ctp, fp + cfp, fn + cfn
        found = sum(p is not None for p in pred)
        if stale:
            print("not ok %d - quotes %s: labels out of sync (doc %d offset "
                  "%d)" % (n, cid, stale[0][0], stale[0][1]))
            ok_all = False
        else:
            print("ok %d - quotes %s: %d labels, %d found, pairs tp=%d fp=%d "
                  "fn=%d" % (n, cid, len(ls), found, ctp, cfp, cfn))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    n += 1
    good = p >= pmin
    ok_all &= good
    print("%s %d - pairwise precision %.3f (%d/%d) >= %.2f" %
          ("ok" if good else "not ok", n, p, tp, tp + fp, pmin))
    n += 1
    good = r >= rmin
    ok_all &= good
    print("%s %d - pairwise recall %.3f (%d/%d) >= %.2f" %
          ("ok" if good else "not ok", n, r, tp, tp + fn, rmin))
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
