#!/bin/sh
# tests/cli/run_html_input.sh — HTML pages as summarizer input: .html/.htm
# files beside text files, HTML sniffed in stdin and in plain files, JSONL
# documents with an "html" field or HTML in "text", the site name as
# outlet, date order, and the input errors (exit 2 naming the input).
#
#   UPDATE=1 sh tests/cli/run_html_input.sh   rewrites tests/cli/golden-html/*
#
# Prints TAP lines for tests/run.sh. The pages are invented
# (tests/html/story/, tests/html/story.jsonl) or written here.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib.sh"
G=$ROOT/tests/cli/golden-html
S=tests/html/story

# golden NAME STATUS ARGS... : stdout must equal golden-html/NAME and the
# exit status STATUS (run from the repository root; stdin from /dev/null
# unless STDIN names a file)
golden() {
  name=$1 want=$2
  shift 2
  tap_golden "$G/$name" "golden $name" "$want" "$PRECIS" "$@"
}

# sources FILE : the "Sources:" list of a text-format brief, one per line
sources() { sed -n '/^Sources:$/,$p' "$1" | sed 1d; }

# expect NAME FILE WANT : FILE's content equals the string WANT
expect() {
  if [ "$(cat "$2")" = "$3" ]; then
    ok "$1"
  else
    notok "$1"
    sed 's/^/# got: /' "$2" | head -8
  fi
}

# ---- golden outputs ----
# a directory: three pages (.html, .htm) and a text file, in name order
# (the text file has no date, so no date order)
golden dir-mixed.txt 0 $S/
# the pages alone all have dates: ordered by date whatever the command line
golden dated.txt 0 $S/harbour-radio.htm $S/pellham-gazette.html \
  $S/valley-courier.html
golden dated.json 0 --format json $S/harbour-radio.htm \
  $S/pellham-gazette.html $S/valley-courier.html
# standard input: sniffed as HTML, named after its site
STDIN=$S/pellham-gazette.html golden stdin.json 0 --format json
# JSONL: "html" field with an explicit source, HTML in "text", plain text
# with a date, "html" without site name; plain "text" beside "html"; a
# page without main text (error line, exit 2)
golden story.jsonl 2 --jsonl tests/html/story.jsonl

# ---- outlet names and metadata ----
(cd "$ROOT" && "$PRECIS" $S/) >"$T/dir.txt" 2>&1
sources "$T/dir.txt" >"$T/src"
expect "directory: site names as outlets, file names otherwise, name order" \
  "$T/src" "[1] harbour-radio
[2] The Pellham Gazette <https://gazette.pellham.example/news/2026/05/14/ferry-returns>
[3] quay-notes
[4] Valley Courier <https://valleycourier.example/island-ferry-back>"

(cd "$ROOT" && "$PRECIS" $S/harbour-radio.htm $S/valley-courier.html \
  $S/pellham-gazette.html) >"$T/dated.txt" 2>&1
sources "$T/dated.txt" | sed 's/ <.*//' >"$T/src"
expect "file list with dates: ordered by date (zones compared in UTC)" \
  "$T/src" "[1] Valley Courier
[2] The Pellham Gazette
[3] harbour-radio"

# same instant written in two zones, and a date alone: stable, UTC order
page() { # page FILE SITE DATE SENTENCE
  printf '<!doctype html><html><head><meta property="og:site_name" content="%s"><meta property="article:published_time" content="%s"></head><body><article><p>%s The crossing takes forty minutes in calm weather and up to an hour when the wind is from the west.</p></article></body></html>' \
    "$2" "$3" "$4" >"$1"
}
page "$T/a.html" "Alpha Post" "2026-05-14T09:30:00+01:00" \
  "The ferry to Orly Island sailed again on Thursday after six weeks."
page "$T/b.html" "Bravo Times" "2026-05-14T08:30:00Z" \
  "Orly Island has its ferry back after a storm broke the landing stage."
page "$T/c.html" "Charlie News" "2026-05-14" \
  "Island ferry crossings resumed this week once the repairs were finished."
page "$T/d.html" "Delta Daily" "2026-05-14T08:00:00-04:00" \
  "Ferry passengers returned to Orly Island on Thursday morning at last."
"$PRECIS" "$T/d.html" "$T/a.html" "$T/b.html" "$T/c.html" >"$T/z.txt" 2>&1
sources "$T/z.txt" >"$T/src"
expect "date order: midnight UTC for a bare date, ties keep input order" \
  "$T/src" "[1] Charlie News
[2] Alpha Post
[3] Bravo Times
[4] Delta Daily"

# an article without a date keeps the command-line order
"$PRECIS" "$T/d.html" "$ROOT/$S/quay-notes.txt" "$T/a.html" >"$T/nd.txt" 2>&1
sources "$T/nd.txt" >"$T/src"
expect "one article without a date: command-line order" "$T/src" \
  "[1] Delta Daily
[2] quay-notes
[3] Alpha Post"

# HTML sniffed in a file not named .html; a page in a separator-joined file
cp "$ROOT/$S/valley-courier.html" "$T/saved-page.txt"
{
  cat "$ROOT/$S/quay-notes.txt"
  printf '\n|||||\n'
  cat "$ROOT/$S/pellham-gazette.html"
} >"$T/joined.txt"
"$PRECIS" "$T/saved-page.txt" "$T/joined.txt" >"$T/sn.txt" 2>"$T/err"
sources "$T/sn.txt" | sed 's/ <.*//' >"$T/src"
expect "HTML sniffed in a .txt file and in one part of a joined file" \
  "$T/src" "[1] Valley Courier
[2] joined #1
[3] The Pellham Gazette"

# metadata: url, title and date from the page; the headline and byline
# are not in the article text
(cd "$ROOT" && "$PRECIS" --format json $S/pellham-gazette.html) >"$T/j" 2>&1
if grep -q '"title": "Ferry to Orly Island sails again after storm repairs"' "$T/j" &&
  grep -q '"date": "2026-05-14T09:30:00+01:00"' "$T/j" &&
  grep -q '"url": "https://gazette.pellham.example/news/2026/05/14/ferry-returns"' "$T/j" &&
  ! grep -q 'Miriam T. Ashdown' "$T/j" && ! grep -q 'Most read' "$T/j"; then
  ok "page metadata in the source list, boilerplate out of the text"
else
  notok "page metadata in the source list"
  sed 's/^/# /' "$T/j" | head -8
fi

# -v: one line per page
(cd "$ROOT" && "$PRECIS" -v $S/valley-courier.html) >/dev/null 2>"$T/err"
if grep -q "valley-courier.html: HTML page (utf-8, [0-9]* bytes): [0-9]* bytes of main text, outlet 'Valley Courier', date 2026-05-13T18:05:00Z" "$T/err"; then
  ok "-v reports each page"
else
  notok "-v reports each page"
  sed 's/^/# /' "$T/err" | head -4
fi

# ---- errors: exit 2 naming the input ----
printf '<html><head><title>Nothing here</title></head><body><script>var a = 1;</script></body></html>\n' >"$T/notext.html"
head -c 4096 /dev/urandom >"$T/binary.html" 2>/dev/null ||
  printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$T/binary.html"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' >>"$T/binary.html"
: >"$T/empty.html"
fails "page without main text" 2 "notext.html: no main text found" \
  "$T/notext.html"
fails "binary .html file" 2 "binary.html: input looks like binary data" \
  "$T/binary.html"
fails "empty .html file" 2 "empty.html: empty input" "$T/empty.html"
mkdir "$T/dir"
cp "$ROOT/$S/valley-courier.html" "$ROOT/$S/quay-notes.txt" "$T/notext.html" \
  "$T/dir/"
fails "directory with a page without main text" 2 \
  "dir/notext.html: no main text found" "$T/dir"
grep -q '^Sources:' "$T/out" && [ "$(grep -c '^\[[0-9]\] ' "$T/out")" -eq 2 ]
check $? "directory with a page without main text: the page skipped, the brief of the other two"
if sh -c "'$PRECIS' <'$T/notext.html'" >/dev/null 2>"$T/err"; then
  notok "stdin page without main text: exit 2"
else
  rc=$?
  if [ $rc -eq 2 ] && grep -q "<stdin>: no main text found" "$T/err"; then
    ok "stdin page without main text: exit 2, says '<stdin>: no main text found'"
  else
    notok "stdin page without main text (exit $rc)"
  fi
fi
# ---- a page nested past libxml2's depth limit (256): the text before
# it is used and the page is named, whatever -q says (part of it is not
# read); with no main text before it, the page is refused (exit 2) ----
art='<p>The harbour ferry returned to service on Thursday, six weeks after a winter storm wrecked the landing stage on the island side.</p>'
{
  printf '<html><head><title>Ferry</title></head><body>%s' "$art"
  i=0; while [ $i -lt 300 ]; do printf '<div>'; i=$((i + 1)); done
  printf '<p>Text past the limit is not read.</p></body></html>\n'
} >"$T/deep.html"
{
  printf '<html><body>'
  i=0; while [ $i -lt 300 ]; do printf '<font size=2>'; i=$((i + 1)); done
  printf '%s</body></html>\n' "$art"
} >"$T/deepall.html"
"$PRECIS" -q -w 40 "$T/deep.html" >"$T/out" 2>"$T/err"
rc=$?
"$PRECIS" extract "$T/deep.html" >"$T/ext" 2>"$T/exterr"
rc2=$?
"$PRECIS" -w 40 "$T/deepall.html" "$ROOT/$S/quay-notes.txt" >/dev/null 2>"$T/err2"
rc3=$?
if [ $rc -eq 0 ] && [ $rc2 -eq 0 ] && [ $rc3 -eq 2 ] &&
  grep -q '^The harbour ferry returned' "$T/out" &&
  [ "$(cat "$T/err")" = "precis: $T/deep.html: elements nested over 256 deep; the rest of the page is not read" ] &&
  grep -q 'harbour ferry' "$T/ext" && ! grep -q 'past the limit' "$T/ext" &&
  grep -q '^precis extract: .*deep.html: elements nested over 256 deep' "$T/exterr" &&
  grep -q 'deepall.html: malformed HTML: no main text before the parser stopped' "$T/err2"; then
  ok "page nested past 256: text before the limit used, the page named (-q too); none before it: refused"
else
  notok "deep page (exit $rc $rc2 $rc3)"
  sed 's/^/# /' "$T/err" "$T/exterr" "$T/err2" | head -6
fi
printf '{"id": "d", "documents": [{"html": "%s"}, {"html": "%s"}]}\n' \
  "$(tr -d '\n' <"$T/deep.html")" "$(tr -d '\n' <"$T/deepall.html" | sed 's/"/\\"/g')" >"$T/deep.jsonl"
"$PRECIS" --jsonl -q "$T/deep.jsonl" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && grep -q '"summary": "The harbour ferry' "$T/out" &&
  grep -q 'deep.jsonl:1: document 1: elements nested over 256 deep; the rest of the page is not read' "$T/err" &&
  grep -q 'deep.jsonl:1: document 2: malformed HTML: no main text before the parser stopped' "$T/err"; then
  ok "JSONL: a page nested past 256 named by line and document"
else
  notok "JSONL: deep pages (exit $rc)"
  sed 's/^/# /' "$T/err" | head -4
fi

(cd "$ROOT" && "$PRECIS" --jsonl tests/html/story.jsonl) >/dev/null 2>"$T/err"
if grep -q "story.jsonl:3: document 1: no main text found" "$T/err"; then
  ok "JSONL: an html field without main text names line and document"
else
  notok "JSONL: html field without main text"
  sed 's/^/# /' "$T/err" | head -4
fi
tap_end
