"""Postprocess stage: articles, reading order, paragraphs, captions -> the final Page."""

from broadsheet.postprocess.assemble import assemble

__all__ = ["assemble"]
