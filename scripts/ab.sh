#!/usr/bin/env bash
# Compares the speed of two claimtrace binaries by alternating them.
#
# Usage:
#
#     scripts/ab.sh OLD_BINARY NEW_BINARY [ROUNDS]
#
# Runs `extract --format jsonl --threads 1` (AB_THREADS to change) on a corpus
# folder, ROUNDS times each (default 15), old and new in turn (old first in odd
# rounds, new first in even ones), and prints the minimum and median of user+sys
# seconds for each, and the median wall seconds (which is what a second thread
# should cut).
# Alternating spreads the machine's drift over both; on this shared 2-core
# machine one run each differs by up to 10%, and a change that saves
# instructions can still cost time, so compare binaries this way before keeping
# a speed change.
#
# The corpus is AB_CORPUS (default: the quarter-size corpus of scripts/bench.sh,
# /tmp/claimtrace-bench/corpus-50mb; run that first).

set -euo pipefail

usage() {
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
[ $# -ge 2 ] || usage
# Absolute paths: a bare name would pass the test below and then be looked up on PATH.
OLD=$(realpath -e -- "$1" 2>/dev/null) || { echo "ab.sh: no such file: $1" >&2; exit 2; }
NEW=$(realpath -e -- "$2" 2>/dev/null) || { echo "ab.sh: no such file: $2" >&2; exit 2; }
ROUNDS=${3:-15}
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "ab.sh: ROUNDS must be a positive number: $ROUNDS" >&2; exit 2; }
CORPUS=${AB_CORPUS:-/tmp/claimtrace-bench/corpus-50mb}
THREADS=${AB_THREADS:-1}
[[ $THREADS =~ ^[1-9][0-9]*$ ]] || { echo "ab.sh: AB_THREADS must be a positive number: $THREADS" >&2; exit 2; }
if [ ! -d "$CORPUS" ]; then
    echo "ab.sh: no corpus folder $CORPUS: set AB_CORPUS or run scripts/bench.sh first" >&2
    exit 2
fi
for binary in "$OLD" "$NEW"; do
    [ -x "$binary" ] || { echo "ab.sh: not an executable: $binary" >&2; exit 2; }
done
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "ab.sh: needs GNU time at $TIME (scripts/bench.sh installs it)" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
run() { # side binary round
    "$TIME" -f "%U %S %e" -o "$WORK/$1.$3" "$2" extract --format jsonl --threads "$THREADS" "$CORPUS" > /dev/null
}
for round in $(seq "$ROUNDS"); do
    if (( round % 2 )); then
        run old "$OLD" "$round"; run new "$NEW" "$round"
    else
        run new "$NEW" "$round"; run old "$OLD" "$round"
    fi
done

bytes=$(du -sb --apparent-size "$CORPUS" | cut -f1)
echo "corpus: $CORPUS ($bytes bytes), $ROUNDS rounds, --threads $THREADS, user+sys seconds"
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.3f", v[int((NR + 1) / 2)] }'; }
for side in old new; do
    cpu=$(cat "$WORK/$side".* | awk '{ print $1 + $2 }' | sort -n)
    printf '%s: min %.3f  median %s  (wall median %s)\n' "$side" "$(head -n 1 <<< "$cpu")" \
        "$(median <<< "$cpu")" "$(cat "$WORK/$side".* | awk '{ print $3 }' | median)"
done
