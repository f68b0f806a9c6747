"""The look shared by every figure and view: one palette, one style, the labels of every category.

- :data:`PALETTE`: one colour per outlet or group (Okabe & Ito's colour-blind-safe palette, then
  Paul Tol's "muted"), given in sorted order by :func:`outlet_colors`;
- :data:`FAMILY_COLORS`: one colour per marker family and for quotations (Paul Tol's "vibrant" palette,
  colour-blind safe), the same in the framing strip, the highlighted articles and the report
  (:func:`span_colors`: light tints of them, so that highlighted text stays readable);
- :data:`STYLE`: matplotlib settings that make every figure byte-reproducible.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from matplotlib.colors import to_hex, to_rgb

#: Okabe & Ito (2008), the colour-blind-safe palette, strongest contrasts first; then Paul Tol's
#: "muted" palette. Beyond these 17, colours repeat: facet or group outlets instead.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
           "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")
#: One colour per marker family and for quotations, in every figure, view and report (Paul Tol's
#: "vibrant" palette, colour-blind safe).
FAMILY_COLORS = {"loaded": "#EE7733", "hedge": "#33BBEE", "booster": "#0077BB", "distancing": "#EE3377",
                 "reporting_verb": "#CC3311", "quotation": "#009988", "frame": "#BBBBBB"}
FAMILY_LABELS = {"loaded": "Loaded term", "hedge": "Hedge", "booster": "Booster", "distancing": "Distancing",
                 "reporting_verb": "Reporting verb", "quotation": "Quotation", "frame": "Frame cue"}
#: One colour per frame, for frame cues highlighted by their frame (Paul Tol's "muted" and "light"
#: palettes, colour-blind safe), in the codebook's order of the frames.
FRAME_COLORS = {"Economic": "#DDCC77", "Capacity_and_resources": "#999933", "Morality": "#AA4499",
                "Fairness_and_equality": "#CC6677", "Legality_Constitutionality_and_jurisprudence": "#332288",
                "Policy_prescription_and_evaluation": "#44AA99", "Crime_and_punishment": "#882255",
                "Security_and_defense": "#EE8866", "Health_and_safety": "#117733", "Quality_of_life": "#BBCC33",
                "Cultural_identity": "#77AADD", "Public_opinion": "#FFAABB", "Political": "#88CCEE",
                "External_regulation_and_reputation": "#EEDD88"}
#: The look of every figure: a font shipped with matplotlib, small sizes for a column's width, no
#: chart junk; fixed SVG ids and PNG resolution so that files are identical from run to run.
STYLE: dict[str, object] = {
    "font.family": "DejaVu Sans", "font.size": 8, "axes.titlesize": 8.5, "axes.titleweight": "bold",
    "axes.labelsize": 8, "xtick.labelsize": 7.5, "ytick.labelsize": 7.5, "legend.fontsize": 7.5,
    "legend.title_fontsize": 7.5, "legend.frameon": False, "figure.titlesize": 10,
    "figure.titleweight": "bold", "axes.spines.top": False, "axes.spines.right": False,
    "axes.axisbelow": True, "axes.edgecolor": "#444444", "xtick.color": "#444444",
    "ytick.color": "#444444", "axes.labelcolor": "#222222", "text.color": "#222222",
    "figure.facecolor": "white", "savefig.facecolor": "white", "savefig.dpi": 200,
    "svg.fonttype": "path", "svg.hashsalt": "framing", "svg.id": "framing",
    "axes.unicode_minus": True, "figure.constrained_layout.use": False,
}
WIDTH_COLUMN, WIDTH_PAGE = 3.5, 7.0  # inches
ERROR = {"fmt": "none", "ecolor": "#333333", "elinewidth": 0.7, "capsize": 1.5, "capthick": 0.7}
GRID = {"color": "#E5E5E5", "linewidth": 0.6}
NOTE_COLOR = "#555555"
PER_1000 = "per 1,000 words"
ZERO = "A line without a bar: none found; the line is the upper 95% bound."
KIND_LABELS = {"direct": "Direct quote", "indirect": "Indirect (reported) speech",
               "according_to": "\u201cAccording to\u201d", "scare": "Scare quotes (no speaker)"}
TYPE_LABELS = {"named_person": "Named person", "anonymous": "Anonymous", "organization": "Organisation",
               "media": "Media", "group": "Group", "unknown": "Unknown"}
VOICE_TITLES = {"author": "In the outlet\u2019s own words", "quoted": "Inside quotations",
                "": "Voice not known"}


def outlet_colors(outlets: Iterable[object]) -> dict[str, str]:
    """One colour per outlet (or group label), assigned in sorted order from :data:`PALETTE`, so that
    the same outlets get the same colours in every figure.

    >>> outlet_colors(["OneWorld", "Krone"])
    {'Krone': '#0072B2', 'OneWorld': '#D55E00'}
    """
    names = sorted({str(o) for o in outlets})
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def tint(color: str, amount: float = 0.35) -> str:
    """``color`` mixed with white (``amount`` of the colour)."""
    rgb = np.array(to_rgb(color))
    return to_hex(1 - amount * (1 - rgb))


def span_colors() -> dict[str, str]:
    """Highlight colours of marker families and quotation kinds (light tints of :data:`FAMILY_COLORS`,
    so that text on them stays readable): the views and the report use these."""
    quotation, distancing = FAMILY_COLORS["quotation"], FAMILY_COLORS["distancing"]
    colors = {family: tint(color, 0.45) for family, color in FAMILY_COLORS.items() if family != "quotation"}
    colors.update({"direct": tint(quotation, 0.35), "indirect": tint("#BBBBBB", 0.6),
                   "according_to": tint(quotation, 0.18), "scare": tint(distancing, 0.22)})
    return colors


#: Kinds of aligned passages (figure 9): one colour each; ``related`` is drawn light and dashed.
ALIGN_COLORS = {"same_quote": FAMILY_COLORS["quotation"], "quote_paraphrase": "#AA3377", "same_fact": "#4477AA",
                "related": "#BBBBBB"}
ALIGN_LABELS = {"same_quote": "Same quotation", "quote_paraphrase": "Quotation and its paraphrase",
                "same_fact": "Same fact", "related": "Related (same topic)"}
