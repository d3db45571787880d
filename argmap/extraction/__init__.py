"""The quote extractor: statements and their speaker mentions, found in one document's text."""

from argmap.extraction.extractor import extract_statements

__all__ = ["extract_statements"]
