#!/usr/bin/env python3
"""bench/bigtext.py — invented, sentence-like English for memory runs.

    python3 bench/bigtext.py text OUT BYTES
    python3 bench/bigtext.py jsonl OUT DOCS BYTES_PER_DOC

Words are drawn (seeded, so the files are the same every time) from a
small made-up vocabulary into sentences of 8 to 30 words, five sentences a
paragraph. `jsonl` writes one line {"id": "big", "documents": [...]} with
DOCS documents. No text from any corpus.
"""
import json
import random
import sys

VOCAB = ('the a council harbor ferry bridge report said officials on in at '
         'of to and was were after before crews residents island mayor '
         'storm repairs cost million pounds engineers vote debate town '
         'road week morning evening police fire warehouse workers hospital '
         'statement company director plans new old second third first last '
         'river county service return returned opened closed built '
         'reported announced expected would could will has have had').split()


def doc(rng, size):
    out, n = [], 0
    while n < size:
        para = []
        for _ in range(5):
            w = [rng.choice(VOCAB) for _ in range(rng.randint(8, 30))]
            para.append(' '.join(w).capitalize() + '.')
        p = ' '.join(para)
        out.append(p)
        n += len(p) + 2
    return '\n\n'.join(out)[:size]


def main():
    rng = random.Random(7)
    if len(sys.argv) == 4 and sys.argv[1] == 'text':
        with open(sys.argv[2], 'w') as f:
            f.write(doc(rng, int(sys.argv[3])) + '\n')
    elif len(sys.argv) == 5 and sys.argv[1] == 'jsonl':
        docs = [doc(rng, int(sys.argv[4])) for _ in range(int(sys.argv[3]))]
        with open(sys.argv[2], 'w') as f:
            f.write(json.dumps({'id': 'big', 'documents': docs}) + '\n')
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
