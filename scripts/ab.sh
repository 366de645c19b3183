#!/usr/bin/env bash
# Compares the speed of two claimtrace binaries by alternating them.
#
# Usage:
#
#     scripts/ab.sh OLD_BINARY NEW_BINARY [ROUNDS]
#
# Runs `extract --format jsonl --threads 1` on a corpus folder, ROUNDS times
# each (default 15), old and new in turn, and prints the minimum and median of
# user+sys seconds for each. Alternating spreads the machine's drift over both;
# on this shared 2-core machine one run each differs by up to 10%, and a change
# that saves instructions can still cost time, so compare binaries this way
# before keeping a speed change.
#
# The corpus is AB_CORPUS (default: the quarter-size corpus scripts/bench.sh
# leaves in /tmp/claimtrace-bench; run that first).

set -euo pipefail

if [ $# -lt 2 ]; then
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
OLD=$1
NEW=$2
ROUNDS=${3:-15}
CORPUS=${AB_CORPUS:-$(ls -d /tmp/claimtrace-bench/corpus-*mb 2>/dev/null | sort -V | head -1)}
if [ -z "$CORPUS" ] || [ ! -d "$CORPUS" ]; then
    echo "ab.sh: no corpus: set AB_CORPUS or run scripts/bench.sh first" >&2
    exit 2
fi
for binary in "$OLD" "$NEW"; do
    [ -x "$binary" ] || { echo "ab.sh: not an executable: $binary" >&2; exit 2; }
done
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "ab.sh: needs GNU time at $TIME (scripts/bench.sh installs it)" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for round in $(seq "$ROUNDS"); do
    for side in old new; do
        if [ "$side" = old ]; then binary=$OLD; else binary=$NEW; fi
        "$TIME" -f "%U %S" -o "$WORK/$side.$round" \
            "$binary" extract --format jsonl --threads 1 "$CORPUS" > /dev/null
    done
done

echo "corpus: $CORPUS ($(du -sh "$CORPUS" | cut -f1)), $ROUNDS rounds, user+sys seconds"
for side in old new; do
    cat "$WORK/$side".* | awk '{ print $1 + $2 }' | sort -n | awk -v side="$side" '
        { seconds[NR] = $1 }
        END { printf "%s: min %.3f  median %.3f\n", side, seconds[1], seconds[int((NR + 1) / 2)] }'
done
