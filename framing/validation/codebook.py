"""The codebook: a Markdown file that tells coders what each code means, built from the data.

Families, categories, quotation kinds and speaker types are defined in
``framing/lexicons/codebook/definitions.csv``; each category lists example entries of the lexicons
(a category a user lexicon adds gets the note of its first entries); frames come with their definitions
from ``framing/lexicons/frames/frames.csv`` when the package has it (else their names only, with the
codebook they come from). The same codes and sample give the same bytes.
"""

from __future__ import annotations

from collections import defaultdict

from framing.validation.codes import NONE, SPAN_UNITS, Vocabulary

#: Example entries shown per category.
EXAMPLES = 6
#: Characters that mark an entry as a pattern rather than a plain phrase (not shown as an example).
PATTERN_CHARS = "[]{}|*=<>"

INSTRUCTIONS = {
    "sentence": "Read each sentence (with the sentences before and after it for context). Mark every "
                "word or phrase that belongs to a marker family below, with its family or, better, "
                "`family/category`. Then list the frames the sentence carries. Mark what you see, not what "
                "you think a program would find.",
    "article": "Read each article. Mark every word or phrase that belongs to a marker family below, with "
               "its family or `family/category`. Then list the frames the article carries (a frame is "
               "carried when it shapes how the article tells the story, not when it is only mentioned).",
    "marker": "Each unit is one word or phrase the tool found, shown in `[[...]]` within its sentence, "
              "with the family and category the tool gave it. Say which family and category it really "
              "belongs to, or `none` when it is not a marker at all.",
    "quote": "Each unit is one quotation or attribution the tool found, shown in `[[...]]` within its "
             "sentences. Say what kind it really is (`none` when it is not one), who speaks (the type of "
             "speaker) and the class of the verb that introduces it (`none` when there is none).",
}
HOW_TO = {
    "sheet": "In `sheet.csv`: write spans as `LABEL: PHRASE` separated by `;` in the `spans` column "
             "(`loaded/threat and fear: clear threat; hedge: could`; add `#2` for the second occurrence "
             "of a phrase), frames separated by `;` in `frames`, one code in each of the other code columns, "
             "and `yes` in `done` for every row you have coded.",
    "tools": "In Label Studio (`label_studio.json`, interface `label_studio.xml`) and doccano "
             "(`doccano.jsonl`): label spans with a family or `family/category`; give unit codes as "
             "choices (Label Studio) or as labels `VARIABLE:CODE` such as `frame:Political`, "
             "`family:loaded`, `kind:direct` (doccano).",
}


def _examples(lexicon_entries) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for entry in sorted(lexicon_entries, key=lambda e: e.key):
        name = f"{entry.family}/{entry.category}"
        if not any(ch in entry.entry for ch in PATTERN_CHARS) and len(out[name]) < EXAMPLES:
            out[name].append(entry.entry)
    return out


def _notes(lexicon_entries) -> dict[str, str]:
    notes: dict[str, str] = {}
    for entry in lexicon_entries:
        notes.setdefault(f"{entry.family}/{entry.category}", entry.note)
    return notes


def codebook_markdown(codes: Vocabulary, sample=None, *, lexicon_paths=()) -> bytes:
    """The codebook as Markdown bytes; with ``sample``, headed by its id and with the instructions for
    its kind of unit (otherwise for every kind)."""
    from framing.lexicons.entries import load_lexicon

    entries = load_lexicon(lexicon_paths)
    examples, notes = _examples(entries), _notes(entries)
    lines = ["# Codebook", ""]
    units = [sample.unit] if sample is not None else list(INSTRUCTIONS)
    if sample is not None:
        by = f", the same number from each {sample.by}" if sample.by else ""
        lines += [f"Sample `{sample.sample_id}` of corpus `{sample.corpus_id}`: {len(sample.units)} {sample.unit} "
                  f"units drawn at random (seed {sample.seed}{by}) from {sample.available}.", ""]
    lines += ["## How to code", ""]
    for unit in units:
        lines += [f"**{unit.capitalize()} units.** {INSTRUCTIONS[unit]}", ""]
    lines += [f"{HOW_TO['sheet']}", "", f"{HOW_TO['tools']}", ""]
    if any(u in SPAN_UNITS or u == "marker" for u in units):
        lines += ["## Marker families and their categories", "",
                  "The examples are entries of the lexicons, in their dictionary form (\"be\" for is, was...).", ""]
        for family in codes.families:
            source = codes.sources.get(("family", family), "")
            lines += [f"### `{family}`", "", codes.describe("family", family) + (f" Source: {source}." if source else ""), ""]
            for category in (c for c in codes.categories if c.startswith(f"{family}/")):
                meaning = codes.describe("category", category) or notes.get(category, "")
                shown = ", ".join(f'"{e}"' for e in examples.get(category, []))
                lines.append(f"- `{category}`: {meaning}" + (f". Examples: {shown}." if shown else ""))
            lines.append("")
        lines += [f"`{NONE}` (marker units only): not a marker of any family.", ""]
    if any(u in SPAN_UNITS for u in units):
        lines += ["## Frames", ""]
        if not codes.frames_defined:
            lines += ["The dimensions of the Policy Frames Codebook (Boydstun, Card, Gross, Resnik & Smith 2014). "
                      "A unit carries a frame when it presents the issue in those terms.", ""]
        for frame in codes.frames:
            meaning = codes.describe("frame", frame)
            lines.append(f"- `{frame}`" + (f": {meaning}" if meaning else ""))
        lines.append("")
    if "quote" in units:
        for variable, title in (("kind", "Kinds of quotation"), ("speaker_type", "Types of speaker"),
                                ("cue_class", "Classes of reporting verb")):
            lines += [f"## {title} (`{variable}`)", ""]
            for value in codes.values(variable):
                kind = "category" if variable == "cue_class" else variable
                name = f"reporting_verb/{value}" if variable == "cue_class" else value
                meaning = codes.describe(kind, name) or ("there is none" if value == NONE else "")
                lines.append(f"- `{value}`: {meaning}")
            lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
