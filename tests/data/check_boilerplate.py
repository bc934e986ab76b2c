#!/usr/bin/env python3
"""check_boilerplate.py - precis output must not contain hand-labelled boilerplate.

Usage:
  check_boilerplate.py [--start N] [--no-plan] SOURCE LABELS.tsv [OUTPUT]

SOURCE   a JSONL cluster file ({"id", "documents": [text | {"text": ...}]}
         per line), or a directory of .txt files forming one cluster
         (documents in sorted file-name order; the cluster id is the one
         used in LABELS, else the directory name).
LABELS   TSV: cluster_id, doc_index, line_index, sha1, category (see
         tests/data/README.md). Lines starting with '#' are comments.
OUTPUT   precis --format json output: JSON Lines (one object per cluster)
         or a single, possibly pretty-printed, JSON object. Without OUTPUT
         only the labels are checked against SOURCE.

Prints TAP (plan line "1..N" unless --no-plan or --start N > 1), one test
per cluster, in SOURCE order, numbered from N (default 1):
  ok N - <id>
  not ok N - <id>: output sentence is boilerplate (category, doc d line l)
  not ok N - <id>: labels out of sync (doc d line l: ...)
  not ok N - <id>: no output for this cluster
doc and line numbers are 0-based, as in LABELS. Further problems of the
same cluster follow as '#' comment lines. Exit status: 0 if all ok, 1 if
any test failed, 2 on a usage or input error.

How a sentence is matched against a labelled line (both whitespace-
collapsed; lines shorter than 3 characters are ignored):
  1. Span check. precis reports "offset"/"length" as a byte span in the
     article's normalized text (NFC, CRLF -> LF, unusual spaces -> ' ').
     The script normalizes the article the same way; if the span holds
     the sentence text, the sentence is boilerplate iff the span overlaps
     a labelled line.
  2. Text check (when the span cannot be verified). The sentence is
     boilerplate if it is contained in a labelled line of its article, or
     contains one. A labelled line shorter than 20 characters only counts
     when the sentence equals it or starts with it followed by a space (a
     merged "Advertisement The mayor said ..."), so that a short label
     such as "5 p.m." does not flag every sentence ending in "5 p.m.".
     Matches must sit on word boundaries. A sentence that also occurs in
     an unlabelled line of the same article (captions often repeat body
     text) is not flagged.
"""
import hashlib
import json
import os
import re
import sys
import unicodedata

SHORT = 20  # labelled lines shorter than this need a prefix/equal match
MIN_LINE = 3

# Characters precis's normalizer turns into a plain space.
_SPACES = dict.fromkeys(
    [0x00A0, 0x1680, 0x202F, 0x205F, 0x3000] + list(range(0x2000, 0x200B)),
    " ")


def norm_ws(s):
    return " ".join(s.split())


def normalize_doc(text):
    t = unicodedata.normalize("NFC", text)
    t = t.replace("\r\n", "\n")
    return t.translate(_SPACES)


def sha1(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def die(msg):
    print("Bail out! %s" % msg)
    sys.exit(2)


def load_source(path):
    """[(cluster_id, [doc_text, ...])]"""
    if os.path.isdir(path):
        names = sorted(n for n in os.listdir(path) if n.endswith(".txt"))
        docs = []
        for n in names:
            with open(os.path.join(path, n), encoding="utf-8",
                      errors="replace", newline="") as f:
                docs.append(f.read())
        return [(None, docs)]
    clusters = []
    with open(path, encoding="utf-8", newline="") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                die("%s:%d: bad JSON: %s" % (path, ln, e))
            docs = []
            for d in obj.get("documents", []):
                docs.append(d.get("text", "") if isinstance(d, dict) else d)
            clusters.append((str(obj.get("id", "line%d" % ln)), docs))
    return clusters


def load_labels(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            p = line.split("\t")
            if len(p) != 5:
                die("%s:%d: expected 5 tab-separated fields" % (path, ln))
            try:
                rows.append((p[0], int(p[1]), int(p[2]), p[3].lower(), p[4]))
            except ValueError:
                die("%s:%d: bad doc or line index" % (path, ln))
    return rows


def load_output(path):
    with open(path, encoding="utf-8") as f:
        data = f.read()
    if not data.strip():
        return []
    try:
        obj = json.loads(data)
        return obj if isinstance(obj, list) else [obj]
    except ValueError:
        pass
    out = []
    for ln, line in enumerate(data.split("\n"), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except ValueError as e:
                die("%s:%d: bad JSON: %s" % (path, ln, e))
    return out


class Doc:
    """One article: its lines, their byte spans in the normalized text."""

    def __init__(self, text):
        self.raw_lines = text.split("\n")
        self.ntext = normalize_doc(text).encode("utf-8")
        self.spans = []  # (start, end) byte span of each stripped line
        pos = 0
        for raw in self.ntext.split(b"\n"):
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            self.spans.append((pos + lead, pos + lead + len(body)))
            pos += len(raw) + 1
        self.labels = {}  # line index -> category

    def line(self, i):
        return self.raw_lines[i].strip()


def bounded(hay, needle, start):
    """Is hay[start:start+len(needle)] a word-bounded occurrence?"""
    a = start - 1
    b = start + len(needle)
    ok_a = a < 0 or not (hay[a].isalnum() and needle[:1].isalnum())
    ok_b = b >= len(hay) or not (hay[b].isalnum() and needle[-1:].isalnum())
    return ok_a and ok_b


def contains(hay, needle):
    for m in re.finditer(re.escape(needle), hay):
        if bounded(hay, needle, m.start()):
            return True
    return False


def span_check(doc, sent):
    """(verified, [line indices overlapped])"""
    try:
        off = int(sent.get("offset"))
        length = int(sent.get("length"))
    except (TypeError, ValueError):
        return False, []
    if off < 0 or length <= 0 or off + length > len(doc.ntext):
        return False, []
    piece = doc.ntext[off:off + length].decode("utf-8", "replace")
    if norm_ws(piece) != norm_ws(sent.get("text", "")):
        return False, []
    hits = []
    for li in doc.labels:
        s, e = doc.spans[li]
        if len(norm_ws(doc.line(li))) >= MIN_LINE and s < off + length and off < e:
            hits.append(li)
    return True, hits


def text_check(doc, text):
    hits = []
    for li in doc.labels:
        ln = norm_ws(doc.line(li))
        if len(ln) < MIN_LINE:
            continue
        if len(ln) < SHORT:
            hit = text == ln or text.startswith(ln + " ")
        else:
            hit = contains(text, ln) or (len(text) >= MIN_LINE
                                         and contains(ln, text))
        if hit:
            hits.append(li)
    if hits:
        for li in range(len(doc.raw_lines)):
            if li not in doc.labels and contains(norm_ws(doc.line(li)), text):
                return []
    return hits


def check_cluster(cid, docs, obj):
    """List of problem strings for one cluster's output object."""
    problems = []
    sents = obj.get("sentences")
    if not isinstance(sents, list):
        return ["output has no \"sentences\" array"]
    for k, sent in enumerate(sents):
        if not isinstance(sent, dict):
            problems.append("sentence %d is not an object" % (k + 1))
            continue
        text = norm_ws(str(sent.get("text", "")))
        if len(text) < MIN_LINE:
            continue
        src = sent.get("source")
        if isinstance(src, int) and 1 <= src <= len(docs):
            cands = [src - 1]
        else:
            cands = range(len(docs))
        for d in cands:
            doc = docs[d]
            verified, hits = span_check(doc, sent) if len(cands) == 1 \
                else (False, [])
            if not verified:
                hits = text_check(doc, text)
            if hits:
                li = hits[0]
                problems.append(
                    "output sentence is boilerplate (%s, doc %d line %d)"
                    % (doc.labels[li], d, li))
                problems.append("  sentence %d: %s" % (k + 1, text[:160]))
                break
    return problems


def main(argv):
    start, plan = 1, True
    args = []
    it = iter(argv)
    for a in it:
        if a == "--start":
            start = int(next(it, "1"))
        elif a == "--no-plan":
            plan = False
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            args.append(a)
    if len(args) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    source, tsv = args[0], args[1]
    output = args[2] if len(args) == 3 else None

    clusters = load_source(source)
    labels = load_labels(tsv)
    if clusters and clusters[0][0] is None:  # directory: one cluster
        ids = sorted({r[0] for r in labels})
        cid = ids[0] if len(ids) == 1 else os.path.basename(
            os.path.normpath(source))
        clusters = [(cid, clusters[0][1])]

    order = [cid for cid, _ in clusters]
    docs = {cid: [Doc(t) for t in texts] for cid, texts in clusters}
    problems = {cid: [] for cid in order}
    stray = []
    for cid, d, li, h, cat in labels:
        if cid not in docs:
            stray.append("label for unknown cluster %s" % cid)
            continue
        ds = docs[cid]
        if not (0 <= d < len(ds)) or not (0 <= li < len(ds[d].raw_lines)):
            problems[cid].append(
                "labels out of sync (doc %d line %d: no such line)" % (d, li))
            continue
        if sha1(ds[d].line(li)) != h:
            problems[cid].append(
                "labels out of sync (doc %d line %d: sha1 mismatch)" % (d, li))
            continue
        ds[d].labels[li] = cat

    if output is not None:
        outs = load_output(output)
        by_id = {}
        for o in outs:
            if isinstance(o, dict) and "id" in o:
                by_id.setdefault(str(o["id"]), o)
        single = len(order) == 1 and len(outs) == 1
        for pos, cid in enumerate(order):
            obj = by_id.get(cid)
            if obj is None and single:
                obj = outs[0]
            if obj is None and len(outs) == len(order) and not by_id:
                obj = outs[pos]
            if not isinstance(obj, dict):
                problems[cid].append("no output for this cluster")
                continue
            problems[cid].extend(check_cluster(cid, docs[cid], obj))

    n = len(order) + (1 if stray else 0)
    if plan and start == 1:
        print("%d..%d" % (start, start + n - 1))
    failed = 0
    num = start
    for cid in order:
        ps = problems[cid]
        what = "labels in sync" if output is None else "no boilerplate"
        if not ps:
            print("ok %d - %s: %s" % (num, cid, what))
        else:
            failed += 1
            print("not ok %d - %s: %s" % (num, cid, ps[0]))
            for p in ps[1:]:
                print("# %s" % p)
        num += 1
    if stray:
        failed += 1
        print("not ok %d - labels: %s" % (num, stray[0]))
        for p in stray[1:]:
            print("# %s" % p)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
