#!/usr/bin/env bash
# Throughput benchmark of `claimtrace extract` against ripgrep on a large corpus.
#
# Usage (from anywhere; paths are taken relative to the repository root):
#
#     scripts/bench.sh
#     BENCH_MB=800 BENCH_DIR=/var/tmp/ct-bench scripts/bench.sh
#
# What it does, in one run:
#   1. cargo build --release;
#   2. installs ripgrep and GNU time when missing (Debian packages; ripgrep falls
#      back to `cargo install ripgrep`);
#   3. writes CUES, the grammar's cue phrases one per line (from
#      `claimtrace grammar cues` when that command exists, otherwise from
#      grammar/mined/cues.txt, grammar/cues.txt and grammar/according.txt);
#   4. builds a corpus of >= BENCH_MB MiB by writing each PolNeAR train document's
#      text as its own .txt file, repeating the train set as often as needed, and a
#      subset of BENCH_MB/4 MiB for the linearity check (both are reused on the
#      next run when the train file and the size are unchanged);
#   5. times with `/usr/bin/time -v` (wall time, peak RSS):
#        claimtrace extract --format jsonl --threads 1 BIG > /dev/null
#        claimtrace extract --format jsonl --threads 2 BIG > /dev/null
#        rg -j1 -c -i -F -f CUES BIG > /dev/null
#        claimtrace extract --format jsonl --threads 1 SMALL > /dev/null
#        claimtrace extract --format jsonl --threads 1 LONG > /dev/null
#      where LONG is one document of BENCH_DOC_MB MiB: the train texts joined
#      as paragraphs of one file;
#      (while `extract` has no --threads option the claimtrace rows run without it
#      and say so);
#   6. prints a Markdown table and the checks against the targets:
#        one thread >= 100 MB/s; <= 4x ripgrep's single-thread time (issue #22; #8 asked 10x);
#        2 threads >= 1.8x one; peak RSS <= 64 MB + 4x the largest document;
#        linear cost: 4x the corpus takes 4x the time +-15%;
#        and, for LONG, peak RSS <= 64 MB + 4x its size.
#
# Environment:
#   BENCH_MB     corpus size in MiB (default 200; the subset is BENCH_MB/4)
#   BENCH_DIR    work folder for the corpora and CUES (default /tmp/claimtrace-bench)
#   BENCH_TRAIN  train JSONL (default ../shared/corpus/polnear/train.jsonl)
#   BENCH_DOC_MB size of the one long document in MiB (default 100)
#   BENCH_RUNS   runs of each command; the fastest wall time and the highest peak
#                RSS are kept (default 1)
#
# MB here is MiB (2^20 bytes) throughout. Exit status: 0 when the measurements
# were taken (whatever the checks say), 1 when a command failed, 2 for a missing
# input or tool.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

BENCH_MB=${BENCH_MB:-200}
BENCH_DIR=${BENCH_DIR:-/tmp/claimtrace-bench}
BENCH_TRAIN=${BENCH_TRAIN:-$ROOT/../shared/corpus/polnear/train.jsonl}
BENCH_RUNS=${BENCH_RUNS:-1}
BENCH_DOC_MB=${BENCH_DOC_MB:-100}

say() { printf '%s\n' "bench: $*" >&2; }
die() {
    printf '%s\n' "bench: $1" >&2
    exit "${2:-2}"
}

if ! [[ $BENCH_MB =~ ^[0-9]+$ ]] || ((BENCH_MB < 4)); then
    die "BENCH_MB must be a whole number >= 4 (got '$BENCH_MB')"
fi
if ! [[ $BENCH_DOC_MB =~ ^[0-9]+$ ]] || ((BENCH_DOC_MB < 1)); then
    die "BENCH_DOC_MB must be a whole number >= 1 (got '$BENCH_DOC_MB')"
fi
if ! [[ $BENCH_RUNS =~ ^[0-9]+$ ]] || ((BENCH_RUNS < 1)); then
    die "BENCH_RUNS must be a whole number >= 1 (got '$BENCH_RUNS')"
fi
if [[ ! -f $BENCH_TRAIN ]]; then
    die "the train corpus is missing: $BENCH_TRAIN
  The benchmark builds its corpus from the PolNeAR train split
  (../shared/corpus/polnear/train.jsonl beside the repository);
  set BENCH_TRAIN=PATH to use another copy."
fi
command -v python3 > /dev/null || die "python3 is needed to read $BENCH_TRAIN"

# --- tools -------------------------------------------------------------------

apt_install() {
    # apt-get install PACKAGE; on failure refresh the lists once and try again.
    apt-get install -y "$1" > /dev/null 2>&1 && return 0
    apt-get update > /dev/null 2>&1 || true
    apt-get install -y "$1" > /dev/null 2>&1
}

if ! command -v rg > /dev/null; then
    say "ripgrep is missing: installing it"
    if ! apt_install ripgrep; then
        say "apt-get install ripgrep failed: trying cargo install ripgrep"
        cargo install ripgrep >&2 || die "could not install ripgrep"
        export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
    fi
    command -v rg > /dev/null || die "ripgrep was installed but rg is not on PATH"
fi

TIME=/usr/bin/time
if ! "$TIME" -v true > /dev/null 2>&1; then
    say "GNU time is missing: installing the time package"
    apt_install time || die "could not install GNU time (the Debian package 'time')"
fi

say "cargo build --release"
cargo build --release >&2 || die "cargo build --release failed" 1
CT=$ROOT/target/release/claimtrace
[[ -x $CT ]] || die "no binary at $CT after the build" 1

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)

# --- cue phrases -------------------------------------------------------------

CUES=$BENCH_DIR/CUES
# Normalizes grammar-file lines to phrases, as src/grammar/file.rs reads them:
# `[!] phrase [| fields] [# comment]`; `@` lines and blank lines carry no phrase;
# a `!phrase` removes that phrase. Phrases are lowercased (ripgrep runs with -i).
cue_phrases() {
    awk '
        { line = $0; sub(/#.*/, "", line) }
        line ~ /^[[:space:]]*@/ { next }
        {
            remove = 0
            if (line ~ /^[[:space:]]*!/) { remove = 1; sub(/^[[:space:]]*!/, "", line) }
            sub(/\|.*/, "", line)
            gsub(/[[:space:]]+/, " ", line)
            sub(/^ /, "", line); sub(/ $/, "", line)
            if (line == "") next
            line = tolower(line)
            if (remove) removed[line] = 1; else kept[line] = 1
        }
        END { for (p in kept) if (!(p in removed)) print p }
    ' "$@" | LC_ALL=C sort
}

if "$CT" grammar cues > "$CUES.raw" 2> /dev/null && [[ -s $CUES.raw ]]; then
    cue_phrases "$CUES.raw" > "$CUES"
    CUES_FROM="claimtrace grammar cues"
else
    cue_phrases grammar/mined/cues.txt grammar/cues.txt grammar/according.txt > "$CUES"
    CUES_FROM="grammar/mined/cues.txt + grammar/cues.txt + grammar/according.txt"
fi
rm -f "$CUES.raw"
[[ -s $CUES ]] || die "no cue phrases were found for $CUES" 1
say "CUES: $(wc -l < "$CUES") phrases from $CUES_FROM -> $CUES"

# --- corpora -----------------------------------------------------------------

# write_train_texts MODE OUT BYTES: writes the train texts, repeated until they
# hold BYTES: MODE "files" as OUT/repNNNN/NNNNN.txt, one file per document,
# printing "total_bytes files largest_bytes"; MODE "one" as the paragraphs of the
# one file OUT.
write_train_texts() {
    python3 - "$BENCH_TRAIN" "$@" << 'PY'
import json, os, sys

train, mode, out, target = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
texts = []
with open(train, encoding="utf-8") as lines:
    for line in lines:
        if line.strip():
            text = json.loads(line).get("text") or ""
            if text.strip():
                texts.append(text.encode("utf-8"))
if not texts:
    sys.exit(f"no documents with a text in {train}")
total = files = largest = rep = 0
if mode == "one":
    with open(out, "wb") as handle:
        while total < target:
            for text in texts:
                if total >= target:
                    break
                paragraph = text.strip() + b"\n\n"
                handle.write(paragraph)
                total += len(paragraph)
    sys.exit(0)
while total < target:
    folder = os.path.join(out, f"rep{rep:04d}")
    os.makedirs(folder)
    for number, text in enumerate(texts):
        if total >= target:
            break
        with open(os.path.join(folder, f"{number:05d}.txt"), "wb") as handle:
            handle.write(text)
        total += len(text)
        files += 1
        largest = max(largest, len(text))
    rep += 1
print(total, files, largest)
PY
}

# build_corpus DIR BYTES: writes train texts as DIR/repNNNN/NNNNN.txt until the
# total reaches BYTES; reuses DIR when its stamp matches. Prints
# "total_bytes files largest_bytes".
build_corpus() {
    local dir=$1 bytes=$2
    local stamp_key
    stamp_key="$bytes $(stat -c '%s %Y' "$BENCH_TRAIN") $BENCH_TRAIN"
    if [[ -f $dir/.stamp ]] && [[ $(head -n1 "$dir/.stamp") == "$stamp_key" ]]; then
        say "reusing $dir"
        sed -n 2p "$dir/.stamp"
        return
    fi
    say "writing $dir ($((bytes / 1048576)) MiB)"
    rm -rf "$dir"
    mkdir -p "$dir"
    local summary
    summary=$(write_train_texts files "$dir" "$bytes")
    printf '%s\n%s\n' "$stamp_key" "$summary" > "$dir/.stamp"
    printf '%s\n' "$summary"
}

# build_long_document FILE BYTES: writes the train texts as the paragraphs of
# one file, repeated until it holds BYTES; reuses FILE when its stamp matches.
# Prints its size in bytes.
build_long_document() {
    local file=$1 bytes=$2
    local stamp_key
    stamp_key="$bytes $(stat -c '%s %Y' "$BENCH_TRAIN") $BENCH_TRAIN"
    if [[ -f $file && -f $file.stamp ]] && [[ $(cat "$file.stamp") == "$stamp_key" ]]; then
        say "reusing $file"
        stat -c '%s' "$file"
        return
    fi
    say "writing $file ($((bytes / 1048576)) MiB in one document)"
    write_train_texts one "$file" "$bytes" > /dev/null
    printf '%s\n' "$stamp_key" > "$file.stamp"
    stat -c '%s' "$file"
}

BIG_BYTES=$((BENCH_MB * 1048576))
SMALL_BYTES=$((BIG_BYTES / 4))
BIG=$BENCH_DIR/corpus-${BENCH_MB}mb
SMALL=$BENCH_DIR/corpus-$((BENCH_MB / 4))mb
summary=$(build_corpus "$BIG" "$BIG_BYTES")
read -r big_total big_files big_largest <<< "$summary"
summary=$(build_corpus "$SMALL" "$SMALL_BYTES")
read -r small_total small_files small_largest <<< "$summary"
say "big: $big_total bytes in $big_files files (largest $big_largest); small: $small_total bytes in $small_files files"
LONG=$BENCH_DIR/long-${BENCH_DOC_MB}mb.txt
long_total=$(build_long_document "$LONG" $((BENCH_DOC_MB * 1048576)))

# Reads both corpora once so that every timed run finds them in the page cache.
say "warming the page cache"
find "$BIG" "$SMALL" "$LONG" -type f -name '*.txt' -print0 | xargs -0 cat > /dev/null

# --- timed runs --------------------------------------------------------------

if "$CT" extract --help 2> /dev/null | grep -q -- --threads; then
    HAS_THREADS=1
else
    HAS_THREADS=0
    say "claimtrace extract has no --threads option yet: its rows run without it"
fi

# ct_args N: the extract arguments for N threads (none while --threads is missing).
ct_args() {
    if ((HAS_THREADS)); then
        printf '%s\n' extract --format jsonl --threads "$1"
    else
        printf '%s\n' extract --format jsonl
    fi
}
ct_label() {
    if ((HAS_THREADS)); then
        printf 'claimtrace extract --format jsonl --threads %s' "$1"
    else
        printf 'claimtrace extract --format jsonl (no --threads; asked for %s)' "$1"
    fi
}

FAILED=0
LAST_STDERR=$BENCH_DIR/last.stderr
TIMEFILE=$BENCH_DIR/last.time

# timed CMD...: runs CMD BENCH_RUNS times with stdout to /dev/null; sets T_SECS
# (fastest wall seconds), T_CPU (its user+sys seconds), T_RSS (highest peak RSS
# in KiB) and T_STATUS (the worst exit status; rg's 1, "no match", counts as 0).
timed() {
    local best="" cpu="" rss=0 worst=0 run status secs user sys kb
    for ((run = 1; run <= BENCH_RUNS; run++)); do
        status=0
        "$TIME" -v -o "$TIMEFILE" "$@" > /dev/null 2> "$LAST_STDERR" || status=$?
        if [[ $1 == rg && $status == 1 ]]; then status=0; fi
        if ((status != 0)); then
            say "exit $status from: $*"
            tail -n 5 "$LAST_STDERR" >&2 || true
            FAILED=1
            if ((status > worst)); then worst=$status; fi
        fi
        secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {
                n = split($NF, p, ":"); s = 0
                for (i = 1; i <= n; i++) s = s * 60 + p[i]
                print s }' "$TIMEFILE")
        user=$(awk -F': ' '/User time \(seconds\)/ {print $NF}' "$TIMEFILE")
        sys=$(awk -F': ' '/System time \(seconds\)/ {print $NF}' "$TIMEFILE")
        kb=$(awk -F': ' '/Maximum resident set size/ {print $NF}' "$TIMEFILE")
        say "  run $run: ${secs}s wall, $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')s cpu, ${kb} KiB peak RSS"
        if [[ -z $best ]] || awk -v a="$secs" -v b="$best" 'BEGIN {exit !(a < b)}'; then
            best=$secs
            cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
        fi
        if ((kb > rss)); then rss=$kb; fi
    done
    T_SECS=$best T_CPU=$cpu T_RSS=$rss T_STATUS=$worst
}

say "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
mapfile -t ARGS1 < <(ct_args 1)
mapfile -t ARGS2 < <(ct_args 2)
say "timing: $(ct_label 1) on $BIG"
timed "$CT" "${ARGS1[@]}" "$BIG"
SECS_ct1=$T_SECS CPU_ct1=$T_CPU RSS_ct1=$T_RSS STATUS_ct1=$T_STATUS
say "timing: $(ct_label 2) on $BIG"
timed "$CT" "${ARGS2[@]}" "$BIG"
SECS_ct2=$T_SECS CPU_ct2=$T_CPU RSS_ct2=$T_RSS STATUS_ct2=$T_STATUS
say "timing: rg -j1 -c -i -F -f CUES on $BIG"
timed rg -j1 -c -i -F -f "$CUES" "$BIG"
SECS_rg=$T_SECS CPU_rg=$T_CPU RSS_rg=$T_RSS STATUS_rg=$T_STATUS
say "timing: $(ct_label 1) on $SMALL"
timed "$CT" "${ARGS1[@]}" "$SMALL"
SECS_small=$T_SECS CPU_small=$T_CPU RSS_small=$T_RSS STATUS_small=$T_STATUS
say "timing: $(ct_label 1) on $LONG"
timed "$CT" "${ARGS1[@]}" "$LONG"
SECS_long=$T_SECS CPU_long=$T_CPU RSS_long=$T_RSS STATUS_long=$T_STATUS

# --- report ------------------------------------------------------------------

mib() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
row() { # label bytes secs cpu rss_kb status rg_secs (0: another corpus than rg's)
    awk -v label="$1" -v b="$2" -v s="$3" -v c="$4" -v kb="$5" -v st="$6" -v rg="$7" 'BEGIN {
        mb = b / 1048576
        rate = (s > 0) ? sprintf("%.1f", mb / s) : "inf"
        ratio = (rg > 0) ? sprintf("%.2fx", s / rg) : "-"
        note = (st != 0) ? sprintf(" **(exit %d)**", st) : ""
        printf "| `%s`%s | %.1f | %.2f | %s | %s | %.1f | %s |\n", label, note, mb, s, rate, ratio, kb / 1024, c
    }'
}

echo
echo "## claimtrace extract vs ripgrep ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "Corpus: PolNeAR train texts repeated as files; big $(mib "$big_total") MB in $big_files files,"
echo "small $(mib "$small_total") MB in $small_files files; largest document $big_largest bytes;"
echo "one long document: the train texts as paragraphs of one $(mib "$long_total") MB file."
echo "CUES: $(wc -l < "$CUES") phrases from $CUES_FROM. MB = MiB. Best of $BENCH_RUNS run(s)."
echo
echo "| command | MB | seconds | MB/s | ratio to rg | peak RSS MB | CPU s |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
row "$(ct_label 1)" "$big_total" "$SECS_ct1" "$CPU_ct1" "$RSS_ct1" "$STATUS_ct1" "$SECS_rg"
row "$(ct_label 2)" "$big_total" "$SECS_ct2" "$CPU_ct2" "$RSS_ct2" "$STATUS_ct2" "$SECS_rg"
row "rg -j1 -c -i -F -f CUES" "$big_total" "$SECS_rg" "$CPU_rg" "$RSS_rg" "$STATUS_rg" "$SECS_rg"
row "$(ct_label 1) (1/4 corpus)" "$small_total" "$SECS_small" "$CPU_small" "$RSS_small" "$STATUS_small" 0
row "$(ct_label 1) (one long document)" "$long_total" "$SECS_long" "$CPU_long" "$RSS_long" "$STATUS_long" 0
echo

largest=$((big_largest > small_largest ? big_largest : small_largest))
awk -v t1="$SECS_ct1" -v t2="$SECS_ct2" -v trg="$SECS_rg" -v ts="$SECS_small" \
    -v bb="$big_total" -v sb="$small_total" -v largest="$largest" \
    -v r1="$RSS_ct1" -v r2="$RSS_ct2" -v rs="$RSS_small" -v threads="$HAS_THREADS" \
    -v c1="$CPU_ct1" -v cs="$CPU_small" -v lb="$long_total" -v rl="$RSS_long" '
    function verdict(ok) { return ok ? "PASS" : "FAIL" }
    BEGIN {
        print "| check | target | measured | verdict |"
        print "| --- | --- | --- | --- |"
        rate = (t1 > 0) ? bb / 1048576 / t1 : 1e9
        printf "| one-thread throughput | >= 100 MB/s | %.1f MB/s | %s |\n", rate, verdict(rate >= 100)
        ratio = (trg > 0) ? t1 / trg : 1e9
        printf "| time vs ripgrep (-j1) | <= 4x | %.2fx | %s |\n", ratio, verdict(ratio <= 4)
        speedup = (t2 > 0) ? t1 / t2 : 0
        if (threads)
            printf "| 2-thread speedup | >= 1.8x | %.2fx | %s |\n", speedup, verdict(speedup >= 1.8)
        else
            printf "| 2-thread speedup | >= 1.8x | %.2fx (same command twice: run-to-run noise) | SKIP (no --threads) |\n", speedup
        bound = 64 + 4 * largest / 1048576
        peak = r1; if (r2 > peak) peak = r2; if (rs > peak) peak = rs
        peak /= 1024
        printf "| peak memory | <= 64 MB + 4 x %.3f MB = %.1f MB | %.1f MB (highest claimtrace run) | %s |\n", largest / 1048576, bound, peak, verdict(peak <= bound)
        lin = (ts > 0 && sb > 0) ? (t1 / ts) / (bb / sb) : 0
        clin = (cs > 0 && sb > 0) ? (c1 / cs) / (bb / sb) : 0
        lbound = 64 + 4 * lb / 1048576
        printf "| peak memory, one long document | <= 64 MB + 4 x %.1f MB = %.1f MB | %.1f MB | %s |\n", lb / 1048576, lbound, rl / 1024, verdict(rl / 1024 <= lbound)
        printf "| linear cost | wall-time ratio / size ratio in [0.85, 1.15] | %.2fs / %.2fs = %.2fx for %.2fx the bytes -> %.2f (CPU time: %.2f) | %s |\n", t1, ts, (ts > 0 ? t1 / ts : 0), bb / sb, lin, clin, verdict(lin >= 0.85 && lin <= 1.15)
    }'
echo
echo "Note: wall times on a shared machine are noisy; compare the CPU s column too."

exit "$FAILED"
