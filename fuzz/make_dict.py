#!/usr/bin/env python3
"""Builds fuzz/extract.dict, a libFuzzer dictionary, from the phrases in grammar/.

The fuzzer splices these real cues, sources, relays, markers and layout lines into
its inputs. The file is generated (and git-ignored): run this before `cargo fuzz run`.
"""
import pathlib

here = pathlib.Path(__file__).resolve().parent
grammar = here.parent / "grammar"
phrases = set()
for path in sorted(grammar.rglob("*.txt")):
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "@")):
            continue
        phrase = line.split("#", 1)[0].split("|", 1)[0].strip().lstrip("!").strip()
        if phrase:
            phrases.add(phrase)
# Punctuation and layout the segmenter and quote finder react to.
phrases.update(['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb",
                "\u2014", "\u2013", ", ", ". ", ": ", "; ", "(", ")", "...", "\u2026",
                "\u2022", " that ", " to ", "\n\n", "\r\n", "Mr.", "U.S.", "@example"])


def escape(text: str) -> str:
    out = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        if char in '\\"':
            out.append("\\" + char)
        elif 0x20 <= byte < 0x7F:
            out.append(char)
        else:
            out.append(f"\\x{byte:02X}")
    return "".join(out)


target = here / "extract.dict"
target.write_text("".join(f'"{escape(p)}"\n' for p in sorted(phrases)), encoding="ascii")
print(f"wrote {len(phrases)} entries to {target}")
