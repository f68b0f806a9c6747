"""framing.measures.sourcing: shares of quote kinds, speaker types and cue classes with exact intervals,
and the most-quoted speakers."""

from __future__ import annotations

import pytest

from framing import measures
from rows import row


def test_sourcing_profile_shares_with_exact_intervals(articles, quotes):
    profile = measures.sourcing_profile(quotes, articles)
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


def test_who_is_quoted_most_by_resolved_speaker(articles, quotes):
    profile = measures.sourcing_profile(quotes, articles, top_speakers=2)
    speakers = profile.query("dimension == 'speaker'")
    assert speakers["value"].drop_duplicates().tolist() == ["Vladimir Putin", "RIA Novosti"]
    assert row(speakers, outlet="X", value="Vladimir Putin")["count"] == 2  # "Putin" and "he"
    assert row(speakers, outlet="X", value="RIA Novosti")["count"] == 0
