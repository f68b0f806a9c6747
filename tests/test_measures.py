"""framing.measures on small hand-built tables whose answers are worked out here."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from framing import measures
from framing.errors import FramingError
from framing.schemas import frame


def articles_table() -> pd.DataFrame:
    """Outlet X: two articles (2,000 + 1,000 words); outlet Y: one article of 500 words."""
    return frame("articles", [
        {"doc_id": "x1", "outlet": "X", "n_words": 2000, "n_sentences": 3, "language": "en", "text": "..."},
        {"doc_id": "x2", "outlet": "X", "n_words": 1000, "n_sentences": 2, "language": "de", "text": "..."},
        {"doc_id": "y1", "outlet": "Y", "n_words": 500, "n_sentences": 3, "language": "en", "text": "..."},
    ])


def marker(doc_id: str, family: str, category: str, voice: str = "author", sent_id: int = 0) -> dict:
    return {"doc_id": doc_id, "sent_id": sent_id, "start_char": 0, "end_char": 1, "text": "w", "lemma": "w",
            "family": family, "category": category, "entry": "w", "source": "project", "voice": voice}


def markers_table() -> pd.DataFrame:
    """X: 4 + 2 threat markers (one quoted), 1 hedge; Y: 2 war markers, 1 booster."""
    rows = ([marker("x1", "loaded", "threat")] * 4 + [marker("x2", "loaded", "threat")]
            + [marker("x2", "loaded", "threat", "quoted", 1)] + [marker("x1", "hedge", "modal", sent_id=2)]
            + [marker("y1", "loaded", "war")] * 2 + [marker("y1", "booster", "certainty", sent_id=1)]
            + [marker("elsewhere", "loaded", "threat")])  # an article not in the articles table
    return frame("markers", rows)


def row(table: pd.DataFrame, **where) -> pd.Series:
    mask = np.logical_and.reduce([table[k] == v for k, v in where.items()])
    found = table[mask]
    assert len(found) == 1, where
    return found.iloc[0]


# -- intervals ---------------------------------------------------------------------------------------

def test_poisson_interval_matches_the_exact_garwood_values():
    low, high = measures.poisson_interval([0, 1, 5, 6])
    # Garwood (1936) 95% limits, as tabulated: 0 -> (0, 3.689), 1 -> (0.0253, 5.572), 5 -> (1.623, 11.668)
    assert low == pytest.approx([0.0, 0.02532, 1.62354, 2.20189], abs=1e-4)
    assert high == pytest.approx([3.68888, 5.57164, 11.66833, 13.05947], abs=1e-4)
    assert high[0] == pytest.approx(-math.log(0.025))  # k = 0: the upper limit solves exp(-mu) = 0.025


def test_proportion_interval_is_clopper_pearson():
    low, high = measures.proportion_interval([0, 10, 3], [10, 10, 0])
    assert low[0] == 0 and high[0] == pytest.approx(1 - 0.025 ** (1 / 10))
    assert high[1] == 1 and low[1] == pytest.approx(0.025 ** (1 / 10))
    assert np.isnan(low[2]) and np.isnan(high[2])  # no quotes: no share


def test_mean_interval_is_a_student_t_interval():
    mean, low, high = measures.mean_interval([0.0, 0.2, 0.4])
    half = 4.302653 * 0.2 / math.sqrt(3)  # t(0.975, 2 df) * sd / sqrt(n)
    assert (mean, low, high) == pytest.approx((0.2, 0.2 - half, 0.2 + half), abs=1e-6)
    assert np.isnan(measures.mean_interval([0.5])[1])


# -- rates -------------------------------------------------------------------------------------------

def test_rate_per_1000_words_with_a_poisson_interval_per_outlet():
    table = measures.rates(markers_table(), articles_table(), keys=("family",))
    x = row(table, outlet="X", family="loaded")
    # 6 loaded markers in 2,000 + 1,000 words: 6 / 3000 * 1000 = 2.0 per 1,000 words
    assert (x["articles"], x["words"], x["count"]) == (2, 3000, 6)
    assert x["rate"] == pytest.approx(2.0)
    assert (x["rate_low"], x["rate_high"]) == pytest.approx((2.20189 / 3, 13.05947 / 3), abs=1e-4)
    assert list(table.columns) == ["outlet", "family", "articles", "words", "count", "rate", "rate_low",
                                   "rate_high"]


def test_a_category_an_outlet_never_uses_is_rate_zero_with_an_interval():
    table = measures.rates(markers_table(), articles_table(), keys=("family", "category"))
    y = row(table, outlet="Y", family="loaded", category="threat")
    assert (y["count"], y["rate"], y["rate_low"]) == (0, 0.0, 0.0)
    assert y["rate_high"] == pytest.approx(-math.log(0.025) / 500 * 1000)  # 3.689 per 500 words
    # every outlet has a row for every (family, category) found anywhere, in a stable order
    assert len(table) == 2 * 4
    assert table[["family", "category"]].drop_duplicates().values.tolist() == [
        ["booster", "certainty"], ["hedge", "modal"], ["loaded", "threat"], ["loaded", "war"]]


def test_split_by_voice_lists_both_voices():
    table = measures.rates(markers_table(), articles_table(), keys=("family", "voice"))
    assert row(table, outlet="X", family="loaded", voice="author")["count"] == 5
    assert row(table, outlet="X", family="loaded", voice="quoted")["count"] == 1
    assert row(table, outlet="Y", family="loaded", voice="quoted")["count"] == 0


def test_levels_make_families_appear_that_nobody_uses():
    hedges = markers_table().query("family in ['hedge', 'booster']")
    table = measures.rates(hedges, articles_table(), keys=("family",),
                           levels={"family": ("hedge", "booster", "distancing")})
    assert table["family"].tolist() == ["hedge", "booster", "distancing"] * 2
    assert row(table, outlet="Y", family="distancing")["count"] == 0


def test_rates_per_article_and_by_any_metadata_column():
    per_article = measures.rates(markers_table(), articles_table(), by="doc_id", keys=())
    assert per_article.set_index("doc_id")["count"].to_dict() == {"x1": 5, "x2": 2, "y1": 3}
    assert row(per_article, doc_id="x2")["rate"] == pytest.approx(2.0)  # 2 in 1,000 words
    by_language = measures.rates(markers_table(), articles_table(), by="language", keys=())
    assert row(by_language, language="en")["rate"] == pytest.approx(8 / 2500 * 1000)
    both = measures.rates(markers_table(), articles_table(), by=["outlet", "language"], keys=())
    assert len(both) == 3


def test_markers_of_articles_left_out_are_ignored_and_empty_markers_give_an_empty_table():
    only_y = articles_table().query("outlet == 'Y'")
    table = measures.rates(markers_table(), only_y, keys=())
    assert table["count"].tolist() == [3]
    empty = measures.rates(frame("markers"), articles_table(), keys=("family",))
    assert empty.empty and "rate_high" in empty.columns
    total = measures.rates(frame("markers"), articles_table(), keys=())
    assert total["count"].tolist() == [0, 0] and total["rate_high"].gt(0).all()


def test_an_unknown_column_is_an_error_that_names_the_columns():
    with pytest.raises(FramingError, match="no column 'country' in the articles table.*outlet"):
        measures.rates(markers_table(), articles_table(), by="country")
    with pytest.raises(FramingError, match="'colour'"):
        measures.rates(markers_table(), articles_table(), keys=("colour",))


def test_bootstrap_intervals_resample_articles_and_are_reproducible():
    first = measures.rates(markers_table(), articles_table(), keys=("family",), method="bootstrap", seed=1)
    again = measures.rates(markers_table(), articles_table(), keys=("family",), method="bootstrap", seed=1)
    pd.testing.assert_frame_equal(first, again)
    x = row(first, outlet="X", family="loaded")
    # resampling X's two articles: rates of x1 alone (2.0), x2 alone (2.0) or both (2.0) -> all 2.0
    assert (x["rate_low"], x["rate_high"]) == pytest.approx((2.0, 2.0))
    hedge = row(first, outlet="X", family="hedge")  # x1 alone 0.5, x2 alone 0, both 1/3
    assert hedge["rate_low"] == pytest.approx(0.0) and hedge["rate_high"] == pytest.approx(0.5)
    poisson = measures.rates(markers_table(), articles_table(), keys=("family",))
    y_boot, y_poisson = row(first, outlet="Y", family="loaded"), row(poisson, outlet="Y", family="loaded")
    assert y_boot["rate_high"] == y_poisson["rate_high"]  # one article: nothing to resample


# -- sourcing ----------------------------------------------------------------------------------------

def quote(doc_id: str, quote_id: int, kind: str, speaker: str = "", speaker_type: str = "unknown",
          cue_class: str = "", resolved: str | None = None) -> dict:
    return {"doc_id": doc_id, "quote_id": quote_id, "sent_id": 0, "kind": kind, "start_char": 0, "end_char": 5,
            "text": "words", "speaker": speaker, "speaker_resolved": speaker if resolved is None else resolved,
            "speaker_type": speaker_type, "cue": "said" if cue_class else "", "cue_class": cue_class}


def quotes_table() -> pd.DataFrame:
    return frame("quotes", [
        quote("x1", 1, "direct", "Putin", "named_person", "neutral", "Vladimir Putin"),
        quote("x1", 2, "direct", "he", "named_person", "assertive", "Vladimir Putin"),
        quote("x2", 1, "indirect", "an observer", "anonymous", "neutral"),
        quote("x2", 2, "scare"),
        quote("y1", 1, "according_to", "RIA Novosti", "media"),
    ])


def test_sourcing_profile_shares_with_exact_intervals():
    profile = measures.sourcing_profile(quotes_table(), articles_table())
    direct = row(profile, outlet="X", dimension="kind", value="direct")
    assert (direct["count"], direct["total"], direct["share"]) == (2, 4, 0.5)
    assert direct["share_low"] == pytest.approx(0.0676, abs=1e-4)  # Clopper-Pearson 2 of 4
    assert direct["share_high"] == pytest.approx(0.9324, abs=1e-4)
    named = row(profile, outlet="X", dimension="speaker_type", value="named_person")
    assert (named["count"], named["total"]) == (2, 3)  # the scare quote has no speaker: not counted
    assert row(profile, outlet="Y", dimension="speaker_type", value="media")["share"] == 1.0
    cue = row(profile, outlet="X", dimension="cue_class", value="neutral")
    assert (cue["count"], cue["total"]) == (2, 3)
    assert row(profile, outlet="Y", dimension="cue_class", value="neutral")["total"] == 0
    assert set(profile.query("dimension == 'kind'")["value"]) == {"direct", "indirect", "according_to", "scare"}


def test_who_is_quoted_most_by_resolved_speaker():
    profile = measures.sourcing_profile(quotes_table(), articles_table(), top_speakers=2)
    speakers = profile.query("dimension == 'speaker'")
    assert speakers["value"].drop_duplicates().tolist() == ["Vladimir Putin", "RIA Novosti"]
    assert row(speakers, outlet="X", value="Vladimir Putin")["count"] == 2  # "Putin" and "he"
    assert row(speakers, outlet="X", value="RIA Novosti")["count"] == 0


# -- distinctive terms -------------------------------------------------------------------------------

def sentences_table(texts: dict[str, list[str]]) -> pd.DataFrame:
    rows = []
    for doc_id, sentences in texts.items():
        for i, text in enumerate(sentences):
            rows.append({"doc_id": doc_id, "sent_id": i, "start_char": 0, "end_char": len(text), "section": "body",
                         "text": text, "polarity": 0.0, "subjectivity": 0.0})
    return frame("sentences", rows)


def test_tokenize_keeps_words_with_inner_apostrophes_and_hyphens():
    assert measures.tokenize("So-called \u201cfifth column\u201d didn\u2019t win in 2022.") == [
        "so-called", "fifth", "column", "didn't", "win", "in"]


def test_log_odds_z_score_worked_out_by_hand():
    """X says "war war peace", Y says "peace peace talk" (Monroe et al. 2008, eqs. 16, 20, 22)."""
    arts = articles_table().query("doc_id in ['x1', 'y1']")
    sents = sentences_table({"x1": ["War, war.", "Peace!"], "y1": ["Peace peace talk"]})
    terms = measures.distinctive_terms(sents, arts)
    # pooled counts: war 2, peace 3, talk 1 (6 words); prior a_w = pooled counts (a0 = 6)
    a, a0, y_i, y_j, n_i, n_j = 2, 6, 2, 0, 3, 3
    delta = math.log((y_i + a) / (n_i + a0 - y_i - a)) - math.log((y_j + a) / (n_j + a0 - y_j - a))
    var = 1 / (y_i + a) + 1 / (y_j + a)
    war = row(terms, outlet="X", term="war")
    assert delta == pytest.approx(math.log(4 / 5) - math.log(2 / 7))
    assert (war["delta"], war["var"], war["z"]) == pytest.approx((delta, var, delta / math.sqrt(var)))
    assert war["z"] == pytest.approx(1.18890, abs=1e-5)
    assert (war["count"], war["count_rest"], war["articles"], war["words"]) == (2, 0, 1, 3)
    # two groups: Y against X is the mirror image
    assert row(terms, outlet="Y", term="war")["z"] == pytest.approx(-war["z"])
    # within a group, terms come by descending z (peace: -0.665, talk: -0.675)
    assert terms.query("outlet == 'X'")["term"].tolist() == ["war", "peace", "talk"]


def test_log_odds_prior_size_scales_the_prior():
    arts = articles_table().query("doc_id in ['x1', 'y1']")
    sents = sentences_table({"x1": ["war war peace"], "y1": ["peace peace talk"]})
    terms = measures.distinctive_terms(sents, arts, prior_size=60)  # a_w = 10 x pooled counts
    a, a0 = 20, 60
    delta = math.log((2 + a) / (3 + a0 - 2 - a)) - math.log((0 + a) / (3 + a0 - 0 - a))
    z = delta / math.sqrt(1 / (2 + a) + 1 / (0 + a))
    assert row(terms, outlet="X", term="war")["z"] == pytest.approx(z)
    without = measures.distinctive_terms(sents, arts, stop_words={"peace"})
    assert "peace" not in set(without["term"])


def test_one_group_has_nothing_to_be_compared_with():
    arts = articles_table().query("doc_id == 'y1'")
    assert measures.distinctive_terms(sentences_table({"y1": ["peace"]}), arts).empty


# -- actors ------------------------------------------------------------------------------------------

def mention(doc_id: str, sent_id: int, text: str, actor: str, label: str = "PERSON",
            role: str = "subject") -> dict:
    return {"doc_id": doc_id, "sent_id": sent_id, "start_char": 0, "end_char": len(text), "text": text,
            "label": label, "actor": actor, "role": role}


def test_actor_profile_counts_roles_and_scores_the_sentences_that_name_them():
    sents = sentences_table({"x1": ["a", "b", "c"], "y1": ["d", "e", "f"]})
    sents["polarity"] = [0.0, 0.2, 0.4, -0.5, 0.0, 0.0]
    sents["subjectivity"] = [0.1, 0.3, 0.5, 0.9, 0.0, 0.0]
    mentions = pd.DataFrame([
        mention("x1", 0, "Putin", "Vladimir Putin"), mention("x1", 0, "he", "Vladimir Putin", role="object"),
        mention("x1", 1, "Putin", "Vladimir Putin", role="object"), mention("x1", 2, "Putin", "Vladimir Putin"),
        mention("y1", 0, "Kazakhstan", "Kazakhstan", "GPE", "other"),
        mention("y1", 1, "Tokayev", "", role="subject"),  # no canonical name: the text stands in
        mention("y1", 2, "Monday", "Monday", "DATE"),  # not an actor label
    ])
    profile = measures.actor_profile(mentions, sents, articles_table())
    assert profile["actor"].drop_duplicates().tolist() == ["Vladimir Putin", "Kazakhstan", "Tokayev"]
    putin = row(profile, outlet="X", actor="Vladimir Putin")
    counts = putin[["mentions", "subject", "object", "other", "sentences"]].tolist()
    assert counts == [4, 2, 2, 0, 3]  # "Putin" and "he" in sentence 0: one sentence
    assert putin["rate"] == pytest.approx(4 / 3000 * 1000)
    # sentences 0, 1, 2 of x1 (sentence 0 counted once): polarity 0.0, 0.2, 0.4
    half = 4.302653 * 0.2 / math.sqrt(3)
    assert (putin["polarity"], putin["polarity_low"], putin["polarity_high"]) == pytest.approx(
        (0.2, 0.2 - half, 0.2 + half), abs=1e-6)
    assert putin["subjectivity"] == pytest.approx(0.3)
    assert putin["subjectivity_low"] == 0.0  # the t-interval is clipped to the scale
    absent = row(profile, outlet="Y", actor="Vladimir Putin")
    assert (absent["mentions"], absent["rate"], absent["sentences"]) == (0, 0.0, 0)
    assert np.isnan(absent["polarity"]) and absent["rate_high"] > 0
    kz = row(profile, outlet="Y", actor="Kazakhstan")
    assert (kz["label"], kz["other"], kz["polarity"]) == ("GPE", 1, -0.5) and np.isnan(kz["polarity_low"])
    assert len(measures.actor_profile(mentions, sents, articles_table(), top=1)) == 2
    assert measures.actor_profile(frame("mentions"), sents, articles_table()).empty


# -- sentences ---------------------------------------------------------------------------------------

def test_sentence_features_count_markers_by_voice_and_quotes_by_overlap():
    sents = sentences_table({"x1": ["aaaa", "bbbb", "cccc"]})
    sents["start_char"], sents["end_char"] = [0, 5, 10], [4, 9, 14]
    quotes = frame("quotes", [{**quote("x1", 1, "direct", "A", "named_person"), "start_char": 3, "end_char": 7},
                              {**quote("x1", 2, "scare"), "start_char": 11, "end_char": 13}])
    features = measures.sentence_features(sents, markers_table(), quotes, articles_table().query("doc_id == 'x1'"))
    assert features["sent_id"].tolist() == [0, 1, 2]
    assert features["loaded_author"].tolist() == [4, 0, 0]
    assert features["hedge_author"].tolist() == [0, 0, 1]
    assert features["quotations"].tolist() == [1, 1, 0]  # the quote runs over sentences 0 and 1
    assert features["scare_quotes"].tolist() == [0, 0, 1]
    x2 = measures.sentence_features(sentences_table({"x2": ["a", "b"]}), markers_table(), frame("quotes"),
                                    articles_table())
    assert x2["loaded_author"].tolist() == [1, 0] and x2["loaded_quoted"].tolist() == [0, 1]


# -- frames ------------------------------------------------------------------------------------------

def frames_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """X: security found in x1 only, economic in both; Y: nothing found. Sentence cues: x1 has 3
    sentences, two evoking security (one of them twice); y1 one sentence evoking economic."""
    found = {("x1", "Security_and_defense"), ("x1", "Economic"), ("x2", "Economic")}
    frames = frame("frames", [{"doc_id": d, "frame": f, "score": 0.9 if (d, f) in found else 0.1,
                               "present": (d, f) in found, "n_sentences": 0, "evidence": "", "source": "m"}
                              for d in ("x1", "x2", "y1") for f in ("Economic", "Security_and_defense")])
    evoked = frame("sentence_frames", [
        {"doc_id": "x1", "sent_id": 0, "frame": "Security_and_defense", "score": 1.0, "n_cues": 2, "cues": "a;b"},
        {"doc_id": "x1", "sent_id": 2, "frame": "Security_and_defense", "score": 0.5, "n_cues": 1, "cues": "c"},
        {"doc_id": "y1", "sent_id": 1, "frame": "Economic", "score": 0.2, "n_cues": 1, "cues": "d"}])
    sentences = frame("sentences", [{"doc_id": d, "sent_id": i, "start_char": 0, "end_char": 1, "section": "body",
                                     "text": "w", "polarity": 0.0, "subjectivity": 0.0}
                                    for d, n in (("x1", 3), ("x2", 2), ("y1", 3)) for i in range(n)])
    return frames, evoked, sentences


def test_frame_shares_are_article_and_sentence_shares_with_exact_intervals():
    frames, evoked, sentences = frames_tables()
    shares = measures.frame_shares(frames, evoked, sentences, articles_table())
    assert len(shares) == 2 * 14  # every frame for every outlet, in the codebook's order
    assert shares["frame"].head(2).tolist() == ["Economic", "Capacity_and_resources"]
    security = row(shares, outlet="X", frame="Security_and_defense")
    assert (security["scored"], security["present"], security["article_share"]) == (2, 1, 0.5)
    low, high = measures.proportion_interval(1, 2)
    assert (security["article_low"], security["article_high"]) == pytest.approx((float(low), float(high)))
    assert (security["sentences"], security["evoking"]) == (5, 2) and security["sentence_share"] == 0.4
    assert security["label"] == "Security and defense"
    economic_y = row(shares, outlet="Y", frame="Economic")
    assert (economic_y["present"], economic_y["article_share"], economic_y["sentence_share"]) == (0, 0.0, 1 / 3)


def test_frame_shares_without_a_model_have_no_article_share():
    _, evoked, sentences = frames_tables()
    shares = measures.frame_shares(frame("frames"), evoked, sentences, articles_table())
    assert shares["scored"].eq(0).all() and shares["article_share"].isna().all()
    assert row(shares, outlet="X", frame="Security_and_defense")["evoking"] == 2
