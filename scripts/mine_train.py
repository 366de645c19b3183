#!/usr/bin/env python3
"""Mine cue / source lexicons and corpus statistics from the PolNeAR *train* split.

Usage (from the repository root):

    python3 scripts/mine_train.py [path/to/train.jsonl]

The default input is ../shared/corpus/polnear/train.jsonl relative to the repository
root.  Outputs (regenerated from scratch, deterministic):

    grammar/mined/cues.txt          reporting cues, high precision
    grammar/mined/cues_lowprec.txt  near-miss cues for human review
    grammar/mined/source_heads.txt  head words of gold source spans
    grammar/mined/stats.md          human-readable corpus summary

Only the train split may be mined: the script refuses documents whose "split" field
is not "train".  Python 3.11 standard library only.  The corpus text itself is never
written out; only single words / short cue phrases and counts.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO_ROOT / ".." / "shared" / "corpus" / "polnear" / "train.jsonl"
OUT_DIR = REPO_ROOT / "grammar" / "mined"
GENERATOR = "python3 scripts/mine_train.py"

TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
ALPHA_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
QUOTE_CHARS = set("\"“”‘’'«»`")
OPEN_QUOTES = set("\"“‘'«")
CLOSE_QUOTES = set("\"”’'»")

# ---- thresholds (documented in the file headers) -------------------------------
CUE_MIN_N = 4
CUE_MIN_P = 0.40           # below this a cue costs the extractor more precision than it adds recall
LOWPREC_MIN_N = 10
LOWPREC_MIN_P = 0.10
PASSIVE_MIN_N = 10          # "is expected" kept as its own form only if this frequent
FLAG_INVERT_SHARE = 0.05
FLAG_INVERT_MIN = 3
FLAG_RECIPIENT_SHARE = 0.20
FLAG_CONTENT_SHARE = 0.20
RECIPIENT_MAX_GAP = 6
NOUN_MIN_N = 3
NAME_TOP = 200
TOP_CUE_HEADS = 60

# ---- word lists ----------------------------------------------------------------
BE_FORMS = {"is", "are", "was", "were", "be", "been", "being", "am", "s", "re", "m"}
AUXILIARIES = BE_FORMS | {
    "has", "have", "had", "having", "ve", "d", "ll",
    "will", "would", "could", "can", "may", "might", "should", "must", "shall",
    "do", "does", "did", "not", "never", "n't", "to",
    "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't",
    "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't",
    "shouldn't", "mustn't", "cannot",
    "it's", "he's", "she's", "they're", "we're", "i'm", "you're",
    "he'd", "she'd", "they'd", "we'd", "i'd", "he'll", "she'll", "they'll",
    "we'll", "i'll", "i've", "we've", "they've",
}
LEADING_ADVERBS = {
    "also", "later", "then", "first", "again", "often", "just", "already", "still",
    "once", "long", "even", "further", "now", "ever", "always", "since", "soon",
    "earlier", "too", "both", "each", "all", "so", "yet", "in", "turn",
    "recently", "repeatedly", "previously", "publicly", "privately",
}
LY_NOT_ADVERBS = {"reply", "apply", "supply", "rely", "comply", "imply", "multiply",
                  "ally", "bully", "rally", "tally", "fly", "july", "italy", "family"}
CORE_PRONOUNS = ["he", "she", "they", "it", "we", "i", "you"]
# oblique / possessive forms also occur as whole source spans ("his argument that ...")
PRONOUNS = CORE_PRONOUNS + ["his", "her", "him", "them", "their", "its", "us", "our",
                            "me", "my", "your"]
PRONOUN_SET = set(PRONOUNS)
# a source span is cut before these tokens to find its head ("officials familiar with ...")
SOURCE_CUT = {"of", "for", "at", "in", "with", "from", "on", "who", "whom", "whose",
              "which", "that", "to", "by", "and", "or", "familiar", "close", "including",
              "like", "such", ",", "(", "—", "–", ";", ":"}
GAP_IGNORABLE = {"that", ":", ",", "—", "–", "-", "…"} | QUOTE_CHARS
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col",
    "maj", "sgt", "capt", "adm", "st", "jr", "sr", "rev", "prof", "pres", "gov't",
    "inc", "corp", "co", "ltd", "no", "vs", "v", "etc", "approx", "dept", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
    "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
    "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    "u.s", "u.n", "a.m", "p.m", "d.c", "u.k", "e.g", "i.e",
}


def norm_tok(t: str) -> str:
    return t.lower().replace("’", "'")


def is_punct(t: str) -> bool:
    return not any(ch.isalnum() for ch in t)


def tokenize(text: str):
    """[(start_char, end_char, surface)] with the project regex."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def byte_to_char_map(text: str):
    """dict byte offset -> char offset (for every char boundary, plus the end)."""
    m = {}
    b = 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def strippable(tok: str) -> bool:
    if tok in AUXILIARIES or tok in LEADING_ADVERBS:
        return True
    return tok.endswith("ly") and len(tok) >= 5 and tok not in LY_NOT_ADVERBS


def cue_analysis(cue_text: str):
    """Return (full, head, passive) as tuples of normalized tokens.

    full    : all tokens minus leading/trailing punctuation
    head    : full minus leading auxiliaries / adverbs / negation
    passive : be-form + head when the last stripped token is a be-form ("is expected")
    """
    toks = [norm_tok(t) for _, _, t in tokenize(cue_text)]
    while len(toks) > 1 and is_punct(toks[-1]):
        toks.pop()
    while len(toks) > 1 and is_punct(toks[0]):
        toks.pop(0)
    full = tuple(toks)
    stripped = []
    words = list(toks)
    while len(words) > 1 and (strippable(words[0]) or is_punct(words[0])):
        stripped.append(words.pop(0))
    head = tuple(words)
    passive = None
    if stripped and stripped[-1] in BE_FORMS and stripped[-1] not in {"s", "re", "m"}:
        passive = (stripped[-1],) + head
    return full, head, passive


class Sentences:
    """Crude sentence splitter: [.!?] (+closing quotes) before whitespace, or newline."""

    BOUND = re.compile(r"[.!?]+[\"”’')\]]*(?=\s|$)|\n+")

    def __init__(self, text: str):
        self.spans = []  # (start, terminal_pos, end)
        start = 0
        n = len(text)
        for m in self.BOUND.finditer(text):
            g = m.group()
            if g[0] == "\n":
                term, end = m.start(), m.start()
            else:
                if not self._is_boundary(text, m):
                    continue
                term, end = m.start(), m.end()
            self._add(text, start, term, end)
            start = m.end()
        if start < n:
            self._add(text, start, n, n)
        self.ends = [e for _, _, e in self.spans]

    def _add(self, text, start, term, end):
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            self.spans.append((start, term, end))

    @staticmethod
    def _is_boundary(text, m):
        g = m.group()
        if g.startswith(".") and g.rstrip("\"”’')]") == ".":
            before = re.search(r"([A-Za-z][A-Za-z.']*)$", text[max(0, m.start() - 20):m.start()])
            if before:
                w = before.group(1).lower().rstrip(".")
                last = w.split(".")[-1]
                if w in ABBREVIATIONS or last in ABBREVIATIONS or len(last) == 1:
                    return False
        # next non-space char lower-case -> not a boundary ("a.m. on", "U.S. officials")
        j = m.end()
        while j < len(text) and text[j] in " \t":
            j += 1
        if j < len(text) and text[j].islower():
            return False
        return True

    def index_of(self, pos: int) -> int:
        """index of the sentence containing char position pos"""
        i = bisect.bisect_right(self.ends, pos)
        return min(i, len(self.spans) - 1)


def fmt_share(x: float) -> str:
    return f"{x:.2f}"


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}%" if b else "n/a"


def main(argv):
    in_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_INPUT
    if not in_path.exists():
        sys.exit(f"input not found: {in_path}")
    docs = []
    with open(in_path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
    splits = sorted({d.get("split") for d in docs})
    if splits != ["train"]:
        sys.exit(f"refusing to mine non-train data (splits found: {splits})")
    split_desc = (f"PolNeAR train split only (polnear/train.jsonl: {len(docs)} documents, "
                  f"{sum(len(d['attributions']) for d in docs)} attributions)")

    # ---------------- pass 1: per-document processing -----------------------------
    text_tok_counts = Counter()          # normalized token -> count (possessive stripped)
    lower_surface = Counter()            # exact lowercase-initial surface counts
    upper_surface = Counter()            # capitalized surface counts (key: lowercased)
    doc_norm_tokens = []                 # per doc: list of normalized tokens

    cue_records = []   # dicts with keys full, head, passive, frame flags
    source_records = []  # (head_word_lower, class)
    stats = Counter()
    frame_counter = Counter()
    content_end_counter = Counter()
    early_next_tok = Counter()
    content_tok_lens = []
    content_cover_lens = []
    exact_head_counter = Counter()
    pronoun_like_other = Counter()

    for d in docs:
        text = d["text"]
        b2c = byte_to_char_map(text)
        toks = tokenize(text)
        starts = [s for s, _, _ in toks]
        ends = [e for _, e, _ in toks]
        norm = [norm_tok(t) for _, _, t in toks]
        doc_norm_tokens.append(norm)
        for _, _, t in toks:
            nt = norm_tok(t)
            if nt.endswith("'s"):
                nt = nt[:-2]
            text_tok_counts[nt] += 1
            if ALPHA_RE.fullmatch(t):
                base = t[:-2] if t.lower().endswith(("'s", "’s")) else t
                if base[:1].isupper():
                    upper_surface[base.lower()] += 1
                else:
                    lower_surface[base.lower()] += 1
        sents = Sentences(text)

        def cspan(sp):
            s, e = b2c[sp["start"]], b2c[sp["end"]]
            assert text[s:e] == sp["text"], (d["id"], sp["text"])
            return s, e

        def tok_range(s, e):
            i = bisect.bisect_right(ends, s)
            j = bisect.bisect_left(starts, e)
            return i, j  # tokens i..j-1 overlap [s,e)

        for a in d["attributions"]:
            stats["attr"] += 1
            src, cue, con = a.get("source"), a.get("cue"), a.get("content")
            if src is None:
                stats["no_source"] += 1
            if cue is None:
                stats["no_cue"] += 1
            if con is None:
                stats["no_content"] += 1

            src_cs = cspan(src) if src else None
            cue_cs = cspan(cue) if cue else None
            con_cs = cspan(con) if con else None
            frags = []
            if con:
                frags = [cspan(f) for f in con.get("fragments") or [con]]
                frags.sort()

            # ---------- content statistics ----------
            if con:
                stats["content"] += 1
                ctext = con["text"]
                if any(ch in ctext for ch in "“”\""):
                    stats["content_quote"] += 1
                ftoks = sum(j - i for i, j in (tok_range(s, e) for s, e in frags))
                content_tok_lens.append(ftoks)
                i, j = tok_range(*con_cs)
                content_cover_lens.append(j - i)
                if i < j and norm[i] == "that":
                    stats["content_that"] += 1
                if len(frags) > 1:
                    stats["content_discontinuous"] += 1
                s0, e0 = con_cs
                if sents.index_of(s0) != sents.index_of(max(s0, e0 - 1)):
                    stats["content_multisent"] += 1
                # where does the content end?
                stripped_c = ctext.rstrip()
                last = stripped_c[-1:] if stripped_c else ""
                if last in ".!?":
                    stats["content_ends_punct"] += 1
                if last in CLOSE_QUOTES:
                    stats["content_ends_quote"] += 1
                    if len(stripped_c) > 1 and stripped_c[-2] in ".!?,":
                        stats["content_ends_punct_quote"] += 1
                        if stripped_c[-2] == ",":
                            stats["content_ends_comma_quote"] += 1
                if last == ",":
                    stats["content_ends_comma"] += 1
                first = ctext.lstrip()[:1]
                if first in OPEN_QUOTES:
                    stats["content_starts_quote"] += 1
                    if last in CLOSE_QUOTES:
                        stats["content_quote_closed"] += 1
                e = frags[-1][1]
                ss, term, send = sents.spans[sents.index_of(max(0, e - 1))]
                quoted_end = any(ch in CLOSE_QUOTES for ch in text[term:send])
                if e >= send or (e > term and all(ch in CLOSE_QUOTES or ch.isspace() for ch in text[e:send])):
                    if term == send:
                        cat = "at line end, no final punctuation"
                    elif quoted_end:
                        cat = "includes final punctuation + closing quote (…blah.”)"
                    else:
                        cat = "includes final bare period (…blah.)"
                elif e > term:
                    cat = "includes final punctuation, stops before closing quote"
                elif text[e:term].strip() == "":
                    cat = ("ends exactly before final punctuation, content ends with a quote (“…”.)"
                           if stripped_c[-1:] in CLOSE_QUOTES else
                           "ends exactly before final bare period (…blah + .)")
                elif all(ch in CLOSE_QUOTES or ch.isspace() for ch in text[e:term]):
                    cat = "ends before closing quote + final punctuation"
                else:
                    cat = "stops earlier in the sentence"
                    k = bisect.bisect_left(starts, e)
                    nxt = " ".join(norm[k:k + 1]) if k < len(norm) else "<eod>"
                    early_next_tok[nxt] += 1
                content_end_counter[cat] += 1

            # ---------- cue records / frames ----------
            full = head = passive = None
            if cue:
                full, head, passive = cue_analysis(cue["text"])
                exact_head_counter[head] += 1
            cs, ce = cue_cs if cue else (None, None)
            fr = {}
            if cue:
                fr["src_first"] = bool(src_cs and src_cs[1] <= cs)
                fr["inverted"] = bool(src_cs and src_cs[0] >= ce)
                fr["content_before"] = any(fe <= cs for _, fe in frags)
                after = [f for f in frags if f[0] >= ce]
                fr["content_after"] = bool(after)
                rec = False
                if after:
                    fs = after[0][0]
                    i, j = tok_range(ce, fs)
                    gap = [k for k in range(i, j)
                           if not (src_cs and starts[k] >= src_cs[0] and ends[k] <= src_cs[1])]
                    gap_t = [norm[k] for k in gap]
                    if (1 <= len(gap_t) <= RECIPIENT_MAX_GAP
                            and not any(t in {".", "!", "?"} for t in gap_t)
                            and any(t not in GAP_IGNORABLE for t in gap_t)):
                        rec = True
                fr["recipient"] = rec
                cue_records.append((full, head, passive, fr))

            # frame label
            if cue and con:
                ctext_cue = cue["text"].strip()
                cstart = frags[0][0]
                if head[:2] == ("according", "to"):
                    label = "according-to"
                elif ctext_cue == ":":
                    label = "colon"
                elif src_cs is None:
                    label = "cue-content (no source)" if cs < cstart else "content-cue (no source)"
                else:
                    order = sorted([(src_cs[0], "source"), (cs, "cue"), (cstart, "content")])
                    label = "-".join(x for _, x in order)
                frame_counter[label] += 1
                if fr["content_before"] and fr["content_after"]:
                    stats["content_around_cue"] += 1
            else:
                frame_counter["(no cue or no content)"] += 1

            # ---------- source heads ----------
            if src:
                stats["with_source"] += 1
                stoks = tokenize(src["text"])
                words = [norm_tok(t) for _, _, t in stoks]
                if len(words) == 1 and words[0] in PRONOUN_SET:
                    source_records.append((words[0], "pronoun"))
                    stats["pronoun_source_ext"] += 1
                    if words[0] in CORE_PRONOUNS:
                        stats["pronoun_source"] += 1
                    continue
                cut = len(stoks)
                for k in range(1, len(stoks)):
                    if words[k] in SOURCE_CUT:
                        cut = k
                        break
                cand = [(k, t) for k, (_, _, t) in enumerate(stoks[:cut]) if ALPHA_RE.fullmatch(t)]
                if not cand:
                    cand = [(k, t) for k, (_, _, t) in enumerate(stoks) if ALPHA_RE.fullmatch(t)]
                if not cand:
                    stats["source_no_alpha"] += 1
                    continue
                k, t = cand[-1]
                base = t[:-2] if t.lower().endswith(("'s", "’s")) else t
                w = base.lower()
                if len(words) == 1 and w in {"who", "which", "that", "this", "these", "those"}:
                    pronoun_like_other[w] += 1
                if w in PRONOUN_SET:
                    cls = "pronoun"   # pronoun-headed span, e.g. "he and his wife"
                    stats["pronoun_headed_multiword"] += 1
                elif base[:1].isupper():
                    cls = "name"
                    if k == 0:
                        # sentence-initial capitalization? decide by corpus-wide casing
                        sstart = src_cs[0]
                        p = sstart - 1
                        while p >= 0 and text[p] in " \t":
                            p -= 1
                        initial = p < 0 or text[p] in ".!?\n\"“‘'(:—–"
                        if initial and lower_surface[w] >= upper_surface[w]:
                            cls = "noun"
                else:
                    cls = "noun"
                source_records.append((w, cls))

    # ---------------- cue lexicon -------------------------------------------------
    passive_counter = Counter(p for _, _, p, _ in cue_records if p)
    candidates = set(exact_head_counter)
    candidates |= {p for p, n in passive_counter.items() if n >= PASSIVE_MIN_N}
    candidates = {c for c in candidates if c and not any(ch in "|#" for t in c for ch in t)}

    n_gold = Counter()
    frame_sums = defaultdict(Counter)
    for full, head, passive, fr in cue_records:
        credited = set()
        for seq in (head, passive):
            if not seq:
                continue
            for k in range(1, len(seq) + 1):
                if seq[:k] in candidates:
                    credited.add(seq[:k])
        for f in credited:
            n_gold[f] += 1
            for key, v in fr.items():
                if v:
                    frame_sums[f][key] += 1

    keep_forms = {f for f, n in n_gold.items() if n >= min(CUE_MIN_N, LOWPREC_MIN_N)}
    by_first = defaultdict(list)
    for f in keep_forms:
        by_first[f[0]].append(f)
    n_text = Counter()
    for norm in doc_norm_tokens:
        L = len(norm)
        for i, t in enumerate(norm):
            fs = by_first.get(t)
            if not fs:
                continue
            for f in fs:
                if len(f) == 1 or (i + len(f) <= L and tuple(norm[i:i + len(f)]) == f):
                    n_text[f] += 1

    def phrase(f):
        return " ".join(f)

    cue_rows = []
    for f in keep_forms:
        ng, nt = n_gold[f], n_text[f]
        p = ng / nt if nt else 0.0
        fsum = frame_sums[f]
        sh = {k: fsum[k] / ng for k in ("src_first", "inverted", "content_before",
                                          "content_after", "recipient")}
        flags = []
        if sh["inverted"] >= FLAG_INVERT_SHARE and fsum["inverted"] >= FLAG_INVERT_MIN:
            flags.append("invert")
        if sh["recipient"] >= FLAG_RECIPIENT_SHARE:
            flags.append("recipient")
        line = (f"{phrase(f)} | {' '.join(flags)}".rstrip() +
                f" # n={ng} text={nt} p={p:.2f} src_first={sh['src_first']:.2f} "
                f"inverted={sh['inverted']:.2f} content_after={sh['content_after']:.2f} "
                f"recipient={sh['recipient']:.2f} content_before={sh['content_before']:.2f}")
        cue_rows.append((f, ng, nt, p, line))
    cue_rows.sort(key=lambda r: (-r[1], phrase(r[0])))
    # Punctuation cues (":" "—") are frames, not words: the matcher handles them.
    cue_rows = [r for r in cue_rows if any(c.isalpha() for c in phrase(r[0]))]
    main_rows = [r for r in cue_rows if r[1] >= CUE_MIN_N and r[3] >= CUE_MIN_P]
    low_rows = [r for r in cue_rows
                if r[1] >= LOWPREC_MIN_N and LOWPREC_MIN_P <= r[3] < CUE_MIN_P]

    cue_header_common = f"""#   generated by `{GENERATOR}` -- do not edit by hand; rerun the script instead.
#   data: {split_desc}; dev/test never read.
#
# Format: <phrase> | <flags> # n=<n_gold> text=<n_text> p=<p> src_first=<s> inverted=<s> content_after=<s> recipient=<s> content_before=<s>
#   phrase      lowercased cue, tokens joined by one space, tokenizer \\w+(?:['’]\\w+)*|[^\\w\\s],
#               curly apostrophe normalized to '. Leading auxiliaries / adverbs / negation
#               ("has", "also", "repeatedly", "did not", ...) and edge punctuation are cut
#               off the gold cue to give its HEAD ("has repeatedly said" -> "said",
#               "said:" -> "said"). A be-form + head ("is expected") is kept as its own
#               form only when that exact passive occurs >= {PASSIVE_MIN_N} times. Inflected forms are separate lines.
#   flags       space-separated subset of:
#                 invert          inverted share >= {FLAG_INVERT_SHARE} and >= {FLAG_INVERT_MIN} inverted cases (", said X")
#                 recipient       recipient share >= {FLAG_RECIPIENT_SHARE} (an NP between cue and content: "told reporters that")
#               (the flag field may be empty; the flags are those grammar/cues.txt
#               understands: claimtrace loads this file before grammar/cues.txt, whose
#               hand-written entries win)
#   n           n_gold: gold cues whose head equals the phrase or starts with it
#               ("said in a statement" also counts for "said")
#   text        n_text: token-bounded, case-insensitive occurrences of the phrase in all train texts
#   p           n / text (share of text occurrences that are gold cues)
#   shares over the n gold occurrences (the denominator includes attributions lacking that role):
#     src_first      source span ends before the cue starts ("X said that ...")
#     inverted       source span starts after the cue ends ("..., said X")
#     content_after  some content fragment starts after the cue
#     recipient      content follows and 1-{RECIPIENT_MAX_GAP} tokens (outside the source span, no . ! ?)
#                    sit between cue and content that are not only "that" , : dashes or quotes
#     content_before some content fragment ends before the cue (both before and after = discontinuous quote)
# Sorted by n descending, then phrase."""

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with open(OUT_DIR / "cues.txt", "w", encoding="utf-8") as fh:
        fh.write(f"# cues.txt -- reporting cue lexicon mined from gold attribution cues.\n"
                 f"#   kept: n >= {CUE_MIN_N} and p >= {CUE_MIN_P}; {len(main_rows)} entries.\n")
        fh.write(cue_header_common + "\n")
        for r in main_rows:
            fh.write(r[4] + "\n")
    with open(OUT_DIR / "cues_lowprec.txt", "w", encoding="utf-8") as fh:
        fh.write(f"# cues_lowprec.txt -- near-miss reporting cues FOR HUMAN REVIEW (not loaded as-is).\n"
                 f"#   kept: n >= {LOWPREC_MIN_N} and {LOWPREC_MIN_P} <= p < {CUE_MIN_P}; {len(low_rows)} entries.\n")
        fh.write(cue_header_common + "\n")
        for r in low_rows:
            fh.write(r[4] + "\n")

    # ---------------- source heads ------------------------------------------------
    src_counts = Counter(source_records)
    rows = []
    for p in PRONOUNS:
        n = src_counts[(p, "pronoun")]
        if n:
            rows.append((0, -n, p, "pronoun", n))
    nouns = [(w, n) for (w, c), n in src_counts.items() if c == "noun" and n >= NOUN_MIN_N]
    for w, n in nouns:
        rows.append((1, -n, w, "noun", n))
    names = sorted([(w, n) for (w, c), n in src_counts.items() if c == "name"],
                   key=lambda x: (-x[1], x[0]))[:NAME_TOP]
    for w, n in names:
        rows.append((2, -n, w, "name", n))
    rows.sort()
    with open(OUT_DIR / "source_heads.txt", "w", encoding="utf-8") as fh:
        fh.write(f"""# source_heads.txt -- head words of gold attribution SOURCE spans.
#   generated by `{GENERATOR}` -- do not edit by hand; rerun the script instead.
#   data: {split_desc}; dev/test never read.
#
# Format: <word> | <class> # n=<count> as_source_share=<share>
#   word    lowercased head word (possessive 's removed)
#   class   pronoun  the source span is one of: {' '.join(PRONOUNS)}
#                    (or a longer span headed by one, "he and his wife")
#           noun     lower-case head: a common noun ("officials", "spokesman", "poll");
#                    also a capitalized head that is the span's first word at a sentence
#                    start when the word is at least as often lower-case in the corpus ("Officials said")
#                    one-word relative/demonstrative sources (who, which, that, those) are listed here too
#           name     capitalized head (person, organisation, outlet); only the {NAME_TOP} most frequent
#   head    the span is cut before its first post-modifier token (of for at in with from on
#           who which that to by and or familiar close including like such , ( dashes ; :),
#           then the last alphabetic token is taken ("a spokesman for the campaign" -> spokesman,
#           "Clinton's campaign" -> campaign, "Sen. Ted Cruz" -> cruz)
#   n       number of gold sources with this head and class (nouns kept with n >= {NOUN_MIN_N})
#   as_source_share  n / case-insensitive occurrences of the word as a token in all train texts
# Sorted by class (pronoun, noun, name), then n descending, then word.
""")
        for _, _, w, cls, n in rows:
            occ = text_tok_counts[w]
            share = n / occ if occ else 0.0
            fh.write(f"{w} | {cls} # n={n} as_source_share={share:.2f}\n")

    # ---------------- stats.md ----------------------------------------------------
    A = stats["attr"]
    C = stats["content"]
    S = stats["with_source"]
    out = []
    w = out.append
    w("# PolNeAR train: attribution statistics")
    w("")
    w(f"Generated by `{GENERATOR}` from the {split_desc}. Do not edit by hand.")
    w("Tokens: regex `\\w+(?:['’]\\w+)*|[^\\w\\s]`. Sentences: a crude splitter "
      "([.!?] + closing quotes before whitespace, or a newline; common abbreviations and "
      "initials skipped), so sentence figures are approximate.")
    w("")
    w("## Totals")
    w("")
    w(f"- attributions: {A} in {len(docs)} documents")
    w(f"- no source: {stats['no_source']} ({pct(stats['no_source'], A)})")
    w(f"- no cue: {stats['no_cue']} ({pct(stats['no_cue'], A)})")
    w(f"- no content: {stats['no_content']} ({pct(stats['no_content'], A)})")
    w(f"- attributions with a source: {S}")
    w(f"- pronoun sources (whole span is he she they it we i you): {stats['pronoun_source']} "
      f"({pct(stats['pronoun_source'], S)} of sources, {pct(stats['pronoun_source'], A)} of attributions)")
    w(f"- adding his her him them their its us our me my your: {stats['pronoun_source_ext']} "
      f"({pct(stats['pronoun_source_ext'], S)} of sources); multi-word sources headed by a pronoun "
      f"(\"he and his wife\"): {stats['pronoun_headed_multiword']}")
    if pronoun_like_other:
        w("- other one-word pronoun-like sources (classed noun in source_heads.txt): "
          + ", ".join(f"{k} {v}" for k, v in sorted(pronoun_like_other.items(), key=lambda x: (-x[1], x[0]))))
    w(f"- distinct cue heads: {len(exact_head_counter)}; lexicon entries: cues.txt {len(main_rows)}, "
      f"cues_lowprec.txt {len(low_rows)}")
    w("")
    w("## Frames")
    w("")
    w("Order of the spans' start offsets (content = its first fragment). `according-to` = cue head "
      "starts with \"according to\"; `colon` = the cue is a bare \":\".")
    w("")
    w("| frame | n | share |")
    w("|---|---:|---:|")
    for label, n in sorted(frame_counter.items(), key=lambda x: (-x[1], x[0])):
        w(f"| {label} | {n} | {pct(n, A)} |")
    w("")
    w(f"Content on both sides of the cue (discontinuous quote around \"he said\"): "
      f"{stats['content_around_cue']} ({pct(stats['content_around_cue'], A)}).")
    w("")
    w("## Content")
    w("")
    avg_frag = sum(content_tok_lens) / len(content_tok_lens) if content_tok_lens else 0
    avg_cov = sum(content_cover_lens) / len(content_cover_lens) if content_cover_lens else 0
    srt = sorted(content_tok_lens)
    med = srt[len(srt) // 2] if srt else 0
    w(f"- contents: {C}")
    w(f"- contains a quotation mark (“ ” or \"): {stats['content_quote']} ({pct(stats['content_quote'], C)})")
    w(f"- starts with an opening quote: {stats['content_starts_quote']} ({pct(stats['content_starts_quote'], C)}); "
      f"of these, ends with a closing quote: {stats['content_quote_closed']} "
      f"({pct(stats['content_quote_closed'], stats['content_starts_quote'])})")
    w(f"- starts with \"that\": {stats['content_that']} ({pct(stats['content_that'], C)})")
    w(f"- discontinuous (fragments): {stats['content_discontinuous']} ({pct(stats['content_discontinuous'], C)})")
    w(f"- spans more than one sentence: {stats['content_multisent']} ({pct(stats['content_multisent'], C)})")
    w(f"- length in tokens: mean {avg_frag:.1f} (fragments only), median {med}, "
      f"mean {avg_cov:.1f} over the covering span")
    w("")
    w("### Where the content ends")
    w("")
    w("Position of the content's end relative to the end of the sentence that contains its last character.")
    w("")
    w("| content end | n | share |")
    w("|---|---:|---:|")
    for label, n in sorted(content_end_counter.items(), key=lambda x: (-x[1], x[0])):
        w(f"| {label} | {n} | {pct(n, C)} |")
    w("")
    reach = sum(n for k, n in content_end_counter.items() if not k.startswith("stops earlier"))
    w(f"Summary: {pct(reach, C)} of contents run to the end of their (last) sentence, "
      f"{pct(content_end_counter['stops earlier in the sentence'], C)} stop earlier. Bare sentence-final "
      f"periods are almost never included; a period inside a closing quote is included together with the quote.")
    w("")
    w("Next token after a content that stops earlier in the sentence (top 15): "
      + ", ".join(f"`{t}` {n}" for t, n in sorted(early_next_tok.items(), key=lambda x: (-x[1], x[0]))[:15]))
    w("")
    w("Trailing characters of the gold content text:")
    w("")
    w(f"- ends with . ! or ?: {stats['content_ends_punct']} ({pct(stats['content_ends_punct'], C)})")
    w(f"- ends with a closing quote: {stats['content_ends_quote']} ({pct(stats['content_ends_quote'], C)}); "
      f"punctuation inside it (.” !” ?” ,”): {stats['content_ends_punct_quote']} "
      f"({pct(stats['content_ends_punct_quote'], C)}), of which ,” {stats['content_ends_comma_quote']}")
    w(f"- ends with a comma: {stats['content_ends_comma']} ({pct(stats['content_ends_comma'], C)})")
    w("")
    w(f"## Top {TOP_CUE_HEADS} cue heads")
    w("")
    w("`exact` = gold cues whose head is exactly this phrase; `n` / `text` / `p` as in cues.txt "
      "(n also counts longer heads starting with the phrase).")
    w("")
    w("| head | exact | n | text | p |")
    w("|---|---:|---:|---:|---:|")
    for h, ex in sorted(exact_head_counter.items(), key=lambda x: (-x[1], x[0]))[:TOP_CUE_HEADS]:
        ng, nt = n_gold[h], n_text[h]
        p = f"{ng / nt:.2f}" if nt else "-"
        w(f"| {phrase(h).replace('|', '/')} | {ex} | {ng} | {nt} | {p} |")
    with open(OUT_DIR / "stats.md", "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")

    print(f"wrote {OUT_DIR}/cues.txt ({len(main_rows)}), cues_lowprec.txt ({len(low_rows)}), "
          f"source_heads.txt ({len(rows)}), stats.md ({len(out)} lines)")


if __name__ == "__main__":
    main(sys.argv)
