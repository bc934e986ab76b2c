#!/usr/bin/python3
"""tools/train/fit.py — fit the sentence prior of src/lib/sentfeat.c.

  make            # builds build/dump_features (`make train` does all three)
  build/dump_features < ../shared/data/multinews/val.jsonl > /tmp/feat.tsv
  /usr/bin/python3 tools/train/fit.py /tmp/feat.tsv \
      ../shared/data/multinews/val.jsonl > src/lib/sentfeat_weights.inc

The target of each sentence is its value per word against the reference
summary: (distinct words in the reference + 2 x distinct bigrams in the
reference) / words, on lower-cased, crudely stemmed tokens. The model is
ridge least squares (numpy, Debian python3-numpy). With --check it also
fits on odd clusters and evaluates on even ones and vice versa
(cross-fitting), printing the mean squared error of each half to stderr,
so the weights are never judged on the clusters they were fitted on.
"""
import json
import re
import sys

np = None  # numpy, imported by main() so oracle.py can share the helpers

TOK = re.compile(r"[a-z0-9]+")


def stem(w):
    for suf in ('ing', 'ed', 'es', 's', 'ly'):
        if len(w) > len(suf) + 2 and w.endswith(suf):
            return w[:-len(suf)]
    return w


def toks(s):
    return [stem(w) for w in TOK.findall(s.lower())]


def bigrams(t):
    return set(zip(t, t[1:]))


def load(feat_path, refs_path):
    refs, half = {}, {}
    for i, line in enumerate(open(refs_path, encoding='utf-8')):
        d = json.loads(line)
        refs[d['id']] = d['summary']
        half[d['id']] = i % 2
    cache = {}
    X, Y, G = [], [], []
    for line in open(feat_path, encoding='utf-8'):
        p = line.rstrip('\n').split('\t')
        cid, words, text = p[0], int(p[3]), p[-1]
        if cid not in refs:
            continue
        if cid not in cache:
            cache.clear()
            rt = toks(refs[cid])
            cache[cid] = (set(rt), bigrams(rt))
        ru, rb = cache[cid]
        t = toks(text)
        n = max(1, len(t))
        y = (len(set(t) & ru) + 2 * len(bigrams(t) & rb)) / n
        X.append([float(v) for v in p[4:-1]])
        Y.append(y)
        G.append(cid)
    return np.array(X), np.array(Y), np.array([half[g] for g in G]), G


def fit(X, Y, lam=1e-3):
    k = X.shape[1]
    return np.linalg.solve(X.T @ X + lam * np.eye(k), X.T @ Y)


def main():
    global np
    import numpy
    np = numpy
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    X, Y, h, G = load(args[0], args[1])
    ids = set(G)
    if '--check' in sys.argv:
        for a in (0, 1):
            w = fit(X[h == a], Y[h == a])
            e = np.mean((X[h != a] @ w - Y[h != a]) ** 2)
            base = np.mean((Y[h != a] - Y[h == a].mean()) ** 2)
            print('half %d: held-out mse %.4f (constant %.4f)' % (a, e, base),
                  file=sys.stderr)
    only = [a for a in sys.argv[1:] if a.startswith('--half=')]
    if only:  # fit on one half (line parity in the refs file) only
        k = int(only[0][7:])
        X, Y = X[h == k], Y[h == k]
    w = fit(X, Y)
    print('/* fitted by tools/train/fit.py on %d sentences of %d clusters */'
          % (len(Y), len(ids)))
    print(', '.join('%.6f' % v for v in w) + ',')


if __name__ == '__main__':
    main()
