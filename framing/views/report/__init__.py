"""The static HTML report (``framing report``): an overview with the figures and key numbers, one page per
article with its markers and quotations highlighted, a searchable keyword-in-context table, and every
table as CSV; it opens from the file system, offline. See :mod:`framing.views.report.builder`."""

from framing.views.report.builder import MARKER, ReportSummary, build_report
from framing.views.report.results import is_results_folder, read_results

__all__ = ["MARKER", "ReportSummary", "build_report", "is_results_folder", "read_results"]
