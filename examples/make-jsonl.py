#!/usr/bin/env python3
"""Build examples/harbor-fire.jsonl from examples/harbor-fire/*.txt.

Usage: python3 examples/make-jsonl.py [OUTPUT]   (default: examples/harbor-fire.jsonl)

Line 1 is the harbor-fire cluster: one document per .txt file, in sorted file
name order; the outlet name is the file name title-cased ("the-lantern-weekly"
-> "The Lantern Weekly").  Line 2 is a second, short invented cluster (a
library reopening) kept inline below, so that batch mode has two lines.
Everything here is invented.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

LIBRARY = [
    ("Millbrook Courier", "https://millbrook-courier.example/2026/04/library-reopens",
     "Millbrook library reopens after 18-month refit\n\n"
     "By Hannah C. Pryce | April 4, 2026, 10:15 a.m.\n\n"
     "The Millbrook Public Library on Chapel St. reopened to the public on Saturday after an "
     "18-month renovation that cost $3.2 million.\n\n"
     "About 400 people queued outside before the doors opened at 9 a.m., library staff said.\n\n"
     "The refit added a children's wing, a rooftop reading garden and 40 public computers. "
     "\"This building belongs to everyone in Millbrook again,\" said head librarian Dr. Ines M. Varga.\n\n"
     "Advertisement\n\n"
     "The library will be open seven days a week, from 9 a.m. to 8 p.m.\n\n"
     "© 2026 Millbrook Courier. All rights reserved."),
    ("Valley Post", "https://valley-post.example/news/millbrook-library",
     "Home | Local | Schools | Sport\n\n"
     "Millbrook Public Library reopened on Saturday after a $3.2 million renovation that kept "
     "its doors shut for a year and a half.\n\n"
     "Hundreds of residents, around 400 by the library's count, were waiting when it opened at 9 a.m.\n\n"
     "Head librarian Dr. Ines Varga said the building \"belongs to everyone in Millbrook again.\"\n\n"
     "The new children's wing is named after former teacher Mrs. Edna L. Hart, who left "
     "$250,000 to the library in her will.\n\n"
     "Councillor Mr. R.J. Osei said the reopening was \"a good day for the town.\"\n\n"
     "Share this story\n\n"
     "Sign up for our weekly newsletter."),
    ("Radio Millbrook", "https://radio-millbrook.example/news/library",
     "Posted Saturday 4 April 2026, 1:30 p.m.\n\n"
     "Millbrook's library is open again after an 18-month, 3.2 million dollar refit.\n\n"
     "Around 450 people came through the doors in the first hour, staff told us.\n\n"
     "The new rooftop reading garden will open in May, once planting is finished.\n\n"
     "(Photo: Radio Millbrook)\n\n"
     "Follow @radiomillbrook on Twitter"),
]


def outlet_name(stem):
    return " ".join(w.capitalize() for w in stem.split("-"))


def harbor_fire():
    d = os.path.join(HERE, "harbor-fire")
    docs = []
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".txt"):
            continue
        stem = fn[:-4]
        with open(os.path.join(d, fn), encoding="utf-8") as f:
            text = f.read()
        docs.append({
            "text": text,
            "source": outlet_name(stem),
            "url": "https://%s.example/news/2026/03/10/ketterby-port-warehouse-fire" % stem,
        })
    return {"id": "harbor-fire", "documents": docs}


def library():
    return {"id": "library-reopening",
            "documents": [{"text": t, "source": s, "url": u} for s, u, t in LIBRARY]}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "harbor-fire.jsonl")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for cluster in (harbor_fire(), library()):
            f.write(json.dumps(cluster, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
