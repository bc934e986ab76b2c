#!/bin/sh
# tests/cli/run_cli.sh — golden and error-path tests of the `precis` command
# (the zstd cli-tests idea: command, expected stdout, expected exit status).
#
#   UPDATE=1 sh tests/cli/run_cli.sh   rewrites tests/cli/golden/*
#
# Prints TAP lines for tests/run.sh. Uses only the invented example texts
# and texts written here.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib.sh"
G=$ROOT/tests/cli/golden
EX=$ROOT/examples/harbor-fire

# golden NAME ARGS... : stdout must equal golden/NAME, exit status 0
golden() {
  name=$1
  shift
  tap_golden "$G/$name" "golden $name" 0 "$PRECIS" "$@"
}

# ---- golden outputs on the bundled example ----
golden example.txt examples/harbor-fire/
golden example.md --format markdown examples/harbor-fire/
golden example.json --format json --words 80 examples/harbor-fire/
golden example-bytes.txt --bytes 400 examples/harbor-fire/
golden example-sentences.txt --sentences 2 --order score examples/harbor-fire/
golden example-lead.txt --algorithm lead examples/harbor-fire/
golden example.jsonl --jsonl --words 60 examples/harbor-fire.jsonl
golden example-explain.txt explain examples/harbor-fire/

# explain's JSON: each article's parts in text order, each a byte-exact
# span of the article as `precis sentences --offsets` reads the file
# (the example is NFC, LF-ended), its '*' sentences the brief's, and
# the brief keeps ilp-pos's pairs (200 words: the brief holds one); a
# part's "brief" is its number in the brief, or the brief sentence that
# states its fact, which cites its article
"$PRECIS" explain -f json --words 200 examples/harbor-fire/ >"$T/ex.json" 2>"$T/err"
rc=$?
"$PRECIS" -f json --words 200 examples/harbor-fire/ >"$T/brief.json" 2>>"$T/err"
if [ $rc -eq 0 ] && command -v python3 >/dev/null 2>&1; then
  python3 - "$T/ex.json" "$T/brief.json" "$EX" <<'EOF2'
import json, os, sys
ex = json.load(open(sys.argv[1]))
brief = json.load(open(sys.argv[2]))
files = sorted(os.listdir(sys.argv[3]))
assert len(ex["articles"]) == len(files) == 5, ex["articles"]
took = []
for art, name in zip(ex["articles"], files):
    raw = open(os.path.join(sys.argv[3], name), "rb").read()
    end = 0
    for p in art["parts"]:
        b = p["text"].encode()
        assert p["offset"] >= end and len(b) == p["length"], p
        assert raw[p["offset"]:p["offset"] + p["length"]] == b, p
        assert (p["why"] is None) == (p["kind"] in ("sentence", "brief")), p
        end = p["offset"] + p["length"]
        if p["kind"] == "brief":
            took.append(p["text"])
    # ilp-pos's pairs: a sentence with "before" is in the brief only with
    # the sentence before it, one with "after" only with the one after
    sents = [p for p in art["parts"] if p["kind"] not in ("boilerplate", "cut")]
    for i, p in enumerate(sents):
        if p["kind"] == "brief" and "before" in p:
            assert i > 0 and sents[i - 1]["kind"] == "brief", p
        if p["kind"] == "brief" and "after" in p:
            assert i + 1 < len(sents) and sents[i + 1]["kind"] == "brief", p
        if "cannot be quoted" in (p["why"] or ""):
            assert p["kind"] == "left-out" and ("before" in p or "after" in p), p
pairs = [p for a in ex["articles"] for p in a["parts"] if "before" in p]
assert any(p["kind"] == "brief" for p in pairs), "no pair in the brief"
kinds = {p["kind"] for a in ex["articles"] for p in a["parts"]}
assert kinds == {"sentence", "brief", "left-out", "boilerplate", "cut"}, kinds
want = [s["text"] for s in brief["sentences"]]
assert sorted(took) == sorted(want), (took, want)
# "brief": a brief part's own number; another part's is a brief sentence
# that cites this article (the attribution's test), and some do
restated = 0
for art in ex["articles"]:
    for p in art["parts"]:
        if "brief" not in p:
            assert p["kind"] in ("sentence", "boilerplate", "cut", "left-out"), p
            assert p["kind"] != "brief", p
            continue
        s = brief["sentences"][p["brief"] - 1]
        if p["kind"] == "brief":
            assert s["text"] == p["text"] and s["source"] == art["index"], p
        else:
            assert p["kind"] in ("sentence", "left-out"), p
            assert art["index"] in s["supported_by"], (p, s)
            restated += p["kind"] == "sentence"
assert all("brief" in p for a in ex["articles"] for p in a["parts"]
           if p["kind"] == "brief")
assert restated >= 5, restated
EOF2
  check $? "explain: JSON parts are byte-exact spans in order; '*' is the brief; 'brief' numbers"
else
  skip "explain: JSON parts check" "exit $rc or python3 absent"
fi
# pairs are ilp-pos's: another selector's explain shows none
"$PRECIS" explain -a lead examples/harbor-fire/ >"$T/lead.txt" 2>"$T/err"
rc=$?
! grep -q "with the sentence" "$T/lead.txt" && [ $rc -eq 0 ] &&
  grep -q "^\*" "$T/lead.txt"
check $? "explain -a lead: no pairs, the brief marked"
fails "explain: unknown format" 2 "unknown format 'xml' (text, json)" \
  explain --format xml examples/harbor-fire/

# ---- input forms ----
cat "$EX/coastal-herald.txt" | "$PRECIS" --format json >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q '"name": "stdin"' "$T/out"; then
  ok "stdin: one article named stdin"
else
  notok "stdin input"
fi

# "-" names standard input beside files: stdin's article plus a file's
cat "$EX/coastal-herald.txt" |
  "$PRECIS" --format json - "$EX/northport-wire.txt" >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q '"name": "stdin"' "$T/out" &&
  grep -q '"name": "northport-wire"' "$T/out"; then
  ok "'-' reads standard input among paths"
else
  notok "'-' among paths: $(cat "$T/err")"
fi

{
  cat "$EX/coastal-herald.txt"
  printf '\n|||||\n'
  cat "$EX/northport-wire.txt"
  printf ' story_separator_special_tag '
  cat "$EX/radio-ketterby.txt"
} >"$T/joined.txt"
"$PRECIS" --format json "$T/joined.txt" >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q '"name": "joined #3"' "$T/out" &&
  ! grep -q '"name": "joined #4"' "$T/out"; then
  ok "separators: ||||| and story_separator_special_tag split 3 articles"
else
  notok "separators split articles"
fi

"$PRECIS" --format json "$EX/coastal-herald.txt" "$EX/radio-ketterby.txt" \
  >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q '"name": "coastal-herald"' "$T/out" &&
  grep -q '"name": "radio-ketterby"' "$T/out"; then
  ok "files: outlet names from file names"
else
  notok "files: outlet names from file names"
fi

# Budget and byte-exact spans, checked from the JSON output.
if command -v python3 >/dev/null 2>&1; then
  for w in 25 60 150; do
    "$PRECIS" --format json --words $w "$EX" >"$T/out" 2>/dev/null
    if python3 - "$T/out" "$EX" $w <<'EOF'
import json, os, sys
out = json.load(open(sys.argv[1]))
files = sorted(f for f in os.listdir(sys.argv[2]) if not f.startswith('.'))
words = 0
for s in out['sentences']:
    data = open(os.path.join(sys.argv[2], files[s['source'] - 1]), 'rb').read()
    span = data[s['offset']:s['offset'] + s['length']].decode('utf-8')
    assert span == s['text'], (span, s['text'])
    assert s['source'] in s['supported_by']
    words += len(s['text'].split())
assert 0 < words <= int(sys.argv[3]), words
EOF
    then ok "--words $w: within budget, spans byte-exact in the files"
    else notok "--words $w: budget or spans"
    fi
  done
else
  ok "budget/span checks # skip python3 absent"
fi

# ---- errors: clear message naming the input, exit 2 ----
: >"$T/empty.txt"
printf 'abc\000\001\002def' >"$T/binary.bin"
mkdir -p "$T/emptydir"
printf '   \n\n  \n' >"$T/blank.txt"
fails "missing path" 2 "no-such-file.txt: No such file" "$T/no-such-file.txt"
fails "empty file" 2 "empty.txt: empty input" "$T/empty.txt"
fails "blank file" 2 "blank.txt: empty input" "$T/blank.txt"
fails "binary file" 2 "binary.bin: input looks like binary" "$T/binary.bin"
fails "empty directory" 2 "emptydir: directory holds no articles" \
  "$T/emptydir"
fails "unknown option" 2 "unknown option '--frobnicate'" --frobnicate
fails "bad number" 2 "invalid length 'ten'" --words ten
fails "zero budget" 2 "invalid length '0'" --words 0
fails "two budgets" 2 "only one of" --words 10 --bytes 100
fails "missing argument" 2 "--words requires an argument" --words
fails "unknown algorithm" 2 "unknown algorithm 'nope'" --algorithm nope
fails "unknown format" 2 "unknown format 'xml'" --format xml
fails "size cap" 2 "coastal-herald.txt: input over the size limit" \
  --max-doc-bytes 100 "$EX/coastal-herald.txt"
fails "all boilerplate" 2 "no usable text" "$ROOT/tests/cli/boiler.txt"
fails "sentences: binary file" 2 "binary.bin: input looks like binary" \
  sentences "$T/binary.bin"
# precis sentences prints invalid UTF-8 as U+FFFD (offsets stay the
# input's), says how many on stderr, and exits 0
printf 'The mayor \377 said so.\nThe bridge \303( reopens Monday.\n' \
  >"$T/badutf8.txt"
"$PRECIS" sentences --offsets "$T/badutf8.txt" >"$T/s.out" 2>"$T/s.err"
rc=$?
printf '0\t20\tThe mayor \357\277\275 said so.\n21\t29\tThe bridge \357\277\275( reopens Monday.\n' \
  >"$T/s.want"
[ $rc -eq 0 ] && cmp -s "$T/s.out" "$T/s.want" &&
  grep -q 'badutf8.txt: 2 invalid UTF-8 sequences printed as U+FFFD' \
    "$T/s.err"
check $? "sentences: invalid UTF-8 printed as U+FFFD, counted, exit 0"
if [ -r /root ] && [ "$(id -u)" -ne 0 ]; then :; fi
chmod 000 "$T/blank.txt"
if [ "$(id -u)" -ne 0 ]; then
  fails "unreadable file" 2 "blank.txt: Permission denied" "$T/blank.txt"
else
  ok "unreadable file # skip running as root"
fi

# ---- an unusable input is reported and skipped, the others summarized,
# exit 2 at the end (grep/tar); no usable input left: exit 2, no brief ----
mkdir -p "$T/some"
cp "$EX/coastal-herald.txt" "$T/some/a.txt"
: >"$T/some/b.txt"
printf 'abc\000\001\002def' >"$T/some/c.bin"
"$PRECIS" "$T/some/a.txt" >"$T/alone" 2>/dev/null
"$PRECIS" "$T/some" >"$T/out" 2>"$T/err"
rc=$?
printf 'precis: %s: empty input\nprecis: %s: input looks like binary data\n' \
  "$T/some/b.txt" "$T/some/c.bin" >"$T/want.err"
if [ $rc -eq 2 ] && [ -s "$T/out" ] && cmp -s "$T/out" "$T/alone" &&
  cmp -s "$T/err" "$T/want.err"; then
  ok "skipped input: directory with an empty and a binary file: brief of the rest, two notices, exit 2"
else
  notok "skipped input: directory with bad files (exit $rc)"
  sed 's/^/# /' "$T/err" | head -5
fi
"$PRECIS" -q "$T/some" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 2 ] && cmp -s "$T/out" "$T/alone" && cmp -s "$T/err" "$T/want.err"
check $? "skipped input: -q does not silence the notices (they are errors)"
"$PRECIS" --format json "$T/some" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && cmp -s "$T/err" "$T/want.err" &&
  grep -q "^    {\"input\": \"$T/some/b.txt\", \"error\": \"empty input\"},\$" \
    "$T/out" &&
  grep -q "^    {\"input\": \"$T/some/c.bin\", \"error\": \"input looks like binary data\"}\$" \
    "$T/out"; then
  ok "skipped input: --format json lists the skipped inputs"
else
  notok "skipped input: --format json (exit $rc)"
  tail -n 6 "$T/out" | sed 's/^/# /'
fi
if command -v python3 >/dev/null 2>&1; then
  python3 - "$T/out" "$T/some" <<'EOF2'
import json, sys
o = json.load(open(sys.argv[1]))
d = sys.argv[2]
assert list(o)[-1] == "skipped", list(o)
assert o["skipped"] == [
    {"input": d + "/b.txt", "error": "empty input"},
    {"input": d + "/c.bin", "error": "input looks like binary data"}], o
assert [s["name"] for s in o["sources"]] == ["a"], o["sources"]
EOF2
  check $? "skipped input: the JSON parses, \"skipped\" last, the sources the usable file's"
else
  skip "skipped input: JSON parse check" "python3 absent"
fi
"$PRECIS" --format json "$EX/coastal-herald.txt" >"$T/out" 2>&1
[ $? -eq 0 ] && ! grep -q '"skipped"' "$T/out"
check $? "skipped input: no \"skipped\" member when nothing was skipped"

mkdir -p "$T/allbad"
: >"$T/allbad/b.txt"
printf 'abc\000\001\002def' >"$T/allbad/c.bin"
for f in text json; do
  "$PRECIS" --format $f "$T/allbad" >"$T/out" 2>"$T/err"
  rc=$?
  if [ $rc -eq 2 ] && [ ! -s "$T/out" ] &&
    grep -q 'allbad/b.txt: empty input' "$T/err" &&
    grep -q 'allbad/c.bin: input looks like binary data' "$T/err" &&
    [ "$(wc -l <"$T/err")" -eq 2 ]; then
    ok "skipped input: no usable file left ($f): exit 2, no output, the two notices"
  else
    notok "skipped input: all-bad directory ($f, exit $rc)"
    sed 's/^/# /' "$T/err" | head -5
  fi
done

# a path named on the command line that does not exist is an input like
# the others (as in grep): reported, skipped, exit 2
"$PRECIS" "$T/some/a.txt" "$T/no-such.txt" "$T/emptydir" >"$T/out" \
  2>"$T/err"
rc=$?
[ $rc -eq 2 ] && cmp -s "$T/out" "$T/alone" &&
  grep -q 'no-such.txt: No such file or directory' "$T/err" &&
  grep -q 'emptydir: directory holds no articles' "$T/err"
check $? "skipped input: a missing path and an empty directory beside a file: brief, exit 2"

# a joined file: only the bad part is skipped
{
  cat "$EX/coastal-herald.txt"
  printf '\n|||||\n'
  printf 'abc\000\001\002def'
  printf '\n|||||\n'
  cat "$EX/northport-wire.txt"
} >"$T/joined-bad.txt"
"$PRECIS" --format json "$T/joined-bad.txt" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 2 ] && grep -q '"name": "joined-bad #1"' "$T/out" &&
  grep -q '"name": "joined-bad #3"' "$T/out" &&
  grep -q 'joined-bad.txt (article 2): input looks like binary data' \
    "$T/err" &&
  grep -q '"input": ".*joined-bad.txt (article 2)"' "$T/out"
check $? "skipped input: a joined file's binary part is skipped, its other parts kept"

# an unreadable file in a directory (root reads it anyway)
if [ "$(id -u)" -ne 0 ]; then
  mkdir -p "$T/locked"
  cp "$EX/coastal-herald.txt" "$T/locked/a.txt"
  cp "$EX/northport-wire.txt" "$T/locked/z.txt"
  chmod 000 "$T/locked/z.txt"
  "$PRECIS" "$T/locked" >"$T/out" 2>"$T/err"
  rc=$?
  chmod 644 "$T/locked/z.txt"
  [ $rc -eq 2 ] && cmp -s "$T/out" "$T/alone" &&
    [ "$(cat "$T/err")" = "precis: $T/locked/z.txt: Permission denied" ]
  check $? "skipped input: an unreadable file in a directory: brief of the rest, exit 2"
else
  skip "skipped input: an unreadable file in a directory" "running as root"
fi

# ---- JSONL batch errors: report the line, go on, exit 2 at the end ----
{
  printf '{"id": "a", "documents": ["One short article about a fire at the port of Ketterby that burned for six hours on Tuesday night."]}\n'
  printf '{"id": "b", "documents": [\n'
  printf '\n'
  printf '{"id": "c", "documents": [{"text": "Another article says the port of Ketterby will reopen on Friday after the inspections end.", "source": "Wire"}]}\n'
  printf '{"id": "d"}\n'
} >"$T/batch.jsonl"
"$PRECIS" --jsonl "$T/batch.jsonl" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$T/out")" -eq 4 ] &&
  grep -q 'batch.jsonl:2: malformed JSON' "$T/err" &&
  grep -q 'batch.jsonl:5: expected an object' "$T/err" &&
  sed -n 3p "$T/out" | grep -q '"id": "c"'; then
  ok "jsonl: bad lines reported by number, others summarized, exit 2"
else
  notok "jsonl: bad lines (exit $rc)"
  sed 's/^/# /' "$T/err" "$T/out" | head -10
fi

# ---- a JSONL line's unusable document is reported, skipped, and listed
# under that line's "skipped"; the line is summarized from the others, an
# empty document is kept (Multi-News has some), other lines are as they
# were, exit 2 ----
D1='"One short article about a fire at the port of Ketterby that burned for six hours on Tuesday night."'
D2='{"text": "Another article says the port of Ketterby will reopen on Friday after the inspections end.", "source": "Wire"}'
BIN='"\u0001\u0002\u0003binary binary binary binary binary binary binary binary binary"'
printf '{"id": "a", "documents": [%s, %s, "", %s]}\n' "$D1" "$BIN" "$D2" \
  >"$T/skip.jsonl"
printf '{"id": "b", "documents": [%s, %s]}\n' "$D1" "$D2" >>"$T/skip.jsonl"
printf '{"id": "c", "documents": [%s, 7]}\n' "$BIN" >>"$T/skip.jsonl"
# the same lines without the unusable documents: the output expected
printf '{"id": "a", "documents": [%s, "", %s]}\n' "$D1" "$D2" >"$T/kept.jsonl"
printf '{"id": "b", "documents": [%s, %s]}\n' "$D1" "$D2" >>"$T/kept.jsonl"
"$PRECIS" --jsonl "$T/kept.jsonl" >"$T/kept.out" 2>"$T/err"
rc=$?
S=',"skipped": [{"input": "'$T'/skip.jsonl:1: document 2", "error": "input looks like binary data"}]}'
{
  sed -n '1s/}$//p' "$T/kept.out" | tr -d '\n'
  printf '%s\n' "$S"
  sed -n 2p "$T/kept.out"
  printf '%s%s%s\n' '{"id":"c","error":"no usable text","summary":"",' \
    '"skipped":[{"input":"'$T'/skip.jsonl:3: document 1","error":"input looks like binary data"},' \
    '{"input":"'$T'/skip.jsonl:3: document 2","error":"no text or html member"}]}'
} >"$T/want"
printf 'precis: %s: %s\n' \
  "$T/skip.jsonl:1: document 2" "input looks like binary data" \
  "$T/skip.jsonl:3: document 1" "input looks like binary data" \
  "$T/skip.jsonl:3: document 2" "no text or html member" >"$T/want.err"
"$PRECIS" -q --jsonl "$T/skip.jsonl" >"$T/out" 2>"$T/err"
rc2=$?
if [ $rc -eq 0 ] && [ $rc2 -eq 2 ] && cmp -s "$T/out" "$T/want" &&
  cmp -s "$T/err" "$T/want.err" && ! grep -q '"skipped"' "$T/kept.out"; then
  ok "jsonl: a binary document is skipped and listed under its line's \"skipped\"; other lines unchanged; exit 2"
else
  notok "jsonl: skipped documents (exit $rc/$rc2)"
  diff "$T/want" "$T/out" | cut -c1-200 | sed 's/^/# /' | head -10
  diff "$T/want.err" "$T/err" | sed 's/^/# /' | head -10
fi
if command -v python3 >/dev/null 2>&1; then
  python3 - "$T/out" <<'EOF2'
import json, sys
o = [json.loads(l) for l in open(sys.argv[1])]
assert [list(x)[-1] for x in o] == ["skipped", "sources", "skipped"], o
assert [s["name"] for s in o[0]["sources"]] == ["Source 1", "Source 2", "Wire"]
EOF2
  check $? "jsonl: the lines with \"skipped\" parse, the empty document kept"
else
  skip "jsonl: skipped JSON parse check" "python3 absent"
fi
"$PRECIS" report --jsonl "$T/skip.jsonl" >"$T/out" 2>/dev/null
rc=$?
# the report's JSONL is compact: ":" after keys
S=',"skipped":[{"input":"'$T'/skip.jsonl:1: document 2","error":"input looks like binary data"}]}'
case $rc:$(sed -n 1p "$T/out") in
2:*"$S") ! sed -n 2p "$T/out" | grep -q '"skipped":' ;;
*) false ;;
esac
check $? "report --jsonl: the line's skipped documents listed the same way"

# ---- past PRECIS_MAX_DOCS (4096) articles, the rest of an input is not
# read, and is reported once by its range, not once per article; the
# first 4096 are summarized, exit 2 ----
FULL='not read: a cluster holds at most 4096 articles'
# full_once NAME WANT-LINE : stderr is that one line; a brief was written
full_once() {
  if [ $rc -eq 2 ] && [ -s "$T/out" ] && [ "$(cat "$T/err")" = "$2" ]; then
    ok "$1"
  else
    notok "$1 (exit $rc)"
    head -3 "$T/err" | sed 's/^/# stderr: /'
  fi
}
mkdir -p "$T/many"
awk -v d="$T/many" 'BEGIN { for (i = 1; i <= 4100; i++) {
  f = sprintf("%s/a%04d.txt", d, i)
  printf "Report %d says the harbor fire burned for six hours on Tuesday.\n", i > f
  close(f) } }'
"$PRECIS" "$T/many" >"$T/out" 2>"$T/err"
rc=$?
full_once "cap: a directory's entries past 4096 are one message" \
  "precis: $T/many/a4097.txt to a4100.txt (4 entries): $FULL"
rm "$T/many/a4098.txt" "$T/many/a4099.txt" "$T/many/a4100.txt"
"$PRECIS" "$T/many" >"$T/out" 2>"$T/err"
rc=$?
full_once "cap: one entry past 4096 is named alone" \
  "precis: $T/many/a4097.txt: $FULL"
rm -r "$T/many"
# 4,101 parts, the last blank: articles 4097 to 4100
awk 'BEGIN { for (i = 1; i <= 4100; i++)
  printf "Part %d says the harbor fire burned for six hours.\n|||||\n", i
  print "" }' >"$T/parts.txt"
"$PRECIS" "$T/parts.txt" >"$T/out" 2>"$T/err"
rc=$?
full_once "cap: a joined file's parts past 4096 are one message" \
  "precis: $T/parts.txt (articles 4097 to 4100): $FULL"
# one JSONL line of 4,100 documents, one of 4,097
awk 'BEGIN { for (k = 4100; k >= 4097; k -= 3) {
  printf "{\"id\": \"n%d\", \"documents\": [", k
  for (i = 1; i <= k; i++)
    printf "%s\"Item %d says the harbor fire burned for six hours.\"",
      (i > 1 ? ", " : ""), i
  print "]}" } }' >"$T/wide.jsonl"
"$PRECIS" --jsonl "$T/wide.jsonl" >"$T/out" 2>"$T/err"
rc=$?
printf 'precis: %s: %s\n' "$T/wide.jsonl:1: documents 4097 to 4100" "$FULL" \
  "$T/wide.jsonl:2: document 4097" "$FULL" >"$T/want.err"
if [ $rc -eq 2 ] && cmp -s "$T/err" "$T/want.err" &&
  [ "$(grep -c '"skipped": \[{"input": "[^"]*", "error": "not read: [^"]*"}\]}$' "$T/out")" -eq 2 ]; then
  ok "cap: a JSONL line's documents past 4096 are one message and one \"skipped\" entry"
else
  notok "cap: JSONL documents past 4096 (exit $rc)"
  diff "$T/want.err" "$T/err" | head -5 | sed 's/^/# /'
fi

# ---- JSONL lines as getline gave them: CRLF ends, blank lines, the last
# line without '\n' ----
A='{"id": "a", "documents": ["One short article about a fire at the port of Ketterby that burned for six hours on Tuesday night."]}'
C='{"id": "c", "documents": ["Another article says the port of Ketterby will reopen on Friday after the inspections end."]}'
printf '%s\r\n{"id": "b", "documents": ["x y"]}\r\n\r\n%s' "$A" "$C" \
  >"$T/lines.jsonl"
"$PRECIS" --jsonl "$T/lines.jsonl" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 3 ] &&
  [ "$(wc -l <"$T/err")" -eq 1 ] &&
  grep -q 'lines.jsonl:2: no usable text in this cluster' "$T/err" &&
  sed -n 1p "$T/out" | grep -q '"id": "a"' &&
  sed -n 3p "$T/out" | grep -q '"id": "c",.*"summary": "Another article'; then
  ok "jsonl: CRLF, blank line, last line without newline"
else
  notok "jsonl: CRLF / blank / last line (exit $rc)"
  sed 's/^/# /' "$T/err" "$T/out" | head -10
fi

# ---- a NUL byte is binary data, never JSON: the line that holds it gets
# an error line and the file is read no further (one message, not one per
# line of a binary file; /dev/zero, with no '\n' at all, ends at once) ----
printf '%s\n{"id": "b", "documents": ["x\000y"]}\n%s\n' "$A" "$C" \
  >"$T/nul.jsonl"
"$PRECIS" --jsonl "$T/nul.jsonl" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$T/out")" -eq 2 ] &&
  [ "$(wc -l <"$T/err")" -eq 1 ] &&
  grep -q 'nul.jsonl:2: binary data (a NUL byte), not JSON lines; the rest of .*nul.jsonl is not read' "$T/err" &&
  sed -n 1p "$T/out" | grep -q '"id": "a"' &&
  [ "$(sed -n 2p "$T/out")" = '{"id":null,"error":"binary data","summary":""}' ]; then
  ok "jsonl: a NUL byte stops the file with one error line, exit 2"
else
  notok "jsonl: a NUL byte (exit $rc)"
  sed 's/^/# /' "$T/err" "$T/out" | head -10
fi
timeout 60 "$PRECIS" --jsonl /dev/zero "$T/lines.jsonl" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$T/out")" -eq 4 ] &&
  grep -q '^precis: /dev/zero:1: binary data' "$T/err" &&
  sed -n 4p "$T/out" | grep -q '"id": "c"'; then
  ok "jsonl: /dev/zero ends at its first bytes; the next file is read"
else
  notok "jsonl: /dev/zero (exit $rc)"
  sed 's/^/# /' "$T/err" | head -5
fi

# ---- what the JSON parser (json-c, strict) refuses, each line by
# number with its reason and column, and the lines around it summarized:
# bytes that are not UTF-8, text after the object, a trailing comma, an
# array nested past the parser's depth; a \u0000 inside a document is
# the document's business (a binary document is skipped, not cut) ----
{
  printf '%s\n' "$A"
  printf '{"id": "b", "documents": ["caf\351 fire"]}\n'
  printf '{"id": "c", "documents": ["x"]} trailing\n'
  printf '{"id": "d", "documents": ["x",]}\n'
  printf '{"id": "e", "documents": %s1%s}\n' \
    "$(printf '[%.0s' $(seq 600))" "$(printf ']%.0s' $(seq 600))"
  printf '{"id": "f", "documents": ["a\\u0000b"]}\n'
  printf '%s\n' "$C"
} >"$T/refuse.jsonl"
"$PRECIS" --jsonl "$T/refuse.jsonl" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$T/out")" -eq 7 ] &&
  grep -q 'refuse.jsonl:2: malformed JSON: invalid utf-8 string (column 32)' "$T/err" &&
  grep -q 'refuse.jsonl:3: malformed JSON: unexpected character (column 33)' "$T/err" &&
  grep -q 'refuse.jsonl:4: malformed JSON: unexpected character (column 31)' "$T/err" &&
  grep -q 'refuse.jsonl:5: malformed JSON: nesting too deep' "$T/err" &&
  grep -q 'refuse.jsonl:6: document 1: ' "$T/err" &&
  [ "$(grep -c '"error":"malformed JSON"' "$T/out")" -eq 4 ] &&
  sed -n 1p "$T/out" | grep -q '"id": "a"' &&
  sed -n 7p "$T/out" | grep -q '"id": "c",.*"summary": "Another article'; then
  ok "jsonl: non-UTF-8, trailing text, trailing comma, deep nesting refused by line and column"
else
  notok "jsonl: the JSON parser's refusals (exit $rc)"
  sed 's/^/# /' "$T/err" "$T/out" | head -12
fi

# a read error (a directory) names the input, as for other files
fails "jsonl: a directory" 2 "emptydir: Is a directory" --jsonl "$T/emptydir"

# ---- a JSONL line longer than INPUT_MAX_FILE_BYTES (256 MiB, the cap on a
# whole file) is not kept: reported by number with an error line, and the
# next line is summarized. The real cap, through a pipe (nothing on disk;
# under 1 s, about 2 s under ASan; the reader holds 256 MiB at most) ----
big=$(((256 << 20) + 1))
{
  printf '%s\n' "$A"
  head -c $big /dev/zero | tr '\000' x
  printf '\n%s\n' "$C"
} | "$PRECIS" --jsonl - >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$T/out")" -eq 3 ] &&
  grep -q '^precis: -:2: line longer than 268435456 bytes$' "$T/err" &&
  [ "$(sed -n 2p "$T/out")" = '{"id":null,"error":"line too long","summary":""}' ] &&
  sed -n 3p "$T/out" | grep -q '"id": "c",.*"summary": "Another article'; then
  ok "jsonl: a line over 256 MiB reported as -:2, skipped; the next is summarized; exit 2"
else
  notok "jsonl: over-long line (exit $rc)"
  sed 's/^/# /' "$T/err" | head -5
  cut -c1-200 "$T/out" | sed 's/^/# /' | head -5
fi

# ---- the brief's order: the outlets' majority, or the articles' order when
# their dates span days (--order overrides). The first article has the
# schedule, the two others tell the vote first. ----
S1='Work on the new Arlen bridge will start in April and take two years, the engineers said.'
S2='The Dunmore council approved the new Arlen bridge on Monday after a long debate.'
order_line() { # DATE1 DATE2 DATE3
  printf '{"id": "o", "documents": [{"text": "%s\\n\\nThe town has waited for a second crossing since the old ferry closed in 1998.", "date": "%s"}, {"text": "%s\\n\\nResidents filled the hall for the vote.\\n\\n%s", "date": "%s"}, {"text": "%s\\n\\n%s", "date": "%s"}]}\n' \
    "$S1" "$1" "$S2" "$S1" "$2" "$S2" "$S1" "$3"
}
first_of() { sed 's/.*"summary": "\([^\\]*\)\\n.*/\1/'; }
order_line 2026-03-02 2026-03-02 2026-03-02 >"$T/order-day.jsonl"
order_line 2026-03-02 2026-03-03 2026-03-04 >"$T/order-days.jsonl"
a=$("$PRECIS" --jsonl -s 2 "$T/order-day.jsonl" | first_of)
b=$("$PRECIS" --jsonl -s 2 "$T/order-days.jsonl" | first_of)
c=$("$PRECIS" --jsonl -s 2 --order outlets "$T/order-days.jsonl" | first_of)
d=$("$PRECIS" --jsonl -s 2 --order source "$T/order-day.jsonl" | first_of)
if [ "$a" = "$S2" ] && [ "$b" = "$S1" ] && [ "$c" = "$S2" ] && [ "$d" = "$S1" ]
then ok "order: outlets' majority on one day, article order over days, --order overrides"
else
  notok "order: got '$a' / '$b' / '$c' / '$d'"
fi

# ---- drift: undated articles listed day by day (each shares a word list
# with its neighbours only) keep the source order; --order outlets keeps
# the majority; the same articles sharing one list throughout do not
# drift. S1 is first in the first article, the three others tell S2
# first. ----
W0='nepaze misahus pavoqui palopa kahusgal voruze nenedor vozegal zevoti quigalmi nequimi galhusze tidorka quifenlo mifenpa karufen kagalgal ruvopa dorhushus tidorfen'
W1='hustiti dorfenpa vohusmi hussalo kamivo neruqui tifenqui galruti zegalti pasaze patipa nehussa quihushus kagalru paquidor midorgal sazehus papalo dorquine quigalpa'
W2='rurulo lovogal quivolo safenlo tihusmi karuti fentigal lokapa pafenka tidorpa sazehus husruze nekaru kalolo pazeka netiru parumi dorkagal sasasa mihusgal'
W3='titivo galzeti quigalpa quizelo pafenze rutiqui dordorne husruti ruzeru zesaka fentipa sakati papaqui mikaqui quisavo saquihus sapador rudorvo kapaka quikasa'
fwd() { printf 'Notes: %s.' "$(echo "$1" | sed 's/ /, /g')"; }
rev() { printf 'Listed later: %s.' "$(echo "$1" | tr ' ' '\n' | tac | paste -sd, - | sed 's/,/, /g')"; }
x_of() { echo "$1" | sed 's/ /x /g; s/$/x/'; } # another list, no word shared
drift_line() { # the lists articles 1 to 5 name: 1; 2 2; 3 3; 4 4; 5
  printf '{"id": "d", "documents": [{"text": "%s"}, {"text": "%s"}, {"text": "%s"}, {"text": "%s"}, {"text": "%s"}]}\n' \
    "$S1\\n\\n$(fwd "$1")" \
    "$S2\\n\\n$S1\\n\\n$(rev "$2")\\n\\n$(fwd "$3")" \
    "$S2\\n\\n$S1\\n\\n$(rev "$4")\\n\\n$(fwd "$5")" \
    "$S2\\n\\n$S1\\n\\n$(rev "$6")\\n\\n$(fwd "$7")" \
    "$(rev "$8")"
}
# neighbours share a list: drift
drift_line "$W0" "$W0" "$W1" "$W1" "$W2" "$W2" "$W3" "$W3" >"$T/drift.jsonl"
# every list named once: no drift
drift_line "$W0" "$(x_of "$W0")" "$W1" "$(x_of "$W1")" "$W2" "$(x_of "$W2")" \
  "$W3" "$(x_of "$W3")" >"$T/nodrift.jsonl"
a=$("$PRECIS" --jsonl -s 2 "$T/drift.jsonl" | first_of)
b=$("$PRECIS" --jsonl -s 2 --order outlets "$T/drift.jsonl" | first_of)
c=$("$PRECIS" --jsonl -s 2 "$T/nodrift.jsonl" | first_of)
if [ "$a" = "$S1" ] && [ "$b" = "$S2" ] && [ "$c" = "$S2" ]
then ok "order: drifting undated articles keep their order, --order outlets the majority"
else
  notok "order (drift): got '$a' / '$b' / '$c'"
fi

# ---- invalid UTF-8 is replaced, counted, reported with -v ----
# (UTF-8 text with a few broken bytes: its multi-byte sequences outnumber
# them four to one, so it is not read as windows-1252)
printf 'The caf\303\251 \342\200\234Le Port\342\200\235 of Ketterby reopened on Friday after a fire \377\376 that burned for six hours \342\200\224 na\303\257ve crews from Sm\303\270rgrav and G\303\266teborg \342\200\246 said on Friday.\n' \
  >"$T/bad-utf8.txt"
"$PRECIS" -v "$T/bad-utf8.txt" >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q '2 invalid UTF-8 replaced' "$T/err" &&
  grep -q "$(printf '\357\277\275')" "$T/out" && ! grep -q 'windows-1252' "$T/err"
then
  ok "invalid UTF-8: replaced by U+FFFD and reported"
else
  notok "invalid UTF-8 handling"
  sed 's/^/# /' "$T/err" | head -5
fi

# ---- text that is not UTF-8: windows-1252 said, UTF-16 read ----
S='The caf\351 on Quay Road in Ketterby was closed by the council on Monday after a fire inspection.'
printf "$S\\n" >"$T/cp1252.txt"
"$PRECIS" "$T/cp1252.txt" >"$T/out" 2>"$T/err"
rc=$?
"$PRECIS" -q "$T/cp1252.txt" >"$T/out-q" 2>"$T/err-q"
if [ $rc -eq 0 ] && grep -q "cp1252.txt: not UTF-8; read as windows-1252" "$T/err" &&
  grep -q "$(printf 'The caf\303\251 on Quay Road')" "$T/out" && [ ! -s "$T/err-q" ] &&
  cmp -s "$T/out" "$T/out-q"
then ok "windows-1252 text: decoded, and the guess said (not with -q)"
else
  notok "windows-1252 text"
  sed 's/^/# /' "$T/err" | head -5
fi
if command -v iconv >/dev/null 2>&1; then
  # the example's article as UTF-16LE with a byte-order mark, and as
  # UTF-16BE without one: the same brief as the UTF-8 file's
  A="$EX/coastal-herald.txt"
  mkdir -p "$T/le" "$T/be"
  { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$A"; } >"$T/le/coastal-herald.txt"
  iconv -f UTF-8 -t UTF-16BE "$A" >"$T/be/coastal-herald.txt"
  "$PRECIS" -q -f json "$A" >"$T/u8.json"
  "$PRECIS" -v -f json "$T/le/coastal-herald.txt" 2>"$T/err" >"$T/le.json"
  "$PRECIS" -q -f json "$T/be/coastal-herald.txt" >"$T/be.json"
  if grep -q 'le/coastal-herald.txt: UTF-16; read as utf-16le' "$T/err" &&
    [ "$(grep -c '"text"' "$T/u8.json")" -gt 2 ] &&
    cmp -s "$T/u8.json" "$T/le.json" && cmp -s "$T/u8.json" "$T/be.json"
  then ok "UTF-16 text (LE with a mark, BE by its NULs): the UTF-8 file's brief"
  else
    notok "UTF-16 text"
    sed 's/^/# /' "$T/err" | head -5
  fi
else
  skip "UTF-16 text" "iconv absent"
fi

# ---- a directory's other entries are skipped, and said so (not with -q) ----
mkdir -p "$T/mixed/sub"
cp "$EX/coastal-herald.txt" "$T/mixed/a.txt"
ln -s missing.txt "$T/mixed/broken.txt"
"$PRECIS" "$T/mixed" >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && [ -s "$T/out" ] &&
  grep -q 'mixed/sub: skipped (a directory; precis does not descend)' "$T/err" &&
  grep -q 'mixed/broken.txt: skipped (No such file or directory)' "$T/err"
then ok "directory: a subdirectory and a broken link are skipped with a warning"
else
  notok "directory: skipped entries not reported"
  sed 's/^/# /' "$T/err" | head -5
fi
"$PRECIS" -q "$T/mixed" >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && [ -s "$T/out" ] && [ ! -s "$T/err" ]
then ok "directory: -q silences the skipped-entry warnings"
else notok "directory: -q still warns"
fi

# ---- the outlet's own voice ----
# Radio Ketterby's "... spoke to our reporter at the scene." is the outlet
# speaking of itself: left out of a brief unless --keep-outlet-voice.
"$PRECIS" -w 60 "$EX" >"$T/out" 2>"$T/err"
"$PRECIS" -w 60 --keep-outlet-voice "$EX" >"$T/keep" 2>>"$T/err"
if ! grep -q 'our reporter' "$T/out" && grep -q 'spoke to our reporter' "$T/keep"
then ok "--keep-outlet-voice keeps 'spoke to our reporter', the default leaves it out"
else notok "--keep-outlet-voice: $(cat "$T/err")"
fi

# ---- a budget no sentence fits: an empty brief (not an error: exit 0),
# said on stderr (not with -q) and in the JSON's note, per line in batch
# mode; --allow-overflow takes one sentence across the budget ----
"$PRECIS" -w 3 "$EX" >"$T/out" 2>"$T/err"
rc=$?
"$PRECIS" -w 3 -q -f json "$EX" >"$T/json" 2>"$T/qerr"
rc2=$?
"$PRECIS" --jsonl -b 5 "$ROOT/examples/harbor-fire.jsonl" >"$T/jl" 2>"$T/jerr"
rc3=$?
"$PRECIS" -w 3 --allow-overflow "$EX" >"$T/over" 2>"$T/oerr"
if [ $rc -eq 0 ] && [ $rc2 -eq 0 ] && [ $rc3 -eq 0 ] &&
  [ "$(cat "$T/err")" = 'precis: no sentence fits in 3 words (--allow-overflow lets one sentence cross the budget)' ] &&
  [ "$(head -1 "$T/out")" = '' ] && grep -q '^\[5\] ' "$T/out" &&
  [ ! -s "$T/qerr" ] &&
  grep -q '"note": "no sentence fits the budget"' "$T/json" &&
  grep -q '"sentences": \[\]' "$T/json" &&
  grep -q 'harbor-fire.jsonl:1: no sentence fits in 5 bytes' "$T/jerr" &&
  grep -q '"note": "no sentence fits the budget"' "$T/jl" &&
  [ ! -s "$T/oerr" ] && head -1 "$T/over" | grep -q '[a-z].* \[[0-9,]*\]$' &&
  ! grep -q '"note": "no sentence fits' "$T/brief.json"; then
  ok "a budget no sentence fits: empty brief, stderr and JSON note say so, exit 0"
else
  notok "empty brief (exit $rc $rc2 $rc3)"
  sed 's/^/# /' "$T/err" "$T/jerr" "$T/oerr" | head -6
fi

# ---- help and version ----
"$PRECIS" --help >"$T/out" 2>&1
if [ $? -eq 0 ] && grep -q 'allow-overflow' "$T/out" &&
  grep -q 'never exceeds the budget' "$T/out"; then
  ok "--help states the budget rule"
else
  notok "--help"
fi
# each command's own --help text, -h too, wherever it stands before "--";
# after "--" it is a path
"$PRECIS" explain -w 50 -h >"$T/out" 2>&1 && grep -q '^Usage: precis explain' "$T/out" &&
  "$PRECIS" report --help >"$T/out" 2>&1 && grep -q '^Usage: precis report' "$T/out" &&
  "$PRECIS" -q -h >"$T/out" 2>&1 && grep -q '^Usage: precis \[' "$T/out" &&
  ! "$PRECIS" -- -h >"$T/out" 2>&1 && grep -q -- '-h: No such file' "$T/out"
check $? "-h/--help: precis, explain and report print their usage, exit 0"
"$PRECIS" --list-algorithms >"$T/out" 2>&1
if [ $? -eq 0 ] && grep -q '(default)' "$T/out" && grep -q '^lead-rr' "$T/out"
then ok "--list-algorithms"
else notok "--list-algorithms"
fi

tap_end
