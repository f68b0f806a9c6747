"""The framing_sourcing component: in the pipeline, with its alias file, on a blank pipeline, on any text."""

from __future__ import annotations

import spacy
from hypothesis import HealthCheck, given, settings

from framing.sourcing import SourcingExtractor, find_quotes

from .helpers import TEXT, only


def test_component_is_in_the_pipeline_and_leaves_the_doc_alone(nlp):
    assert "framing_sourcing" in nlp.pipe_names
    text = "“We are ready,” Smith said. Officials claimed that the vote was rigged."
    doc = nlp(text)
    before = [(t.text, t.dep_, t.head.i, t.ent_type_) for t in doc]
    again = nlp.get_pipe("framing_sourcing")(doc)
    assert [(t.text, t.dep_, t.head.i, t.ent_type_) for t in again] == before
    found = again._.framing_quotes
    assert [q.quote_id for q in found] == [1, 2]
    assert [q.start_char for q in found] == sorted(q.start_char for q in found)


def test_blank_pipeline_still_finds_quotations():
    nlp = spacy.blank("en")
    nlp.add_pipe("framing_sourcing")
    found = nlp("He said: “This is a complete sentence from the speaker.” It was a “label” then.")._.framing_quotes
    assert [(q.kind, q.text) for q in found] == [
        ("direct", "This is a complete sentence from the speaker."), ("scare", "label")]


def test_alias_table_merges_spellings(nlp, tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical\nTokaev,Kassym-Jomart Tokayev\nTokayev,Kassym-Jomart Tokayev\n",
                    encoding="utf-8")
    doc = nlp("Tokaev said the areas were not recognised. Later Tokayev said the talks went well.")
    plain = [q.speaker_resolved for q in SourcingExtractor().find(doc)]
    merged = [q.speaker_resolved for q in find_quotes(doc, aliases=path)]
    assert plain == ["Tokaev", "Tokayev"]
    assert merged == ["Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"]


def test_pipeline_takes_the_alias_file_from_its_config(tmp_path):
    from framing.pipeline.model import load_pipeline

    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical\nTokaev,Kassym-Jomart Tokayev\n", encoding="utf-8")
    nlp = load_pipeline(extractors=["sourcing"], aliases=path)
    q = only(nlp, "Tokaev said the areas were not recognised.")
    assert q.speaker_resolved == "Kassym-Jomart Tokayev"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_component_never_raises_and_spans_stay_inside_the_text(nlp, text):
    found = nlp(text)._.framing_quotes
    assert [q.quote_id for q in found] == list(range(1, len(found) + 1))
    end = -1
    for q in found:
        assert 0 <= q.start_char < q.end_char <= len(text)
        assert text[q.start_char:q.end_char] == q.text
        assert q.start_char >= end  # sorted and never overlapping
        end = q.end_char
        for start, stop in ((q.speaker_start_char, q.speaker_end_char), (q.cue_start_char, q.cue_end_char)):
            assert (start, stop) == (-1, -1) or 0 <= start < stop <= len(text)
