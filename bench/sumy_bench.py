#!/usr/bin/env python3
"""bench/sumy_bench.py: time sumy (https://github.com/miso-belica/sumy)
on the clusters of a JSONL file, in one Python process, for
bench/run.sh's peer comparison.

    python3 bench/sumy_bench.py CLUSTERS.jsonl [SENTENCES [NAME...]]

Each line of CLUSTERS.jsonl is {"id": ..., "documents": [text, ...]}; a
cluster is given to sumy as its documents joined by blank lines (the same
text bench/run.sh gives ots). SENTENCES (default 8) is the fixed number
of sentences sumy selects per cluster: on the first 500 Multi-News val
clusters that is 220 to 280 words per summary (depending on the
summarizer), next to precis --words 230's 216. NAME is any of lexrank textrank lsa luhn (default: all four).

Only sumy's public API is used: PlaintextParser.from_string(text,
Tokenizer("english")), Stemmer("english"), get_stop_words("english") and
the summarizer classes. Every cluster is parsed afresh for every
summarizer (sumy's parser tokenizes lazily, so tokenization is part of
the summarizing time, as it is in precis).

If NLTK's punkt data is missing, Tokenizer("english") raises LookupError
(or, with other NLTK versions, another error). The driver then says so
on stderr and uses RegexTokenizer below instead;
sumy's parser only calls the tokenizer's to_sentences(paragraph) and
to_words(sentence) (sumy/parsers/parser.py, sumy/models/dom/_sentence.py)
and reads its language. The regex tokenizer does less work than punkt
plus nltk.word_tokenize, so sumy's times are then lower than with punkt.

Output, on stdout, one line per item:
    version SUMY_VERSION
    tokenizer punkt           or: tokenizer regex WHY
    import SECONDS            (importing sumy and building the tokenizer)
    NAME SECONDS WORDS        (the summarization loop only; WORDS is the
                               mean number of words per summary)
"""
import json
import re
import sys
import time

T0 = time.perf_counter()

from sumy.parsers.plaintext import PlaintextParser  # noqa: E402
from sumy.nlp.tokenizers import Tokenizer  # noqa: E402
from sumy.nlp.stemmers import Stemmer  # noqa: E402
from sumy.utils import get_stop_words  # noqa: E402
from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: E402
from sumy.summarizers.text_rank import TextRankSummarizer  # noqa: E402
from sumy.summarizers.lsa import LsaSummarizer  # noqa: E402
from sumy.summarizers.luhn import LuhnSummarizer  # noqa: E402


class RegexTokenizer(object):
    """Stand-in for sumy's Tokenizer when punkt is missing.

    Sentences: the text is cut after '.', '!' or '?' (and any closing
    quotes or brackets) followed by white space and then an upper-case
    letter, a digit or an opening quote or bracket. Words: runs of
    letters, possibly joined by apostrophes or hyphens (the tokens sumy's
    own Tokenizer keeps after its word filter).
    """

    language = "english"
    _SENT = re.compile(r"(?<=[.!?])[\"')\]\u2019\u201d]*\s+(?=[\"'(\[\u2018\u201c]?[A-Z0-9])")
    _WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")

    def to_sentences(self, paragraph):
        return tuple(s.strip() for s in self._SENT.split(paragraph) if s.strip())

    def to_words(self, sentence):
        return tuple(self._WORD.findall(sentence))


def make_tokenizer():
    try:
        tok = Tokenizer("english")
        tok.to_words(tok.to_sentences("Punkt is here. Is it?")[0])
        return tok, "punkt"
    except Exception as e:  # LookupError when punkt is missing
        first = (str(e).strip().splitlines() or [""])[0]
        why = ("punkt data missing" if isinstance(e, LookupError)
               else "sumy Tokenizer failed: " + type(e).__name__)
        sys.stderr.write(
            "sumy_bench: sumy's Tokenizer(\"english\") failed (%s: %s): %s; "
            "using the regex tokenizer of bench/sumy_bench.py instead "
            "(to get punkt: python3 -m nltk.downloader punkt)\n"
            % (type(e).__name__, first, why))
        return RegexTokenizer(), "regex " + why


SUMMARIZERS = {
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
}


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    n = int(argv[2]) if len(argv) > 2 else 8
    names = argv[3:] or ["lexrank", "textrank", "lsa", "luhn"]
    tok, kind = make_tokenizer()
    stemmer = Stemmer("english")
    stop = get_stop_words("english")
    t_import = time.perf_counter() - T0
    texts = []
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            texts.append("\n\n".join(json.loads(line)["documents"]))
    import sumy
    print("version %s" % getattr(sumy, "__version__", "unknown"))
    print("tokenizer %s" % kind)
    print("import %.3f" % t_import)
    sys.stdout.flush()
    for name in names:
        summ = SUMMARIZERS[name](stemmer)
        summ.stop_words = stop
        words = 0
        s = time.perf_counter()
        for text in texts:
            doc = PlaintextParser.from_string(text, tok).document
            for sent in summ(doc, n):
                words += len(str(sent).split())
        e = time.perf_counter()
        print("%s %.3f %.0f" % (name, e - s, words / max(1, len(texts))))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")  # LsaSummarizer warns on short texts
    sys.exit(main(sys.argv))
