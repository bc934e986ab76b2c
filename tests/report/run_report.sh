#!/bin/sh
# tests/report/run_report.sh — `precis report`: goldens on the bundled
# example, input forms, bad inputs, the seed-cluster checks and the quote
# grouping labels (when ../shared is present), and the HTML page in
# headless Chromium (when chromium is installed).
#
#   UPDATE=1 sh tests/report/run_report.sh   rewrites tests/report/golden/*
#
# Prints TAP lines for tests/run.sh. Gets $PRECIS, $ROOT, $BUILD from it;
# works standalone too. Screenshots go to $BUILD/tests/report-*.png.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib.sh"
G=$ROOT/tests/report/golden
EX=$ROOT/examples/harbor-fire
SEEDS=$ROOT/../shared/seeds
FULLDEV=$ROOT/../shared/data/multinews/full-dev.jsonl
LABELS=$ROOT/tests/data/quotes-labels.tsv
have_python() { command -v python3 >/dev/null 2>&1; }

# golden NAME ARGS... : `precis report ARGS` prints golden/NAME, exit 0
golden() {
  name=$1
  shift
  tap_golden "$G/$name" "golden $name" 0 "$PRECIS" report "$@"
}

# ---- goldens on the invented example ----
golden harbor.txt examples/harbor-fire/
golden harbor.md --format markdown examples/harbor-fire/
golden harbor.json --format json examples/harbor-fire/
golden harbor.html --format html examples/harbor-fire/

# the 60 vs 65 firefighters disagreement, side by side
grep -q '^firefighters (2 values):' "$G/harbor.txt" &&
  grep -q 'Sixty-five \[5\]' "$G/harbor.txt"
check $? "harbor: 60 vs 65 firefighters reported as a disagreement"

# ---- input forms ----
"$PRECIS" report --jsonl "$EX/../harbor-fire.jsonl" >"$T/jl" 2>"$T/err"
rc=$?
lines=$(wc -l <"$T/jl")
want=$(grep -c . "$EX/../harbor-fire.jsonl")
if [ $rc -eq 0 ] && [ "$lines" -eq "$want" ] &&
  grep -q '"schema":"precis-report/1"' "$T/jl"; then
  ok "jsonl: one report line per cluster ($lines)"
else
  notok "jsonl: exit $rc, $lines lines, want $want"
fi
cat "$EX"/*.txt | "$PRECIS" report --format json >"$T/stdin" 2>&1
check $? "stdin: a report from standard input"
printf '{"id": "x", "documents": 3}\nnot json\n' |
  "$PRECIS" report --jsonl >"$T/bad" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$T/bad")" -eq 2 ] &&
  grep -q '"error"' "$T/bad"; then
  ok "jsonl: bad lines give error lines, exit 2"
else
  notok "jsonl: bad lines (exit $rc)"
fi
"$PRECIS" report --jsonl --format html "$EX" >/dev/null 2>"$T/err"
[ $? -eq 2 ] && grep -q 'format must be json' "$T/err"
check $? "usage: --jsonl with --format html is refused"
"$PRECIS" report --format pdf "$EX" >/dev/null 2>&1
[ $? -eq 2 ]
check $? "usage: unknown format, exit 2"
mkdir "$T/empty"
"$PRECIS" report "$T/empty" >/dev/null 2>"$T/err"
[ $? -eq 2 ] && grep -q 'holds no articles' "$T/err"
check $? "empty directory: exit 2"
# an unusable input is skipped as for the brief: the report of the rest,
# the notice, exit 2, and "skipped" last in the JSON
mkdir "$T/some"
cp "$EX/coastal-herald.txt" "$EX/northport-wire.txt" "$T/some/"
: >"$T/some/empty.txt"
"$PRECIS" report --format json "$T/some" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 2 ] && grep -q '"schema": "precis-report/1"' "$T/out" &&
  [ "$(cat "$T/err")" = "precis: $T/some/empty.txt: empty input" ] &&
  [ "$(tail -n 4 "$T/out")" = "$(printf '  "skipped": [\n    {"input": "%s", "error": "empty input"}\n  ]\n}' "$T/some/empty.txt")" ]
check $? "skipped input: reported, the others reported on, JSON lists it, exit 2"

# ---- bad inputs ----
"$PRECIS" report "$EX/coastal-herald.txt" >"$T/one" 2>&1
rc=$?
[ $rc -eq 0 ] && grep -q 'needs at least two outlets' "$T/one"
check $? "one outlet: sections that compare outlets say so"
{
  printf 'The ferry service resumed on Monday after a week of storms in '
  printf 'the bay area.\n\nOfficials expect the timetable to return to '
  printf 'normal by the end of the month.\n'
} >"$T/noquotes.txt"
"$PRECIS" report --format json "$T/noquotes.txt" "$EX/coastal-herald.txt" \
  >"$T/nq.json" 2>&1
check $? "an outlet without quotations"
{
  printf 'The skipper said "we will sail when the wind drops and not '
  printf 'before that hour.\n\nThe harbour stayed quiet for the rest of '
  printf 'the long and windy day.\n'
} >"$T/unbalanced.txt"
"$PRECIS" report --format json "$T/unbalanced.txt" "$EX/coastal-herald.txt" \
  >"$T/ub.json" 2>&1
[ $? -eq 0 ] && grep -q '"unclosed": true' "$T/ub.json"
check $? "unbalanced quotation marks: quote runs to its paragraph's end"
{
  printf 'The minister said: "'
  i=0
  while [ $i -lt 2000 ]; do
    printf 'and the harbour will grow with the town for many years to come '
    i=$((i + 1))
  done
  printf 'end." That was all he said about the harbour plans.\n'
} >"$T/huge.txt"
"$PRECIS" report --format json "$T/huge.txt" "$EX/coastal-herald.txt" \
  >"$T/huge.json" 2>&1
[ $? -eq 0 ] && grep -q '"skipped_long": 1' "$T/huge.json"
check $? "a 128k-character quotation is counted, not listed"

# ---- the seed cluster (research data, not in the repository) ----
if [ ! -d "$SEEDS" ]; then
  skip "seeds: TV-image remark grouped across five outlets" "../shared absent"
elif ! have_python; then
  skip "seeds: TV-image remark grouped across five outlets" "python3 absent"
else
  "$PRECIS" report --format json "$SEEDS" >"$T/seeds.json" 2>"$T/err"
  python3 - "$T/seeds.json" "$SEEDS" <<'EOF'
import json, os, sys
r = json.load(open(sys.argv[1]))
names = sorted(n for n in os.listdir(sys.argv[2]) if not n.startswith("."))
official = 1 + [i for i, n in enumerate(names)
                if n.startswith("003_")][0]
want = None
for g in r["quotes"]["groups"]:
    texts = [v["text"].lower() for v in g["variants"]]
    if any("tv" in t and "different" in t for t in texts):
        want = g
        break
if want is None:
    print("# no group holds the TV-image remark"); sys.exit(1)
srcs = sorted(set(v["source"] for v in want["variants"]))
best = want["variants"][want["best"]]
print("# group %d: outlets %s, most complete from outlet %d: %s" %
      (want["id"], srcs, best["source"], best["text"][:70]))
tv = [g for g in r["quotes"]["groups"]
      if any("tv trump" in v["text"].lower() or "trump on tv" in
             v["text"].lower() or "television image" in v["text"].lower()
             for v in g["variants"])]
ok = len(srcs) == 5 and best["source"] == official and len(tv) == 1
sys.exit(0 if ok else 1)
EOF
  check $? "seeds: TV-image remark: one group, five outlets, transcript \
most complete"
fi

if [ ! -f "$FULLDEV" ] || [ ! -d "$SEEDS" ]; then
  skip "quote grouping labels" "../shared absent"
elif ! have_python; then
  skip "quote grouping labels" "python3 absent"
else
  "$PRECIS" report --format json "$SEEDS" >"$T/s.json" 2>/dev/null
  "$PRECIS" report --jsonl "$FULLDEV" >"$T/fd.jsonl" 2>/dev/null
  # The issue's targets (precision 0.95, recall 0.80): see docs/report.md.
  python3 "$ROOT/tests/data/check_quotes.py" --start $((n + 1)) \
    --min-precision 0.95 --min-recall 0.80 \
    "$LABELS" seeds="$T/s.json" "$T/fd.jsonl" >"$T/log"
  cat "$T/log"
  n=$((n + $(grep -c '^\(not \)\{0,1\}ok ' "$T/log")))
fi

# ---- the HTML page in a real browser ----
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
  why="chromium absent (tools/test.sh installs Debian's chromium when apt can)"
  skip "html: page in headless chromium, DOM matches JSON" "$why"
  skip "html: screenshot" "$why"
elif ! have_python; then
  skip "html: page in headless chromium, DOM matches JSON" "python3 absent"
  skip "html: screenshot" "python3 absent"
else
  shot_dir=$ROOT/$BUILD/tests
  mkdir -p "$shot_dir"
  set -- harbor "$EX"
  [ -d "$SEEDS" ] && set -- "$@" seeds "$SEEDS"
  while [ $# -ge 2 ]; do
    name=$1 input=$2
    shift 2
    "$PRECIS" report --format html "$input" >"$T/$name.html" 2>/dev/null
    "$PRECIS" report --format json "$input" >"$T/$name.json" 2>/dev/null
    chrome() {
      timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
        --disable-background-networking --disable-component-update \
        --disable-sync --no-first-run \
        --user-data-dir="$(mktemp -d "$T/ud.XXXXXX")" \
        "$@" "file://$T/$name.html" 2>>"$T/chromium.err"
    }
    chrome --dump-dom >"$T/$name.dom"
    python3 - "$T/$name.dom" "$T/$name.json" <<'EOF'
import json, sys
from html.parser import HTMLParser
dom = open(sys.argv[1], encoding="utf-8").read()
r = json.load(open(sys.argv[2], encoding="utf-8"))
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sec, self.groups, self.cells, self.dis, self.bad = {}, 0, 0, 0, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "link", "img", "iframe"):
            self.bad.append(tag)
        if tag == "section" and "id" in a:
            self.sec[a["id"]] = int(a.get("data-count", -1))
        if "data-group" in a:
            self.groups += 1
        if "data-covered" in a:
            self.cells += 1
        if tag == "div" and a.get("class") == "dis":
            self.dis += 1
p = P()
p.feed(dom)
cov = r["coverage"]
want = {
    "brief": len(r["brief"]),
    "quotes": r["quotes"]["groups_count"],
    "coverage": len(cov["outlets"]),
    "disagreements": len(r["disagreements"]["items"]),
    "exclusive": sum(len(o["sentences"]) for o in r["exclusive"]["outlets"]),
    "sources": len(r["outlets"]),
}
errs = [k for k in want if p.sec.get(k) != want[k]]
if p.groups != r["quotes"]["groups_count"]: errs.append("group elements")
if p.cells != cov["sentences"] * len(cov["outlets"]): errs.append("heatmap")
if p.dis != len(r["disagreements"]["items"]): errs.append("disagreements")
if p.bad: errs.append("external elements %s" % p.bad)
print("# sections %s" % p.sec)
if errs: print("# mismatch: %s" % errs)
sys.exit(1 if errs or not p.sec else 0)
EOF
    check $? "html $name: loads in headless chromium; sections and counts \
match the JSON"
    rm -f "$shot_dir/report-$name.png"
    chrome --screenshot="$shot_dir/report-$name.png" --window-size=1200,2000 \
      >/dev/null
    if [ -s "$shot_dir/report-$name.png" ] &&
      [ "$(head -c 4 "$shot_dir/report-$name.png" | od -An -c |
        tr -d ' ')" = '211PNG' ]; then
      ok "html $name: screenshot $BUILD/tests/report-$name.png"
    else
      notok "html $name: no screenshot"
      sed 's/^/# chromium: /' "$T/chromium.err" | tail -5
    fi
  done
fi
tap_end
