"""The map step of scripts/spark.sh: `claimtrace extract` piped over the lines of a
JSONL corpus in Spark local mode, one part file per partition.

Usage: spark_map.py CORPUS.jsonl OUT_DIR PARTITIONS CLAIMTRACE
"""

import shlex
import sys
import time

from pyspark import SparkConf, SparkContext


def main() -> None:
    corpus, out, partitions, claimtrace = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    conf = (
        SparkConf()
        .setMaster(f"local[{partitions}]")
        .setAppName("claimtrace-map")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    started = time.monotonic()
    docs = sc.textFile(corpus, minPartitions=partitions)
    # The README's recipe, as it is: each partition's documents on the stdin of one
    # claimtrace process, its records on its stdout. One thread per process, as
    # Spark runs a process per core already.
    command = [claimtrace, "--threads", "1", "extract", "--input-format", "jsonl", "--format", "jsonl", "-"]
    attributions = docs.pipe(shlex.join(command))
    attributions.saveAsTextFile(out)
    print(
        f"spark_map: {docs.getNumPartitions()} partitions, {time.monotonic() - started:.1f} s",
        file=sys.stderr,
    )
    sc.stop()


if __name__ == "__main__":
    main()
