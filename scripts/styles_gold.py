#!/usr/bin/env python3
"""Writes the style test set (tests/data/styles/*.txt) as gold JSONL in the corpus format.

    python3 scripts/styles_gold.py OUT.jsonl      # then: claimtrace eval --gold OUT.jsonl
    python3 scripts/styles_gold.py --show [FILE]  # every attribution, marked up in its paragraph

Each .txt file holds one invented news text and its hand annotation:

    # style: british-curly            (the JSON "publisher")
    # annotation: quotes-only         (or: broad)
    # source: invented for claimtrace's tests; not from any article
    <headline>                        (the first line; the JSON "title"; kept in "text")

    <paragraphs separated by blank lines>
    === attributions
    source | cue | content

`content` pieces of a discontinuous content are joined by " … " (space, U+2026, space); "-"
stands for a missing source or cue; `text#n` picks the n-th occurrence of `text` in the
whole document (1-based). Without `#n` a string is placed by these rules, in this order:

1. content: the first piece is the first occurrence at or after one byte past the start of
   the previous attribution's content (so list attributions in the order their contents
   begin); every further piece is the first occurrence at or after the end of the piece
   before it.
2. cue: of the occurrences that overlap no content of the document, the one nearest to its
   own content's covering span (distance in bytes, 0 inside the span, e.g. between pieces),
   looking first inside the paragraphs that span touches and then anywhere.
3. source: of the occurrences that overlap no content and not its own cue, the one nearest
   to its cue (to its content when the cue is "-"), again first in the same paragraphs.

An occurrence of a string that begins (ends) with a letter or digit must not be preceded
(followed) by one, so "he" is never found inside "the". A tie for nearest, or a string
that is not found, is an error naming file:line. tests/styles.rs implements the same rules
and checks that both give the same JSON.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STYLES = ROOT / "tests" / "data" / "styles"
SEPARATOR = "=== attributions"
TABLE_HEADER = "source | cue | content"
PIECE_JOINER = " \u2026 "
KINDS = ("quotes-only", "broad")


class AnnotationError(Exception):
    """A problem in a style file, with its file:line."""


def split_occurrence(raw):
    """'text#3' -> ('text', 3); 'text' -> ('text', None)."""
    head, hash_mark, tail = raw.rpartition("#")
    if hash_mark and head and tail.isascii() and tail.isdigit():
        return head, int(tail)
    return raw, None


def is_word_char(ch):
    return ch.isalnum()


def occurrences(text, needle):
    """Character positions of `needle` in `text` that respect word edges."""
    found = []
    at = text.find(needle)
    while at >= 0:
        end = at + len(needle)
        before_ok = not is_word_char(needle[0]) or at == 0 or not is_word_char(text[at - 1])
        after_ok = (
            not is_word_char(needle[-1]) or end == len(text) or not is_word_char(text[end])
        )
        if before_ok and after_ok:
            found.append(at)
        at = text.find(needle, at + 1)
    return found


def distance(span, anchor):
    """Characters between two (start, end) ranges; 0 when they overlap or touch inside."""
    if span[1] <= anchor[0]:
        return anchor[0] - span[1]
    if span[0] >= anchor[1]:
        return span[0] - anchor[1]
    return 0


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def paragraphs_around(text, anchor):
    """The (start, end) of the paragraphs (blank-line separated) that `anchor` touches."""
    start = text.rfind("\n\n", 0, anchor[0])
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", max(anchor[1] - 1, anchor[0]))
    return (start, len(text) if end < 0 else end)


def nth(text, needle, n, where):
    places = occurrences(text, needle)
    if n < 1 or n > len(places):
        raise AnnotationError(f"{where}: {needle!r}#{n}: the text has {len(places)} occurrence(s)")
    return (places[n - 1], places[n - 1] + len(needle))


def nearest(text, raw, anchor, excluded, where, role, byte):
    """The occurrence of `raw` (or its #n) nearest to `anchor`, avoiding `excluded` ranges;
    distances are counted in UTF-8 bytes, as in tests/styles.rs."""
    needle, n = split_occurrence(raw)
    if n is not None:
        return nth(text, needle, n, where)
    places = [
        (at, at + len(needle))
        for at in occurrences(text, needle)
        if not any(overlaps((at, at + len(needle)), ex) for ex in excluded)
    ]
    if not places:
        raise AnnotationError(f"{where}: {role} {needle!r} is not in the text (outside contents)")
    home = paragraphs_around(text, anchor)

    def rank(span):
        inside = home[0] <= span[0] and span[1] <= home[1]
        in_bytes = (byte(span[0]), byte(span[1]))
        return (0 if inside else 1, distance(in_bytes, (byte(anchor[0]), byte(anchor[1]))))

    ranked = sorted(places, key=rank)
    if len(ranked) > 1 and rank(ranked[0]) == rank(ranked[1]):
        raise AnnotationError(
            f"{where}: {role} {needle!r} is ambiguous (two occurrences equally near); "
            f"write {needle}#n"
        )
    return ranked[0]


def parse_file(path):
    """Reads one style file into (header dict, text, [(line number, source, cue, pieces)])."""
    lines = path.read_text(encoding="utf-8").split("\n")
    header = {}
    index = 0
    while index < len(lines) and lines[index].startswith("#"):
        key, colon, value = lines[index][1:].partition(":")
        if colon:
            header.setdefault(key.strip(), value.strip())
        index += 1
    try:
        separator = lines.index(SEPARATOR, index)
    except ValueError:
        raise AnnotationError(f"{path}: no '{SEPARATOR}' line") from None
    body = [line.rstrip() for line in lines[index:separator]]
    while body and not body[0]:
        body.pop(0)
    while body and not body[-1]:
        body.pop()
    text = "\n".join(body)
    for key in ("style", "annotation"):
        if key not in header:
            raise AnnotationError(f"{path}:1: the header has no '# {key}:' line")
    if header["annotation"] not in KINDS:
        raise AnnotationError(f"{path}: annotation must be one of {KINDS}")
    rows = []
    for number, line in enumerate(lines[separator + 1 :], start=separator + 2):
        line = line.strip()
        if not line or line.startswith("#") or line == TABLE_HEADER:
            continue
        cells = [cell.strip() for cell in line.split(" | ", 2)]
        if len(cells) != 3:
            raise AnnotationError(f"{path}:{number}: expected 'source | cue | content'")
        source, cue, content = cells
        if content in ("", "-"):
            raise AnnotationError(f"{path}:{number}: the content is missing")
        pieces = content.split(PIECE_JOINER)
        if any(not piece for piece in pieces):
            raise AnnotationError(f"{path}:{number}: an empty content piece")
        rows.append((number, None if source == "-" else source, None if cue == "-" else cue, pieces))
    return header, text, rows


def resolve(path):
    """Places every annotation of a style file; returns (header, text, [attribution dict])."""
    header, text, rows = parse_file(path)
    placed = []
    previous_start = -1
    for number, source, cue, pieces in rows:
        where = f"{path}:{number}"
        spans = []
        for piece in pieces:
            needle, n = split_occurrence(piece)
            if n is not None:
                span = nth(text, needle, n, where)
            else:
                floor = spans[-1][1] if spans else previous_start + 1
                after = [at for at in occurrences(text, needle) if at >= floor]
                if not after:
                    raise AnnotationError(
                        f"{where}: content {needle!r} is not in the text after the previous "
                        "content (attributions go in the order their contents begin; or use #n)"
                    )
                span = (after[0], after[0] + len(needle))
            if spans and span[0] < spans[-1][1]:
                raise AnnotationError(f"{where}: content pieces overlap or are out of order")
            spans.append(span)
        previous_start = spans[0][0]
        placed.append((where, source, cue, spans))
    contents = [span for _, _, _, spans in placed for span in spans]
    byte = to_bytes(text)
    attributions = []
    for where, source, cue, spans in placed:
        cover = (spans[0][0], spans[-1][1])
        cue_span = cue and nearest(text, cue, cover, contents, where, "cue", byte)
        anchor = cue_span or cover
        excluded = contents + ([cue_span] if cue_span else [])
        source_span = source and nearest(text, source, anchor, excluded, where, "source", byte)
        attributions.append((source_span, cue_span, spans))
    return header, text, attributions


def to_bytes(text):
    """A function from character offsets to UTF-8 byte offsets of `text`."""
    table = [0]
    for ch in text:
        table.append(table[-1] + len(ch.encode("utf-8")))
    return lambda at: table[at]


def gold_document(path):
    """The corpus-format JSON object for one style file."""
    header, text, attributions = resolve(path)
    byte = to_bytes(text)

    def span(rng):
        if not rng:
            return None
        return {"start": byte(rng[0]), "end": byte(rng[1]), "text": text[rng[0] : rng[1]]}

    records = []
    for source, cue, pieces in attributions:
        content = span((pieces[0][0], pieces[-1][1]))
        if len(pieces) > 1:
            content["fragments"] = [span(piece) for piece in pieces]
        record = {"source": span(source), "cue": span(cue), "content": content}
        if source is None:
            record["no_source_label"] = True
        records.append(record)
    return {
        "id": f"styles/{path.stem}",
        "split": "styles",
        "publisher": header["style"],
        "title": text.split("\n", 1)[0],
        "text": text,
        "attributions": records,
    }


def style_files():
    return sorted(STYLES.glob("*.txt"))


def show(paths):
    """Prints each attribution in its paragraph: [S …] source, [C …] cue, {…} content."""
    for path in paths:
        header, text, attributions = resolve(path)
        print(f"== {path.name} ({header['style']}, {header['annotation']}, {len(attributions)})")
        for source, cue, pieces in attributions:
            marks = [m for p in pieces for m in ((p[0], "{"), (p[1], "}"))]
            for rng, tag in ((source, "S"), (cue, "C")):
                if rng:
                    marks += [(rng[0], f"[{tag} "), (rng[1], "]")]
            low = min(at for at, _ in marks)
            high = max(at for at, _ in marks)
            start = text.rfind("\n", 0, low) + 1
            end = text.find("\n", high)
            end = len(text) if end < 0 else end
            out = text[start:end]
            # Inserted from the end; at one position, openers go in first so closers precede them.
            for at, tag in sorted(marks, key=lambda m: (m[0], m[1] != "]" and m[1] != "}"), reverse=True):
                out = out[: at - start] + tag + out[at - start :]
            print("  " + out.replace("\n", "\n  "))
            print()


def main(argv):
    if len(argv) >= 1 and argv[0] == "--show":
        names = argv[1:]
        try:
            show([STYLES / name for name in names] if names else style_files())
        except AnnotationError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        return 0
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__.strip().split("\n\n")[0], file=sys.stderr)
        return 2
    try:
        documents = [gold_document(path) for path in style_files()]
    except AnnotationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    with open(argv[0], "w", encoding="utf-8") as out:
        for document in documents:
            out.write(json.dumps(document, ensure_ascii=False) + "\n")
    count = sum(len(d["attributions"]) for d in documents)
    print(f"wrote {len(documents)} documents, {count} attributions to {argv[0]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
