#!/bin/sh
# bench/run.sh — `make bench`: throughput of precis on Multi-News val
# (5,622 clusters, 22 MB), against the cost of merely reading and
# tokenizing it, and against ots (the C Open Text Summarizer, Debian
# package ots) and, where Python can import it, sumy (bench/sumy_bench.py)
# on the same text. Benchmarks are not tests: nothing here fails on a
# time. Needs ../shared/data; says so when it is absent.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
P=$ROOT/build/precis
VAL=$ROOT/../shared/data/multinews/val.jsonl
if [ ! -f "$VAL" ]; then
  echo "bench: $VAL not found (needs ../shared/data); nothing measured"
  exit 0
fi
MB=$(awk -v b="$(wc -c <"$VAL")" 'BEGIN{printf "%.1f", b/1048576}')
N=$(wc -l <"$VAL")
# best of 3 wall-clock runs, and peak RSS from GNU time if present
measure() {
  best=""
  for i in 1 2 3; do
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s.%N)
    t=$(awk -v s="$s" -v e="$e" 'BEGIN{printf "%.3f", e-s}')
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then
      best=$t
    fi
  done
  rss="-"
  if [ -x /usr/bin/time ]; then
    rss=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1)
    rss=$(awk -v k="$rss" 'BEGIN{printf "%.1f MB", k/1024}')
  fi
  echo "$best $rss"
}
echo "input: $VAL ($N clusters, $MB MB), one core, best of 3"
printf '%-28s %9s %11s %9s %12s\n' what seconds clusters/s MB/s "peak RSS"
row() {
  name=$1
  shift
  set -- $(measure "$@")
  t=$1
  shift
  printf '%-28s %9s %11.0f %9.1f %12s\n' "$name" "$t" \
    "$(awk -v n="$N" -v t="$t" 'BEGIN{print n/t}')" \
    "$(awk -v m="$MB" -v t="$t" 'BEGIN{print m/t}')" "$*"
}
row "read+clean+split+tokenize" "$P" --jsonl --analyze-only "$VAL"
for a in $("$P" --list-algorithms | awk '{print $1}'); do
  row "precis -a $a" "$P" --jsonl -a "$a" "$VAL"
done
# the budget the Multi-News quality tables use (the rows above: 100 words)
row "precis --words 230" "$P" --jsonl --words 230 "$VAL"
if command -v python3 >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  python3 - "$VAL" "$tmp" <<'PY'
import json, sys
# ots reads one text per run: give it the first 500 clusters, each as a
# file, and compare with precis on the same 500 clusters.
out = sys.argv[2]
with open(sys.argv[1]) as f, open(out + '/500.jsonl', 'w') as j:
    for i, line in enumerate(f):
        if i == 500: break
        d = json.loads(line)
        open('%s/%03d.txt' % (out, i), 'w').write('\n\n'.join(d['documents']))
        j.write(json.dumps({'id': d['id'], 'documents': d['documents']}) + '\n')
PY
  if command -v ots >/dev/null 2>&1; then
    s=$(date +%s.%N)
    for f in "$tmp"/*.txt; do ots --ratio=10 "$f" >/dev/null 2>&1; done
    e=$(date +%s.%N)
    ots_t=$(awk -v s="$s" -v e="$e" 'BEGIN{printf "%.3f", e-s}')
    s=$(date +%s.%N)
    "$P" --jsonl "$tmp/500.jsonl" >/dev/null 2>&1
    e=$(date +%s.%N)
    p_t=$(awk -v s="$s" -v e="$e" 'BEGIN{printf "%.3f", e-s}')
    echo "first 500 clusters: ots --ratio=10 (one process per cluster) ${ots_t}s, precis (one process) ${p_t}s, ratio $(awk -v a="$ots_t" -v b="$p_t" 'BEGIN{printf "%.1f", a/b}')x"
  else
    echo "ots not installed (apt-get install ots): peer comparison skipped"
  fi
  # sumy (Python), where importable: bench/sumy_bench.py runs LexRank,
  # TextRank, LSA and Luhn over the same 500 clusters in one process,
  # 8 sentences per cluster (220-280 words; precis --words 230 gives 216),
  # and times the summarization loop only; precis's time is its whole
  # run, start-up and JSON reading included.
  spy=""
  for py in /usr/bin/python3 python3; do
    if "$py" -c 'import sumy' >/dev/null 2>&1; then spy=$py; break; fi
  done
  if [ -n "$spy" ]; then
    sumy_out=$("$spy" "$ROOT/bench/sumy_bench.py" "$tmp/500.jsonl" 8 2>"$tmp/sumy.err")
    s=$(date +%s.%N)
    "$P" --jsonl --words 230 "$tmp/500.jsonl" >/dev/null 2>&1
    e=$(date +%s.%N)
    p_t=$(awk -v s="$s" -v e="$e" 'BEGIN{printf "%.3f", e-s}')
    if printf '%s\n' "$sumy_out" | grep -q '^import '; then
      printf '%s\n' "$sumy_out" | awk -v p="$p_t" '
        $1 == "version" { v = $2 }
        $1 == "tokenizer" { tok = ""
          if ($2 == "regex") { $1 = ""; $2 = ""; sub(/^ +/, ""); tok = " (regex tokenizer: " $0 ")" } }
        $1 == "import" { printf "sumy %s: import and tokenizer set-up %s s (not in the times below)%s\n", v, $2, tok }
        $1 == "lexrank" || $1 == "textrank" || $1 == "lsa" || $1 == "luhn" {
          n = ($1 == "lexrank") ? "LexRank" : ($1 == "textrank") ? "TextRank" : ($1 == "lsa") ? "LSA" : "Luhn"
          printf "first 500 clusters: sumy %s, 8 sentences (one process) %ss, precis --words 230 (one process) %ss, ratio %.1fx%s\n", n, $2, p, $2 / p, tok }'
    else
      echo "sumy imports but bench/sumy_bench.py failed: $(tail -n 1 "$tmp/sumy.err")"
    fi
  else
    echo "sumy not importable (pip install sumy && python3 -m nltk.downloader punkt): sumy comparison skipped"
  fi
  rm -rf "$tmp"
else
  echo "python3 not found: ots and sumy comparisons skipped"
fi
if [ -f "$ROOT/bench/html.sh" ]; then sh "$ROOT/bench/html.sh"; fi

# precis rouge on the whole val set: score each reference's first three
# sentences against the reference (the ROUGE-1.5.5 script needs ~5 min).
if command -v python3 >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  python3 - "$VAL" "$tmp/pred.jsonl" <<'PY'
import json, re, sys
with open(sys.argv[2], 'w') as f:
    for l in open(sys.argv[1]):
        d = json.loads(l)
        s = re.split(r'(?<=[.!?])\s+', d['summary'].strip())
        f.write(json.dumps({'id': d['id'], 'summary': '\n'.join(s[:3])}) + '\n')
PY
  set -- $(measure "$P" rouge -n 2 -m -a -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u \
    --pred "$tmp/pred.jsonl" --ref "$VAL")
  echo "precis rouge -n 2 -m -a -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u --pred (val, $N items) --ref val.jsonl: $1 s, peak RSS $2 $3"
  rm -rf "$tmp"
fi
# ilp on DUC-size clusters (10 articles, ~300 sentences): wall time per
# cluster, one process each (an upper bound: includes start-up and
# analysis), p50 and p99 over the 30 DUC 2003 clusters.
DUC=$ROOT/../shared/data/duc2003/docs
if [ -d "$DUC" ] && command -v python3 >/dev/null 2>&1; then
  python3 - "$P" "$DUC" <<'PY'
import json, os, subprocess, sys, tempfile, time
p, duc = sys.argv[1], sys.argv[2]
for algo in ('ilp', 'ilp-pos'):
    times = []
    for c in sorted(os.listdir(duc)):
        docs = []
        for f in sorted(os.listdir(os.path.join(duc, c))):
            docs.append({'text': open(os.path.join(duc, c, f),
                                      errors='replace').read(), 'source': f})
        with tempfile.NamedTemporaryFile('w', suffix='.jsonl') as t:
            t.write(json.dumps({'id': c, 'documents': docs}) + '\n')
            t.flush()
            s = time.perf_counter()
            subprocess.run([p, '--jsonl', '-q', '-a', algo, t.name],
                           stdout=subprocess.DEVNULL, check=True)
            times.append(1000 * (time.perf_counter() - s))
    times.sort()
    print('%s on the 30 DUC 2003 clusters, per process: p50 %.1f ms, '
          'p99 %.1f ms' % (algo, times[len(times) // 2], times[-1]))
PY
fi
