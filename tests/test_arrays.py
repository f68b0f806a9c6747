"""framing.arrays: sentences, entities and word counts read from a Doc's arrays give what the Token
loops of spaCy give."""

from __future__ import annotations

from framing import arrays


def test_sentences_and_word_count_agree_with_the_token_loops(nlp, seed_docs):
    texts = ["", "   ", "One.", "“Quoted,” he said. Then: a list\n\n- item one\n- item two", "Ellipsis... and more!!"]
    docs = [*seed_docs.values(), *nlp.pipe(texts)]
    for doc in docs:
        assert [(s.start, s.end) for s in arrays.sentences(doc)] == [(s.start, s.end) for s in doc.sents]
        assert arrays.word_count(doc) == sum(1 for t in doc if not (t.is_punct or t.is_space))
    assert arrays.sentences(docs[-5]) == [] and arrays.word_count(docs[-4]) == 0
    assert arrays.word_count(docs[-3]) == 1


def test_entities_are_the_spans_and_labels_of_doc_ents(nlp, seed_docs):
    texts = ["", "Putin met Tokayev in St. Petersburg on Friday.", "The U.S. and the European Union, said Ms. Lee.",
             "Kassym-Jomart Tokayev, the leader of Kazakhstan, spoke to the forum"]
    for doc in [*seed_docs.values(), *nlp.pipe(texts)]:
        assert [(e.start, e.end, e.label_) for e in arrays.entities(doc)] == \
            [(e.start, e.end, e.label_) for e in doc.ents]
    ents = arrays.entities(nlp("Putin met Tokayev in St. Petersburg."))
    assert [(e.text, e.label_) for e in ents] == [("Putin", "PERSON"), ("Tokayev", "PERSON"), ("St. Petersburg", "GPE")]


def test_sentences_and_words_of_a_pipeline_without_a_model(blank_nlp):
    doc = blank_nlp("Minister quits\n\n“It is over,” she said. Critics disagreed!\n- one\n- two")
    # a line break after a full stop is a sentence of its own (the tables skip blank sentences)
    assert [s.text.strip() for s in arrays.sentences(doc)] == [
        "Minister quits", "“It is over,” she said.", "Critics disagreed!", "", "- one", "- two"]
    assert arrays.sentences(doc) == list(doc.sents)
    assert arrays.word_count(doc) == 11  # Minister quits It is over she said Critics disagreed one two
