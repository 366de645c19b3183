#!/usr/bin/env bash
# Writes every output a restructuring must leave byte-identical into one folder,
# so that two builds can be compared with `diff -r`.
#
# Usage:
#
#     scripts/outputs.sh OUT_DIR [BINARY]
#
# BINARY defaults to target/release/claimtrace (run `cargo build --release`
# first). Writes the help of every command, the bash completions and the man
# page; the seeds in every extract format and in compare, sources,
# show, check, report, review merge and status, and export claimreview; and,
# when ../shared/corpus is there, `extract --format jsonl` of the PolNeAR train
# and dev texts, `eval` on both, and one long document made of train texts
# (spilled, and streamed). Run it on the old and the new binary (named
# claimtrace, as the help shows the name) and compare:
#
#     scripts/outputs.sh /tmp/before /tmp/old/claimtrace
#     scripts/outputs.sh /tmp/after
#     diff -r /tmp/before /tmp/after && echo identical

set -euo pipefail

usage() {
    # The comment block at the top, without its "# ".
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
    exit 2
}
[ $# -ge 1 ] || usage
cd "$(dirname "$0")/.."
OUT=$(realpath -m -- "$1")
BINARY=$(realpath -e -- "${2:-target/release/claimtrace}" 2>/dev/null) \
    || { echo "outputs.sh: no such binary: ${2:-target/release/claimtrace}" >&2; exit 2; }
CORPUS=../shared/corpus/polnear
mkdir -p "$OUT"

run() {
    # The exit code is part of the output.
    local name=$1
    shift
    local code=0
    "$BINARY" "$@" >"$OUT/$name" 2>"$OUT/$name.stderr" || code=$?
    echo "$code" >"$OUT/$name.code"
}

run help.txt --help
for command in extract sources compare report show "review merge" "review status" check \
    "export claimreview" eval "grammar check"; do
    # shellcheck disable=SC2086 # two-word commands split on purpose
    run "help-${command// /-}.txt" $command --help
done
run completions.bash completions bash
run claimtrace.1 man
for format in jsonl json yaml table; do
    run "extract-seeds.$format" extract --format "$format" seeds
done
for format in table md csv json; do
    run "compare-seeds.$format" compare --format "$format" seeds
done
for format in table json csv; do
    run "sources-seeds.$format" sources --format "$format" seeds
done
run show-seeds.txt show --color never seeds
run check-seeds.txt check --max-unsourced 3 --max-anonymous-share 0.4 --forbid-marker hedge seeds
rm -rf "$OUT/report"
run report.txt report seeds --out "$OUT/report"
sed -i "s|$OUT/|OUT/|g" "$OUT/report.txt"
# A review file with verdicts, carried over to the same drafts, counted and exported.
sed -e '0,/status: unreviewed/s//status: verified/' \
    -e '0,/status: unreviewed/s//status: disputed/' \
    "$OUT/extract-seeds.yaml" >"$OUT/reviewed.yaml"
run review-merge.yaml review merge "$OUT/reviewed.yaml" seeds
run review-status.txt review status "$OUT/reviewed.yaml"
run claimreview.json export claimreview "$OUT/reviewed.yaml"
run check-review.txt check --review "$OUT/reviewed.yaml" seeds
sed -i "s|$OUT/|OUT/|g" "$OUT"/review-*.txt "$OUT"/*.stderr "$OUT/check-review.txt"

if [ -d "$CORPUS" ]; then
    for split in train dev; do
        run "extract-$split.jsonl" extract --input-format jsonl --format jsonl "$CORPUS/$split.jsonl"
        run "eval-$split.txt" eval --gold "$CORPUS/$split.jsonl" --errors 20
        run "eval-$split.json" eval --gold "$CORPUS/$split.jsonl" --json
    done
    # One document over 256 KB, rendered section by section (spilled).
    python3 -c 'import json, sys
texts = [json.loads(line)["text"] for line in open(sys.argv[1])]
sys.stdout.write("\n\n".join(texts[:120]))' "$CORPUS/train.jsonl" >"$OUT/long.txt"
    for format in jsonl json; do
        # From inside OUT, so that the record's document name is the same anywhere.
        (cd "$OUT" && run "extract-long.$format" extract --format "$format" long.txt)
    done
    # The same with no temporary file to be had: written section by section at its turn.
    (cd "$OUT" && TMPDIR=/nonexistent run extract-long-streamed.jsonl extract --format jsonl long.txt)
    # The temporary file's name is random.
    sed -i 's/\.tmp[A-Za-z0-9]*/.tmpXXXXXX/' "$OUT/extract-long-streamed.jsonl.stderr"
else
    echo "outputs.sh: no $CORPUS; the corpus outputs are not written" >&2
fi
echo "outputs.sh: wrote $(find "$OUT" -type f | wc -l) files to $OUT"
