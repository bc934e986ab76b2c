#!/usr/bin/env python3
"""bench/quality.py — `make quality`: ROUGE tables on the development sets.

Summarizes every dev set with every algorithm precis lists (the baselines
lead and lead-rr included), scores the briefs with `precis rouge` (the
ROUGE-1.5.5 reimplementation, conformance-tested) and prints one table per
set with the exact flags. Sets and protocols:

  duc2003      30 clusters, 4 refs, 100 words, recall, DUC flags
  multinews    val (5,622) and full-dev (50): 230 words (references
               average ~227), F1 with stemming; val also in the Multi-News
               paper's protocol (no stemming, unlimited skip gap)
  multiling    10 topics, 3 refs, 250 words, F1

  --check      compare with bench/floors.tsv: exit 1 if any algorithm's
               ROUGE-2 falls more than 0.5 point below its floor
  --write-floors  record the current ROUGE-2 numbers as floors
  --markdown   print tables as Markdown (for bench/RESULTS.md)
  --only=A,B   only these algorithms (a quick look; no --write-floors)
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, '..', 'shared', 'data')
PRECIS = os.path.join(ROOT, 'build', 'precis')
FLOORS = os.path.join(ROOT, 'bench', 'floors.tsv')

DUC_FLAGS = '-n 4 -m -a -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u'
F1_FLAGS = '-n 2 -m -a -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u'
PAPER_FLAGS = '-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a'


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True,
                          **kw).stdout


def algorithms():
    out = run([PRECIS, '--list-algorithms'])
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def rouge_report(text):
    """{'ROUGE-2': {'R': .., 'P': .., 'F': ..}, ...} from a ROUGE report."""
    res = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[2].startswith('Average_'):
            res.setdefault(parts[1], {})[parts[2][8]] = float(parts[3])
    return res


def dir_clusters(docs_dir):
    """JSONL lines for a docs/<cluster>/<file> tree."""
    lines = []
    for c in sorted(os.listdir(docs_dir)):
        d = os.path.join(docs_dir, c)
        docs = []
        for f in sorted(os.listdir(d)):
            with open(os.path.join(d, f), encoding='utf-8',
                      errors='replace') as fh:
                docs.append({'text': fh.read(), 'source': f})
        lines.append(json.dumps({'id': c, 'documents': docs}))
    return lines


def summarize(jsonl_path, algo, words):
    out = run([PRECIS, '--jsonl', '-q', '--words', str(words), '-a', algo,
               jsonl_path])
    return [json.loads(l) for l in out.splitlines()]


def score_dir(briefs, refs_dir, flags, tmp):
    cand = tempfile.mkdtemp(dir=tmp)
    for b in briefs:
        with open(os.path.join(cand, b['id'] + '.txt'), 'w') as f:
            f.write(b.get('summary', '') + '\n')
    return rouge_report(run([PRECIS, 'rouge'] + flags.split() +
                            [cand, refs_dir]))


def score_jsonl(briefs, refs_jsonl, flags, tmp):
    pred = os.path.join(tmp, 'pred.jsonl')
    with open(pred, 'w') as f:
        for b in briefs:
            f.write(json.dumps({'id': b['id'],
                                'summary': b.get('summary', '')}) + '\n')
    return rouge_report(run([PRECIS, 'rouge'] + flags.split() +
                            ['--pred', pred, '--ref', refs_jsonl]))


def sets(tmp):
    """(name, jsonl input, words, scorer(briefs) -> report, flags, metric)"""
    out = []
    for name, folder, words, flags, metric in (
            ('duc2003', 'duc2003', 100, DUC_FLAGS, 'R'),
            ('multiling2011', 'multiling2011_en', 250, F1_FLAGS, 'F')):
        d = os.path.join(DATA, folder)
        if not os.path.isdir(d):
            continue
        p = os.path.join(tmp, name + '.jsonl')
        with open(p, 'w') as f:
            f.write('\n'.join(dir_clusters(os.path.join(d, 'docs'))) + '\n')
        out.append((name, p, words,
                    lambda b, d=d, flags=flags: score_dir(
                        b, os.path.join(d, 'refs'), flags, tmp),
                    flags, metric))
    mn = os.path.join(DATA, 'multinews')
    for name in ('full-dev', 'val'):
        p = os.path.join(mn, name + '.jsonl')
        if os.path.isfile(p):
            out.append(('multinews-' + name, p, 230,
                        lambda b, p=p: score_jsonl(b, p, F1_FLAGS, tmp),
                        F1_FLAGS, 'F'))
            if name == 'val':
                out.append(('multinews-val-paper', p, 230,
                            lambda b, p=p: score_jsonl(b, p, PAPER_FLAGS,
                                                       tmp),
                            PAPER_FLAGS, 'F'))
    return out


def main():
    argv = sys.argv[1:]
    if not os.path.isdir(DATA):
        print('quality: %s not found; nothing measured' % DATA)
        return 0
    md = '--markdown' in argv
    floors = {}
    if os.path.isfile(FLOORS):
        for line in open(FLOORS):
            if line.strip() and not line.startswith('#'):
                s, a, v = line.split('\t')
                floors[(s, a)] = float(v)
    results = {}
    bad = []
    with tempfile.TemporaryDirectory() as tmp:
        algos = algorithms()
        only = [a[7:] for a in argv if a.startswith('--only=')]
        if only:
            algos = [a for a in algos if a in only[0].split(',')]
        for name, path, words, scorer, flags, metric in sets(tmp):
            cache = {}
            print('\n%s%s, %d words, ROUGE-1.5.5 %s (%s)' % (
                '### ' if md else '', name, words, flags,
                'recall' if metric == 'R' else 'F1'))
            cols = ['ROUGE-1', 'ROUGE-2', 'ROUGE-SU4', 'ROUGE-L']
            su = 'R-SU*' if '-2 -1' in flags else 'R-SU4'
            if md:
                print('\n| algorithm | R-1 | R-2 | %s | R-L |' % su)
                print('|---|---|---|---|---|')
            else:
                print('%-12s %7s %7s %7s %7s' % ('algorithm', 'R-1', 'R-2',
                                                  su, 'R-L'))
            for a in algos:
                key = (path, a)
                if key not in cache:
                    cache[key] = summarize(path, a, words)
                rep = scorer(cache[key])
                vals = []
                for c in cols:
                    m = rep.get(c) or (rep.get('ROUGE-SU*') if c ==
                                       'ROUGE-SU4' else None)
                    vals.append('%.2f' % (100 * m[metric]) if m else '-')
                r2 = 100 * rep['ROUGE-2'][metric]
                results[(name, a)] = r2
                if md:
                    print('| %s | %s |' % (a, ' | '.join(vals)))
                else:
                    print('%-12s %7s %7s %7s %7s' % tuple([a] + vals))
                fl = floors.get((name, a))
                if fl is not None and r2 < fl - 0.5:
                    bad.append('%s %s: ROUGE-2 %.2f < floor %.2f - 0.5' %
                               (name, a, r2, fl))
            sys.stdout.flush()
    if '--write-floors' in argv and not only:
        with open(FLOORS, 'w') as f:
            f.write('# set\talgorithm\tROUGE-2 (x100) floor; CI fails '
                    'below floor - 0.5\n')
            for (s, a), v in sorted(results.items()):
                f.write('%s\t%s\t%.2f\n' % (s, a, v))
    if '--check' in argv:
        n = 0
        for (s, a), v in sorted(results.items()):
            n += 1
            fl = floors.get((s, a))
            if fl is None:
                print('ok %d - %s %s ROUGE-2 %.2f (no floor)' % (n, s, a, v))
            elif v < fl - 0.5:
                print('not ok %d - %s %s ROUGE-2 %.2f below floor %.2f' %
                      (n, s, a, v, fl))
            else:
                print('ok %d - %s %s ROUGE-2 %.2f >= floor %.2f - 0.5' %
                      (n, s, a, v, fl))
        return 1 if bad else 0
    return 0


if __name__ == '__main__':
    sys.exit(main())
