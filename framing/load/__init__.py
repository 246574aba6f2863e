"""Loaders: scraped page text, saved HTML and tables into a corpus DataFrame."""

from framing.load.audit import PageAudit, page_audit
from framing.load.corpus import read_corpus
from framing.load.report import LoadError, LoadReport

__all__ = ["LoadError", "LoadReport", "PageAudit", "page_audit", "read_corpus"]
