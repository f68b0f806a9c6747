"""Views of the tables for people: Jupyter views (highlighted articles, keyword in context)."""
