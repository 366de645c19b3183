#!/usr/bin/env bash
# Runs the README's Spark recipe for real, in Spark local mode, and checks that it
# gives what a direct run gives (issue #20, item 5). Not part of CI: it downloads
# PySpark (about 300 MB) once and takes a minute or two.
#
# Usage (from anywhere; paths are taken relative to the repository root):
#
#     scripts/spark.sh [CORPUS.jsonl]
#     SPARK_PARTITIONS=8 scripts/spark.sh ../shared/corpus/polnear/train.jsonl
#
# CORPUS defaults to ../shared/corpus/polnear/dev.jsonl (84 articles of seven
# publishers), or, without it, a corpus made of the seeds with made-up publishers.
# What it does:
#   1. cargo build --release;
#   2. checks for Java 17 or newer (installs Debian's openjdk-17-jre-headless when
#      there is none and it runs as root), and installs PySpark from PyPI into the
#      virtual environment target/spark-venv (kept for the next run);
#   3. the map step, scripts/spark_map.py: the corpus read with
#      SPARK_PARTITIONS (default 4) partitions, `claimtrace extract --input-format
#      jsonl --format jsonl -` as RDD.pipe over them, the parts written to
#      target/spark-out/part-*;
#   4. the fold: `claimtrace compare --from-jsonl part-*`, by document and by
#      publisher, in JSON;
#   5. checks that the parts hold exactly the records of a direct
#      `claimtrace --input-format jsonl extract --format jsonl CORPUS` (as sorted
#      lines: partitions may come in any order) and that each fold equals the
#      direct `compare` of the corpus; prints the time of each step.
# Exit code 0 when everything agrees, 1 when something differs, 2 on a failed step.

set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PARTITIONS=${SPARK_PARTITIONS:-4}
VENV=$ROOT/target/spark-venv
OUT=$ROOT/target/spark-out
WORK=$ROOT/target/spark-work
BIN=$ROOT/target/release/claimtrace
mkdir -p "$WORK"

fail() {
    echo "spark.sh: $*" >&2
    exit 2
}

# Seconds since $1 (from `date +%s.%N`), to one decimal.
since() { echo "$(date +%s.%N) $1" | awk '{ printf "%.1f", $1 - $2 }'; }

CORPUS=${1:-../shared/corpus/polnear/dev.jsonl}
if [ $# -eq 0 ] && [ ! -f "$CORPUS" ]; then
    # The seeds as a corpus, two made-up publishers taking turns.
    CORPUS=$WORK/seeds.jsonl
    python3 - "$CORPUS" <<'PY'
import json, pathlib, sys
with open(sys.argv[1], "w") as out:
    for index, path in enumerate(sorted(pathlib.Path("seeds").glob("*.txt"))):
        publisher = ["Daily", "Weekly"][index % 2]
        out.write(json.dumps({"id": path.name, "text": path.read_text(), "publisher": publisher}) + "\n")
PY
fi
[ -f "$CORPUS" ] || fail "no such corpus: $CORPUS"
CORPUS=$(realpath "$CORPUS")

start=$(date +%s.%N)
cargo build --release --quiet || fail "cargo build failed"
echo "build: $(since "$start") s"

if ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null \
            || fail "could not install openjdk-17-jre-headless"
    else
        fail "Spark needs Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless)"
    fi
fi
java -version 2>&1 | head -1

start=$(date +%s.%N)
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" || fail "could not make a virtual environment"
fi
"$VENV/bin/python" -c 'import pyspark' 2>/dev/null \
    || "$VENV/bin/pip" install --quiet 'pyspark>=4,<5' || fail "could not install pyspark"
echo "pyspark $("$VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)'): $(since "$start") s"

rm -rf "$OUT"
start=$(date +%s.%N)
# Spark's own logging goes to a file, shown when the job fails.
if ! SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$VENV/bin/python" \
    "$VENV/bin/python" scripts/spark_map.py "$CORPUS" "$OUT" "$PARTITIONS" "$BIN" \
    2>"$WORK/spark.log"; then
    grep -E 'Error|Exception' "$WORK/spark.log" | head -20 >&2
    fail "the Spark job failed (its log: $WORK/spark.log)"
fi
grep -o 'spark_map: .*' "$WORK/spark.log" || true
parts=("$OUT"/part-*)
echo "map step (Spark local[$PARTITIONS], ${#parts[@]} parts): $(since "$start") s"

start=$(date +%s.%N)
"$BIN" --input-format jsonl extract --format jsonl "$CORPUS" >"$WORK/direct.jsonl"
echo "direct extract: $(since "$start") s"

status=0
# Records: the same lines, in whatever order the partitions came.
if cmp -s <(LC_ALL=C sort "${parts[@]}") <(LC_ALL=C sort "$WORK/direct.jsonl"); then
    echo "records: the parts hold the direct run's $(wc -l <"$WORK/direct.jsonl") records"
else
    echo "records: the parts differ from the direct run" >&2
    status=1
fi
for by in document publisher; do
    start=$(date +%s.%N)
    "$BIN" compare --format json --by "$by" --from-jsonl "${parts[@]}" >"$WORK/fold-$by.json"
    fold=$(since "$start")
    "$BIN" --input-format jsonl compare --format json --by "$by" "$CORPUS" >"$WORK/direct-$by.json"
    if cmp -s "$WORK/fold-$by.json" "$WORK/direct-$by.json"; then
        echo "compare --by $by: the fold of the parts ($fold s) equals the direct run"
    else
        echo "compare --by $by: the fold differs from the direct run:" >&2
        diff "$WORK/direct-$by.json" "$WORK/fold-$by.json" | head -20 >&2
        status=1
    fi
done
[ "$status" = 0 ] && echo "spark.sh: ok"
exit "$status"
