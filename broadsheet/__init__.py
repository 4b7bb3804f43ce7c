"""broadsheet: scanned newspaper pages to articles, paragraphs and captioned photos."""

from broadsheet.model import Article, Line, Page, Photo, Region, RegionType

__version__ = "0.1.0"

__all__ = ["Article", "Line", "Page", "Photo", "Pipeline", "Region", "RegionType", "__version__"]


def __getattr__(name: str):
    # Importing the pipeline loads OpenCV and ONNX Runtime: only do it when asked for.
    if name == "Pipeline":
        from broadsheet.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
