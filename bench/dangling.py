#!/usr/bin/env python3
"""bench/dangling.py — rate of dangling openings in precis briefs.

A brief's sentence dangles when its first word leans on the sentence
before it ("He said...", "However, ...", "They ...") and that sentence,
the previous one of the same source article, is not in the brief too.
The word list is the one src/lib/cluster.c uses for SENT_DANGLING; the
first word is found the same way (leading quotes and brackets skipped).

  python3 bench/dangling.py OUT.jsonl ...
      OUT.jsonl: `precis --jsonl` output (one JSON brief per line, with
      "sentences": [{"text", "source", "sentence_index"}, ...]); '-' reads
      standard input. Prints the rate per file.

  python3 bench/dangling.py --bench [-a ALGO ...]
      Summarizes the development sets the way bench/quality.py does (same
      inputs and lengths) with every algorithm (or those given) and prints
      one table: dangling sentences / sentences, per set.
"""
import json
import os
import subprocess
import sys
import tempfile

DANGLING = set('''he she it they this that these those his her its their him
them but however also meanwhile still yet and so then such both instead
moreover furthermore additionally nevertheless there or nor thus hence
besides otherwise likewise similarly consequently therefore'''.split())


def first_word(text):
    i, n = 0, len(text)
    while i < n and (text[i] in '"\'(' or ord(text[i]) >= 0x80):
        i += 1
    j = i
    while j < n and text[j].isascii() and text[j].isalpha():
        j += 1
    w = text[i:j].lower()
    return w if 0 < len(w) <= 14 else ''


def count(lines):
    """(dangling, sentences, briefs) over JSONL brief lines."""
    dang = total = briefs = 0
    for line in lines:
        line = line.strip()
        if not line:
            continue
        b = json.loads(line)
        sents = b.get('sentences') or []
        briefs += 1
        chosen = {(s.get('source'), s.get('sentence_index')) for s in sents}
        for s in sents:
            total += 1
            if first_word(s.get('text', '')) not in DANGLING:
                continue
            idx = s.get('sentence_index')
            if idx is None or (s.get('source'), idx - 1) not in chosen:
                dang += 1
    return dang, total, briefs


def report(name, d, t, b):
    rate = 100.0 * d / t if t else 0.0
    print('%-40s %6.2f%%  (%d of %d sentences, %d briefs)' %
          (name, rate, d, t, b))


def bench(algos):
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    import quality  # same data, inputs and lengths as the ROUGE tables
    if not os.path.isdir(quality.DATA):
        print('dangling: %s not found; nothing measured' % quality.DATA)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        sets = [(n, p, w) for n, p, w, _, _, _ in quality.sets(tmp)
                if n != 'multinews-val-paper']
        algos = algos or quality.algorithms()
        print('dangling openings (%% of brief sentences)\n%-12s' % 'algorithm'
              + ''.join(' %14s' % n[:14] for n, _, _ in sets))
        for a in algos:
            row = '%-12s' % a
            for _, path, words in sets:
                out = subprocess.run(
                    [quality.PRECIS, '--jsonl', '-q', '--words', str(words),
                     '-a', a, path], check=True, capture_output=True,
                    text=True).stdout
                d, t, _ = count(out.splitlines())
                row += ' %13.2f%%' % (100.0 * d / t if t else 0.0)
            print(row)
            sys.stdout.flush()
    return 0


def main():
    argv = sys.argv[1:]
    if not argv or argv[0] in ('-h', '--help'):
        print(__doc__.strip())
        return 0 if argv else 2
    if argv[0] == '--bench':
        algos = [argv[i + 1] for i in range(1, len(argv) - 1)
                 if argv[i] == '-a']
        return bench(algos)
    for path in argv:
        if path == '-':
            report('<stdin>', *count(sys.stdin))
        else:
            with open(path, encoding='utf-8') as f:
                report(path, *count(f))
    return 0


if __name__ == '__main__':
    sys.exit(main())
