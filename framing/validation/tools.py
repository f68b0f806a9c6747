"""Label Studio and doccano: the files a sample gives their import, and the coded files they export.

What ``framing sample`` writes for them:

- ``label_studio.json``: a list of tasks ``{"data": {...}}`` (Label Studio imports a JSON list of
  tasks) and ``label_studio.xml``, the labelling interface to paste into the project's settings: span
  labels for the marker families and a multiple choice of frames (sentence and article units), or
  single choices of the codes (marker and quote units).
- ``doccano.jsonl``: one unit per line, ``{"text": ..., "sample_id": ..., "unit_id": ..., ...}``;
  doccano keeps the other fields as the example's metadata and exports them again.

For sentence and article units the task text is the unit's text, so span offsets are offsets into it.
For marker and quote units it is the sentence with the found words in ``[[...]]``; the found words
themselves are in ``found``.

What they export, and :func:`read_tool_file` reads:

- Label Studio's JSON export (a list of tasks) or JSONL (one task a line): each task keeps ``data``
  and has ``annotations``, each with ``completed_by`` and ``result``: items of type ``labels``
  (``value.start``, ``value.end``, ``value.text``, ``value.labels``) are spans; items of type
  ``choices`` (``value.choices``) are codes of the variable their ``from_name`` names. A cancelled
  annotation is not a coding. Each annotator is a coder: the file name, or ``FILE:ID`` when the file
  has several annotators.
- doccano's JSONL export: ``text``, and ``label`` (``labels`` in older versions, ``entities`` in
  some project types): ``[start, end, "LABEL"]`` items are spans, plain strings are unit codes (as are
  the strings of ``cats``). Metadata is read from the top level or from ``meta``. Every line is a
  coding (doccano exports examples with no label too); the file name is the coder.

Span labels are a family or ``family/category``; unit codes are ``VARIABLE:CODE`` (``frame:Economic``,
``family:loaded``) or a bare code that only one variable of the unit has.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from xml.sax.saxutils import quoteattr

from framing.errors import InputError
from framing.validation.codes import NONE, SPAN_UNITS, VARIABLES, CodedUnit, Span, Vocabulary, key
from framing.validation.sheets import span_codes

#: Fields of every task / example that say which unit it is.
META = ("sample_id", "corpus_id", "unit", "unit_id", "doc_id", "start_char", "end_char")
#: Marks around the found words in the text shown for marker and quote units.
OPEN, CLOSE = "[[", "]]"


def _shown(unit) -> str:
    return unit.text if unit.unit in SPAN_UNITS else f"{unit.before}{OPEN}{unit.text}{CLOSE}{unit.after}"


def _data(sample, unit) -> dict[str, object]:
    data = {"text": _shown(unit), "sample_id": sample.sample_id, "corpus_id": sample.corpus_id, "unit": unit.unit,
            "unit_id": unit.unit_id, "doc_id": unit.doc_id, "start_char": unit.start_char,
            "end_char": unit.end_char}
    if unit.unit in SPAN_UNITS:
        data.update(before=unit.before, after=unit.after)
    else:
        data.update(found=unit.text, **unit.tool)
    if sample.by:
        data["group"] = unit.group
    return data


def label_studio_bytes(sample) -> bytes:
    """The tasks of ``sample`` for Label Studio's import (a JSON list)."""
    tasks = [{"data": _data(sample, unit)} for unit in sample.units]
    return (json.dumps(tasks, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def doccano_bytes(sample) -> bytes:
    """The units of ``sample`` for doccano's import (JSONL)."""
    lines = [json.dumps(_data(sample, unit), ensure_ascii=False) for unit in sample.units]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _choices(name: str, values, *, multiple: bool = False) -> list[str]:
    mode = "multiple" if multiple else "single"
    lines = [f'  <Header value={quoteattr(name.replace("_", " "))}/>',
             f'  <Choices name="{name}" toName="text" choice="{mode}" showInline="true">']
    lines += [f"    <Choice value={quoteattr(v)}/>" for v in values]
    return lines + ["  </Choices>"]


def label_studio_config(unit: str, codes: Vocabulary) -> bytes:
    """Label Studio's labelling interface (XML) for units of kind ``unit``."""
    from framing.figures.style import FAMILY_COLORS

    lines = ["<View>", '  <Header value="$unit_id"/>']
    if unit in SPAN_UNITS:
        lines += ['  <Text name="before" value="$before"/>', '  <Labels name="spans" toName="text">']
        lines += [f"    <Label value={quoteattr(f)} background={quoteattr(FAMILY_COLORS.get(f, '#BBBBBB'))}/>"
                  for f in codes.families]
        lines += ["  </Labels>", '  <Text name="text" value="$text"/>', '  <Text name="after" value="$after"/>']
        lines += _choices("frames", codes.frames, multiple=True)
    else:
        lines += ['  <Text name="text" value="$text"/>']
        for variable in VARIABLES[unit]:
            lines += _choices(variable, codes.values(variable))
    return ("\n".join(lines + ["</View>"]) + "\n").encode("utf-8")


def json_items(text: str) -> Iterator[tuple[int, object]]:
    """``(line, item)`` for each item of a JSON list (or the one JSON object) in ``text``.
    Raises ValueError (with the line) when it does not parse."""
    decoder = json.JSONDecoder()
    stripped = text.lstrip()
    start = len(text) - len(stripped)
    if not stripped.startswith("["):
        yield text.count("\n", 0, start) + 1, decoder.raw_decode(text, start)[0]
        return
    position = start + 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text):
            raise ValueError(f"line {text.count(chr(10), 0, position) + 1}: the list is not closed")
        if text[position] == "]":
            return
        try:
            item, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise ValueError(f"line {error.lineno}: {error.msg}") from None
        yield text.count("\n", 0, position) + 1, item
        position = end


def _records(path: Path) -> list[tuple[int, dict]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text", "export the file again as UTF-8 JSON") from None
    records = []
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    records.append((number, json.loads(line)))
                except json.JSONDecodeError as error:
                    raise InputError(path, f"broken JSON ({error.msg}, column {error.colno})",
                                     "fix or remove this line", line=number) from None
    else:
        try:
            records = list(json_items(text))
        except (ValueError, json.JSONDecodeError) as error:
            raise InputError(path, f"broken JSON ({error})", "export the file again") from None
    for number, record in records:
        if not isinstance(record, dict):
            raise InputError(path, "an item is not a JSON object", "give an export of Label Studio or doccano",
                             line=number)
    if not records:
        raise InputError(path, "no coded units", "give the export of a coded sample", line=1)
    return records


def _meta(path: Path, line: int, fields: Mapping[str, object], unit_text_field: str | None) -> dict[str, object]:
    missing = [f for f in META if f not in fields]
    if missing:
        raise InputError(path, f"missing field(s) {', '.join(missing)}", "import the tasks `framing sample` wrote "
                         "and export them with their data", line=line)
    meta = {f: fields[f] for f in META}
    if meta["unit"] not in VARIABLES:
        raise InputError(path, f"unknown unit {meta['unit']!r}", "keep the unit field as written", line=line)
    text_field = "text" if meta["unit"] in SPAN_UNITS else "found"
    if not isinstance(fields.get(text_field), str):
        raise InputError(path, f"missing field(s) {text_field}", "export the tasks with their data", line=line)
    try:
        meta["start_char"], meta["end_char"] = int(meta["start_char"]), int(meta["end_char"])
    except (TypeError, ValueError):
        raise InputError(path, "start_char and end_char must be whole numbers", "keep them as written",
                         line=line) from None
    meta["text"] = fields[text_field]
    return meta


def _span(path: Path, line: int, text: str, start, end, label, codes: Vocabulary, quoted=None) -> Span:
    parsed = codes.span_label(str(label))
    if parsed is None:
        raise InputError(path, f"unknown code {label!r}", "use a family or family/category of codebook.md",
                         line=line)
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise InputError(path, f"span {start}-{end} ({label}) is outside the unit's text",
                         "export the file again from the project the sample was imported into", line=line)
    if quoted is not None and quoted != text[start:end]:
        raise InputError(path, f"span {start}-{end} reads {quoted!r} but the unit's text there is "
                         f"{text[start:end]!r}", "label the text as imported", line=line)
    return Span(start, end, *parsed)


def _labels(path: Path, line: int, unit: str, labels, codes: Vocabulary, variable: str | None = None
            ) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    variables = [v for v in VARIABLES[unit] if unit not in SPAN_UNITS or v == "frame"]
    for label in labels:
        if variable in variables:
            found = codes.code(variable, str(label))
            parsed = None if found is None else (variable, found)
        elif key(str(label)) == NONE and unit not in SPAN_UNITS:
            parsed = (variables[0], NONE)
        else:
            parsed = codes.unit_label(str(label), variables)
        if parsed is None:
            raise InputError(path, f"unknown code {label!r}", "use a code of codebook.md", line=line)
        out.setdefault(parsed[0], set()).add(parsed[1])
    return out


def _coded(meta: dict, coder: str, path: Path, line: int, spans: list[Span], labels: dict[str, set[str]]
           ) -> CodedUnit:
    unit = str(meta["unit"])
    if unit in SPAN_UNITS:
        ordered = tuple(sorted(set(spans), key=lambda s: (s.start, s.end, s.family, s.category)))
        codes = span_codes(ordered, frozenset(labels.get("frame", set())))
    else:
        ordered, codes = (), {v: frozenset(values) for v, values in labels.items()}
        if codes.get("family") == frozenset({NONE}) and "category" not in codes and "category" in VARIABLES[unit]:
            codes["category"] = frozenset({NONE})
    return CodedUnit(unit, str(meta["unit_id"]), str(meta["doc_id"]), int(meta["start_char"]),
                     int(meta["end_char"]), str(meta["text"]), sample_id=str(meta["sample_id"]),
                     corpus_id=str(meta["corpus_id"]), coder=coder, path=str(path), line=line, spans=ordered,
                     codes=codes)


def _annotator(annotation: Mapping) -> str:
    who = annotation.get("completed_by")
    if isinstance(who, Mapping):
        who = who.get("email") or who.get("id")
    return "" if who is None else str(who)


def _label_studio(path: Path, records: list[tuple[int, dict]], codes: Vocabulary) -> list[CodedUnit]:
    annotators = sorted({_annotator(a) for _, task in records for a in task.get("annotations") or []
                         if isinstance(a, Mapping)})
    coded = []
    for line, task in records:
        if not isinstance(task.get("data"), Mapping):
            raise InputError(path, "a task without data", "export the tasks with their data", line=line)
        meta = _meta(path, line, task["data"], None)
        text = str(meta["text"])
        for annotation in task.get("annotations") or []:
            if not isinstance(annotation, Mapping) or annotation.get("was_cancelled"):
                continue
            who = _annotator(annotation)
            coder = path.stem if len(annotators) <= 1 else f"{path.stem}:{who}"
            spans, labels = [], {}
            for item in annotation.get("result") or []:
                value = item.get("value") or {} if isinstance(item, Mapping) else {}
                kind = item.get("type") if isinstance(item, Mapping) else None
                if kind == "labels" and meta["unit"] in SPAN_UNITS:
                    for label in value.get("labels") or []:
                        spans.append(_span(path, line, text, value.get("start"), value.get("end"), label, codes,
                                           value.get("text")))
                elif kind == "choices":
                    from_name = str(item.get("from_name", ""))
                    variable = {"frames": "frame"}.get(from_name, from_name)
                    for name, found in _labels(path, line, str(meta["unit"]), value.get("choices") or [], codes,
                                               variable).items():
                        labels.setdefault(name, set()).update(found)
            coded.append(_coded(meta, coder, path, line, spans, labels))
    return coded


def _doccano(path: Path, records: list[tuple[int, dict]], codes: Vocabulary) -> list[CodedUnit]:
    coded = []
    for line, example in records:
        fields = {**(example.get("meta") if isinstance(example.get("meta"), Mapping) else {}), **example}
        if fields.get("found") is None and isinstance(example.get("meta"), Mapping):
            fields["found"] = example["meta"].get("found")
        meta = _meta(path, line, fields, None)
        text = str(meta["text"])
        spans, plain = [], []
        items = [*(example.get("label") or example.get("labels") or []), *(example.get("entities") or [])]
        for item in items:
            if isinstance(item, list | tuple) and len(item) == 3:
                spans.append(_span(path, line, text, item[0], item[1], item[2], codes))
            elif isinstance(item, Mapping) and "start_offset" in item:
                spans.append(_span(path, line, text, item.get("start_offset"), item.get("end_offset"),
                                   item.get("label"), codes))
            elif isinstance(item, str):
                plain.append(item)
            else:
                raise InputError(path, f"a label that is neither a span nor a code ({item!r})",
                                 "export the project again as JSONL", line=line)
        if spans and meta["unit"] not in SPAN_UNITS:
            raise InputError(path, f"spans in a {meta['unit']} unit", "give the unit's codes as labels", line=line)
        plain += [c for c in example.get("cats") or [] if isinstance(c, str)]
        coded.append(_coded(meta, path.stem, path, line, spans, _labels(path, line, str(meta["unit"]), plain, codes)))
    return coded


def read_tool_file(path: str | Path, codes: Vocabulary) -> list[CodedUnit]:
    """The coded units of a Label Studio or doccano export (JSON or JSONL). Raises InputError naming
    the file and line for broken JSON, missing fields, unknown codes or spans outside the text."""
    path = Path(path)
    records = _records(path)
    line, first = records[0]
    if "data" in first and ("annotations" in first or "predictions" in first or "id" in first):
        return _label_studio(path, records, codes)
    if "text" in first:
        return _doccano(path, records, codes)
    raise InputError(path, "neither a Label Studio nor a doccano export", "export the coded project as JSON "
                     "(Label Studio) or JSONL (doccano)", line=line)
