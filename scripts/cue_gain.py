#!/usr/bin/env python3
"""Marginal value of candidate cues, measured on PolNeAR train only.

For every gold cue head in train that the grammar lacks (seen at least --min-n
times), adds it alone as a grammar overlay (`--grammar DIR`), once per flag in
--flags, runs `claimtrace eval` on train, and prints the change in full F1, in
correct and in predicted attributions, best first. Nothing is written to grammar/:
a person reads the list and copies what generalizes into grammar/cues.txt.

    cargo build --release
    python3 scripts/cue_gain.py [--min-n 6] [--flags ",person,infinitive"] [--top 40]

Dev and test are never read.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "claimtrace"
TRAIN = ROOT.parent / "shared" / "corpus" / "polnear" / "train.jsonl"
GRAMMAR_FILES = ["grammar/cues.txt", "grammar/mined/cues.txt", "grammar/according.txt"]
# Leading words cut off a gold cue to get its head ("has repeatedly said" -> "said").
LEADING = set(
    "has have had is was are were be been will would could can may might should must "
    "did does do also not never repeatedly later previously earlier since already just "
    "still even often publicly privately recently first again".split()
)
# Prepositions alone are not cues, whatever the gold says.
NOT_CUES = {"in", "for", "of", "about", "to", "on", "by", "under", "like", "with", "from"}


def known_phrases():
    known = set()
    for name in GRAMMAR_FILES:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            phrase = line.split("#")[0].split("|")[0].strip().lower().lstrip("!")
            if phrase and not phrase.startswith("@"):
                known.add(phrase)
    return known


def candidate_heads(min_n):
    counts = Counter()
    with TRAIN.open(encoding="utf-8") as corpus:
        for line in corpus:
            for attribution in json.loads(line).get("attributions", []):
                cue = attribution.get("cue")
                if not cue:
                    continue
                words = re.findall(r"[\w']+", cue["text"].lower().replace("\u2019", "'"))
                while words and words[0] in LEADING:
                    words = words[1:]
                if 0 < len(words) <= 3:
                    counts[" ".join(words)] += 1
    known = known_phrases()
    return [
        phrase
        for phrase, n in counts.most_common()
        if n >= min_n and phrase not in known and phrase not in NOT_CUES
    ]


def evaluate(overlay_dir, lines):
    (overlay_dir / "cues.txt").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    command = [str(BINARY), "eval", "--gold", str(TRAIN), "--json", "--grammar", str(overlay_dir)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)["overall"]


def full_f1(counts):
    if not counts["predicted"] or not counts["gold"] or not counts["full"]:
        return 0.0
    precision = counts["full"] / counts["predicted"]
    recall = counts["full"] / counts["gold"]
    return 2 * precision * recall / (precision + recall)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-n", type=int, default=6)
    parser.add_argument("--flags", default=",person,infinitive")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    for needed in (BINARY, TRAIN):
        if not needed.exists():
            sys.exit(f"cue_gain: missing {needed}")
    flags = args.flags.split(",")
    with tempfile.TemporaryDirectory() as overlay:
        overlay_dir = Path(overlay)
        base = evaluate(overlay_dir, [])
        base_f1 = full_f1(base)
        rows = []
        for phrase in candidate_heads(args.min_n):
            for flag in flags:
                line = f"{phrase} | {flag}" if flag else phrase
                counts = evaluate(overlay_dir, [line])
                rows.append(
                    (
                        full_f1(counts) - base_f1,
                        counts["full"] - base["full"],
                        counts["predicted"] - base["predicted"],
                        line,
                    )
                )
    print(f"base full F1 {100 * base_f1:.2f} on train")
    print("delta_F1_points  +correct  +predicted  cue line")
    for delta, correct, predicted, line in sorted(rows, reverse=True)[: args.top]:
        print(f"{100 * delta:+15.3f}  {correct:+8d}  {predicted:+10d}  {line}")


if __name__ == "__main__":
    main()
