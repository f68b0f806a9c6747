"""Views of the tables for people: Jupyter views (highlighted articles, keyword in context) and the static
HTML report (:mod:`framing.views.report`)."""
