#!/usr/bin/env python3
"""bench/dangling.py — rate of dangling openings in precis briefs.

A brief's sentence dangles when its first word leans on the sentence
before it ("He said...", "However, ...", "They ...") and that sentence,
the previous one of the same source article, is not in the brief too.
The word list is the one src/lib/cluster.c uses for SENT_DANGLING, with
the same exceptions (existential "there", "This week", "So far",
"Instead of": STANDS_ALONE below); the first word is found the same way
(leading quotes and brackets skipped, with a space after one, and a
transcript's speaker label: "Vladimir Putin: He ...").
A second count, "speaker", flags sentences whose speaker is a pronoun
('"...," she said.', "he told reporters") under the same condition
(SENT_SPEAKER in src/lib/cluster.c). A third, "quote rest", flags
the rest of a quotation without its opening: a sentence that closes a
double quotation mark it did not open (S_quote_marks() in cluster.c,
SENT_QUOTE_REST: the same rule), which alone passes a speaker's words
off as the outlet's. A fourth, "quote opening", flags a sentence that
leaves a quotation open without the next sentence of its article in the
brief: who speaks is not said. (ilp-pos keeps an opening with the
sentences up to the one that closes it, SENT_QUOTE_OPEN; an opening
whose quotation runs on into the next paragraph, as news writing has
it, is still counted here.) A fifth, "speakerless quotation", flags a
sentence that is one whole quotation ('"There's a possibility they'll be
found on beaches."', its marks read as sent_quote_marks() in
src/lib/sentence.c reads them, spaced ones too) with neither the sentence
before it nor the one after it in the brief: its speaker is named in
one of them, or nowhere the reader can see. (ilp-pos keeps such a
quotation with the sentence before it when that sentence holds a
quotation or a speech verb, or ends with a colon, SENT_QUOTE_TURN, and
with the sentence after it when that one names the speaker,
SENT_SAID_AFTER; other whole quotations are still counted here.)

  python3 bench/dangling.py OUT.jsonl ...
      OUT.jsonl: `precis --jsonl` output (one JSON brief per line, with
      "sentences": [{"text", "source", "sentence_index"}, ...]); '-' reads
      standard input. Prints the rate per file.

  python3 bench/dangling.py --parity SRC.jsonl OUT.jsonl
      A count that reads no marks itself, for tokenized text (Multi-News
      val writes every straight mark with a space on both sides, so the
      sentence-level rule above cannot tell an opening from a closing):
      a brief sentence starts inside a quotation when the source holds an
      odd number of '"' before it, and ends inside one when it does
      counting its own; each is counted when the sentence before (after)
      it is not in the brief. OUT.jsonl must be `-f json` output.

  python3 bench/dangling.py --bench [-a ALGO ...]
      Summarizes the development sets the way bench/quality.py does (same
      inputs and lengths) with every algorithm (or those given) and prints
      one table: % dangling openers / % pronoun speakers / % quotation
      rests / % quotation openings, per set.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

DANGLING = set('''he she it they this that these those his her its their him
them but however also meanwhile still yet and so then such both instead
moreover furthermore additionally nevertheless there or nor thus hence
besides otherwise likewise similarly consequently therefore'''.split())
# an answer to what the sentence before asked or claimed (S_answer_opener()
# in cluster.c): "Yes, ...", "No, ...", "Well, ..." with their comma, "If
# so", "For starters", "The answer"
ANSWER_COMMA = {'yes', 'no', 'well'}
ANSWER_PAIR = {('if', 'so'), ('for', 'starters'), ('the', 'answer')}
# the uses of an opener that lean on nothing, by the next word: existential
# "there", "this" of the calendar, "so far", "instead of"
STANDS_ALONE = {
    'there': set('''is are was were has have had will would may might could
should must can seems seem seemed appears appear appeared isn aren wasn weren
remains remain remained exist exists used s ll d re'''.split()),
    'this': set('''week weekend month year morning afternoon evening spring
summer fall autumn winter season past monday tuesday wednesday thursday friday
saturday sunday'''.split()),
    'so': {'far'},
    'instead': {'of'},
}


SPEAKER_PRON = {'he', 'she', 'they'}
SPEAKER_VERB = set('''said says added adds told explained noted wrote asked
continued stated argued insisted warned recalled replied acknowledged
according'''.split())


def pronoun_speaker(text, lead=False):
    """SENT_SPEAKER (S_pronoun_speaker() in cluster.c, with a plainer word
    split): in an article's first sentence (lead) that opens with no
    quotation mark, a pronoun after the fourth word with three words
    after its verb names someone the sentence names first."""
    w = [x.lower() for x in re.findall(r'[A-Za-z0-9]+', text)]
    # cluster.c tests the first byte: 0xE2 leads U+2000..U+2FFF (“ and others)
    lead = lead and text[:1] not in ('"', "'", '`') and not (
        '\u2000' <= text[:1] <= '\u2fff')
    return any(a in SPEAKER_PRON and b in SPEAKER_VERB and
               not (lead and k >= 4 and k + 5 <= len(w))
               for k, (a, b) in enumerate(zip(w, w[1:])))


def marks(text, spaced=False):
    """The double quotation marks of text as (start, end, opening,
    closing), read as sent_quote_marks() in src/lib/sentence.c reads them
    (outside a quotation at the start). A straight mark with a space on
    both sides (tokenized text) is read only when spaced is set: it
    closes a quotation open in text, else opens one."""
    out, depth, n, i = [], 0, len(text), 0
    while i < n:
        ch, at = text[i], i
        opening = closing = False
        if ch == '\u201c' or text.startswith('``', i):
            opening = True
            i += ch == '`'  # ``...'' as newswire writes it
        elif ch == '\u201d':
            closing = not (i > 0 and text[i - 1].isdigit())  # 4'9" is inches
        elif ch == '"' or text.startswith("''", i):
            before = i == 0 or text[i - 1] in ' \n(['
            glued = i > 0 and text[i - 1] != '"'
            if ch == "'":
                i += 1  # '' for a double mark
            after = i + 1 == n or text[i + 1] in ' \n)],.;:!?'
            opening, closing = before and not after, after and not before
            if ((glued and not before and not after) or  # monday."The
                    (spaced and before and after and
                     (i == 0 or text[i - 1] != '"'))):
                closing = depth > 0
                opening = not closing
        if opening:
            depth += 1
        if closing:
            depth = max(depth - 1, 0)
        if opening or closing:
            out.append((at, i + 1, opening, closing))
        i += 1
    return out


def quote_marks(text):
    """(closes a quote it did not open, leaves a quote open): the rule of
    S_quote_marks() in src/lib/cluster.c."""
    depth, closes = 0, False
    for _, _, opening, closing in marks(text):
        if opening:
            depth += 1
        if closing:
            if depth == 0:
                closes = True
            depth = max(depth - 1, 0)
    return closes, depth > 0


def whole_quotation(text):
    """Is text one quotation, its first mark opening at its first
    character and its second closing at its last (SQ_WHOLE of
    sent_quote_marks())? Who speaks it is in another sentence."""
    m = marks(text, spaced=True)
    lead = len(text) - len(text.lstrip(' '))
    return (len(m) == 2 and m[0][2] and m[0][0] == lead and m[1][3] and
            text[m[1][1]:].strip(' ') == '')


# A transcript's speaker label ("Vladimir Putin: He started ..."):
# sent_label() in src/lib/sentence.c, counted in bytes as it is.


def label_end(text, i):
    """Where the words after a speaker label at text[i:] start, or i."""
    b = text[i:].encode('utf-8', 'surrogatepass')
    j = words = 0
    while j < len(b) and j <= 40:
        if not (65 <= b[j] <= 90 or b[j] >= 0xC0):
            return i
        while j < len(b) and (chr(b[j]).isascii() and
                              (chr(b[j]).isalnum() or chr(b[j]) in ".-'")
                              or b[j] >= 0x80):
            j += 1
        words += 1
        if words > 4:
            return i
        if j < len(b) and b[j] == 58:  # ':'
            if j + 1 < len(b) and b[j + 1] != 32:
                return i
            j += 1
            while j < len(b) and b[j] == 32:
                j += 1
            return i + len(b[:j].decode('utf-8', 'surrogatepass'))
        if j < len(b) and b[j] == 32:
            j += 1
        else:
            return i
    return i


def word_at(text, i):
    """End of the run of ASCII letters from text[i]."""
    while i < len(text) and text[i].isascii() and text[i].isalpha():
        i += 1
    return i


def next_word(text, i):
    """(word, end) of the word after text[i]: spaces and apostrophes
    skipped first (S_next_word() in cluster.c); '' when there are none."""
    j = i
    while j < len(text) and text[j] in " '\u2019":
        j += 1
    if j == i:
        return '', i
    k = word_at(text, j)
    return text[j:k].lower(), k


IT_VERB = set('is was s isn wasn remains remained seems seemed appears '
              'appeared'.split())
IT_SEEM = {'seems', 'seemed', 'appears', 'appeared'}
IT_ADV = set('not n t still also now immediately yet already entirely quite '
             'very far'.split())
IT_PRED = set('''clear unclear possible impossible likely unlikely known unknown
uncertain true obvious hard difficult easy important necessary time believed
thought understood expected reported estimated'''.split())
IT_TO = set('hard difficult easy important necessary possible impossible '
            'time'.split())
IT_WH = set('that whether if how what why when who where'.split())


def impersonal_it(text, i):
    """S_impersonal_it() in cluster.c: extraposition ("It is unclear
    whether", "It's hard to say", "It seems that") or the cleft "It was
    not until"; text[i] is the character after "it"."""
    w, i = next_word(text, i)
    if w not in IT_VERB:
        return False
    seems = w in IT_SEEM
    w, i = next_word(text, i)
    while w and w in IT_ADV:
        w, i = next_word(text, i)
    if w == 'until' or (seems and w == 'that'):
        return True
    if w not in IT_PRED:
        return False
    nxt, _ = next_word(text, i)
    return nxt in IT_WH or (w in IT_TO and nxt in ('to', 'for'))


def dangling_opener(text):
    """SENT_DANGLING: the opener word (leading quotes, brackets and a
    speaker label skipped) is in DANGLING and is not one of the uses in
    STANDS_ALONE or impersonal_it() (S_opener_stands_alone() in
    cluster.c)."""
    i, n = 0, len(text)
    while i < n and (text[i] in '"\'(' or ord(text[i]) >= 0x80 or
                     (i > 0 and text[i] == ' ')):
        i += 1
    i = label_end(text, i)
    j = word_at(text, i)
    w = text[i:j].lower()
    if w in ANSWER_COMMA:
        return j < n and text[j] == ','
    if (w, next_word(text, j)[0]) in ANSWER_PAIR:
        return True
    if not 0 < len(w) <= 14 or w not in DANGLING:
        return False
    if w == 'it':
        return not impersonal_it(text, j)
    nxt = STANDS_ALONE.get(w)
    return nxt is None or next_word(text, j)[0] not in nxt


def count(lines):
    """(dangling, speaker, quote rest, quote opening, speakerless
    quotation, sentences, briefs) over JSONL briefs."""
    dang = spk = quo = qop = who = total = briefs = 0
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
            idx = s.get('sentence_index')
            alone = idx is None or (s.get('source'), idx - 1) not in chosen
            last = idx is None or (s.get('source'), idx + 1) not in chosen
            text = s.get('text', '')
            closes, leaves_open = quote_marks(text)
            if alone and dangling_opener(text):
                dang += 1
            if alone and pronoun_speaker(text, idx == 0):
                spk += 1
            if alone and closes:
                quo += 1
            if last and leaves_open:
                qop += 1
            if alone and last and whole_quotation(text):
                who += 1
    return dang, spk, quo, qop, who, total, briefs


def parity(src_path, out_lines):
    """(starts inside w/o prev, ends inside w/o next, sentences)."""
    src = {}
    with open(src_path, encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            src[d['id']] = [x if isinstance(x, str) else x.get('text', '')
                            for x in d['documents']]
    start = end = total = 0
    for line in out_lines:
        b = json.loads(line)
        sents = b.get('sentences') or []
        chosen = {(s['source'], s['sentence_index']) for s in sents}
        for s in sents:
            total += 1
            docs = src.get(b.get('id'), [])
            text, idx, sid = s['text'], s['sentence_index'], s['source']
            doc = docs[sid - 1] if 0 < sid <= len(docs) else ''
            pos = doc.find(text)
            if pos < 0:
                continue
            before = doc.count('"', 0, pos) % 2
            after = (before + text.count('"')) % 2
            start += before and (sid, idx - 1) not in chosen
            end += after and (sid, idx + 1) not in chosen
    return start, end, total


def pct(a, t):
    return 100.0 * a / t if t else 0.0


def report(name, d, sp, q, qo, wq, t, b):
    print('%-34s dangling %5.2f%% (%d), speaker %5.2f%% (%d), quote rest '
          '%5.2f%% (%d), quote opening %5.2f%% (%d), speakerless quotation '
          '%5.2f%% (%d); %d sentences, %d briefs'
          % (name, pct(d, t), d, pct(sp, t), sp, pct(q, t), q, pct(qo, t),
             qo, pct(wq, t), wq, t, b))


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
        print('dangling openings / pronoun speakers / quotation rests '
              'without their antecedent / quotation openings without the '
              'sentence after them / whole quotations with neither, % of '
              'brief sentences')
        print('%-12s' % 'algorithm' +
              ''.join(' %37s' % n[:37] for n, _, _ in sets))
        for a in algos:
            row = '%-12s' % a
            for _, path, words in sets:
                out = subprocess.run(
                    [quality.PRECIS, '--jsonl', '-q', '--words', str(words),
                     '-a', a, path], check=True, capture_output=True,
                    text=True).stdout
                d, sp, q, qo, wq, t, _ = count(out.splitlines())
                row += ' %6.2f / %5.2f / %5.2f / %5.2f / %5.2f' % (
                    pct(d, t), pct(sp, t), pct(q, t), pct(qo, t), pct(wq, t))
            print(row)
            sys.stdout.flush()
    return 0


def main():
    argv = sys.argv[1:]
    if not argv or argv[0] in ('-h', '--help'):
        print(__doc__.strip())
        return 0 if argv else 2
    if argv[0] == '--parity' and len(argv) == 3:
        with open(argv[2], encoding='utf-8') as f:
            a, b, t = parity(argv[1], f)
        print('%s: starts inside a quotation without the sentence before '
              '%.2f%% (%d), ends inside one without the sentence after '
              '%.2f%% (%d); %d sentences' % (argv[2], pct(a, t), a, pct(b, t),
                                             b, t))
        return 0
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
